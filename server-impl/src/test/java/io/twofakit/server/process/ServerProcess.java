package io.twofakit.server.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's runnable jar started as a process of its own, as an operator starts it: its output goes to a log
 * file, and it is ready when it prints where it listens. It can be killed as a crash would kill it.
 */
public final class ServerProcess implements AutoCloseable {

    /** The jar that {@code package} builds; the tests that use it run after that phase (failsafe). */
    public static final Path JAR = Path.of("target", "twofa-server.jar").toAbsolutePath();
    /** The launcher the build puts beside the jar, with the class archive it hands to the JVM (ClassArchive). */
    public static final Path LAUNCHER = Path.of("target", "twofa-server").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("twofa-server is listening on (http://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI baseUri;
    private final Path log;
    private final Thread copier;

    private ServerProcess(Process process, URI baseUri, Path log, Thread copier) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
        this.copier = copier;
    }

    /**
     * Starts the jar in {@code workingDirectory} with {@code options} (its relative default database lives there)
     * and waits until it listens. Its output is appended to {@code log}.
     */
    public static ServerProcess start(Path workingDirectory, Path log, List<String> options) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these tests run after the package phase");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(options);
        return start(command, Map.of(), workingDirectory, log);
    }

    /**
     * Starts the server with the launcher the build puts beside the jar, as the README runs it, with
     * {@code environment} added to this process's; otherwise as {@link #start(Path, Path, List)}.
     */
    public static ServerProcess startWithLauncher(Path workingDirectory, Path log, Map<String, String> environment,
                                                  List<String> options) {
        return startWithLauncher(LAUNCHER, workingDirectory, log, environment, options);
    }

    /** As {@link #startWithLauncher(Path, Path, Map, List)}, with the launcher at {@code launcher}. */
    public static ServerProcess startWithLauncher(Path launcher, Path workingDirectory, Path log,
                                                  Map<String, String> environment, List<String> options) {
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException(launcher + " is missing: these tests run after the package phase");
        }
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(options);
        // the launcher finds its JVM (JAVA_HOME, else the PATH's) as it did when the build made the class archive
        return start(command, environment, workingDirectory, log);
    }

    private static ServerProcess start(List<String> command, Map<String, String> environment,
                                       Path workingDirectory, Path log) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread copier = new Thread(() -> copyOutput(process, log, listening), "server-output");
        copier.setDaemon(true);
        copier.start();
        try {
            URI baseUri = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new ServerProcess(process, baseUri, log, copier);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while the server started", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The server did not start within " + START_TIMEOUT + "; see " + log, e);
        }
    }

    /** How a run of the jar that was to end by itself ended: its exit status and what it printed. */
    public record Finished(int status, List<String> output) {
    }

    /**
     * Runs the jar in {@code workingDirectory} with {@code options}, for a run that ends by itself (a usage error,
     * {@code --version}, a refused start), and answers how it ended.
     */
    public static Finished run(Path workingDirectory, List<String> options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(options);
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .start();
            CompletableFuture<List<String>> output = CompletableFuture.supplyAsync(() -> new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).lines().toList());
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the jar did not end within " + START_TIMEOUT + ": " + command);
            }
            return new Finished(process.exitValue(), output.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the process as an operator does (SIGTERM), and waits until it is gone and its last lines are in the log;
     * answers its exit status.
     */
    public int stop() {
        close();
        try {
            copier.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.exitValue();
    }

    /** Copies the process's output to the log, and completes {@code listening} with its URL when it says it. */
    private static void copyOutput(Process process, Path log, CompletableFuture<URI> listening) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = output.readLine()) != null) {
                file.println(line);
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    listening.complete(URI.create(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        } finally {
            listening.completeExceptionally(new IllegalStateException("the server stopped before it listened"));
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    public Path log() {
        return log;
    }

    /** Kills the process at once, as {@code kill -9} would: no shutdown hook runs. Waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            // SIGTERM through the handle: Process.destroy() would also close the output, and lose the last lines
            process.toHandle().destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }
}
