package io.twofakit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.twofakit.server.browser.HeadlessChromium;
import io.twofakit.server.process.ServerProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-through of a first integration, run as a reader runs it: the {@code bash} blocks between
 * {@code <!-- walkthrough:start -->} and {@code <!-- walkthrough:end -->}, exactly as written, by bash, against the
 * runnable jar started on a free port. Only the values of the variables the walk-through defines for the reader to
 * fill in ({@code BASE}, {@code KEY}, {@code RECEIVER_PORT}) are replaced. The script must end without error, and
 * the output lines the README shows ({@code # => ...}, with {@code …} for anything) must appear, in that order.
 */
class ReadmeWalkthroughIT {

    private static final Path README = Path.of("..", "README.md").toAbsolutePath().normalize();
    private static final Pattern WALKTHROUGH = Pattern.compile(
            "<!-- walkthrough:start -->(.*?)<!-- walkthrough:end -->", Pattern.DOTALL);
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SHOWN_OUTPUT = Pattern.compile("^# => (.*)$", Pattern.MULTILINE);
    private static final String KEY = "key-of-the-walkthrough";
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path folder;

    @Test
    void theReadmesWalkthroughRunsAsWrittenAndShowsWhatTheServerAnswers() throws Exception {
        requireTools("curl", "jq");
        String script = walkthrough();
        List<String> shown = shownOutput(script);
        assertTrue(shown.size() >= 5, "the walk-through shows what the server answers: " + shown);

        try (ServerProcess server = ServerProcess.start(folder, folder.resolve("server.log"),
                List.of("--port", "0", "--api-key", KEY + "=walkthrough"))) {
            String filledIn = fillIn(script, Map.of(
                    "BASE", server.baseUri().toString(), "KEY", KEY, "RECEIVER_PORT", String.valueOf(freePort())));
            Path file = folder.resolve("walkthrough.sh");
            Files.writeString(file, filledIn);
            String output = run(file);
            assertShownInOrder(shown, output);
        }
    }

    /** The bash blocks of the README's walk-through, in order, as one script. */
    static String walkthrough() throws IOException {
        Matcher section = WALKTHROUGH.matcher(Files.readString(README));
        assertTrue(section.find(), README + " has no walk-through between its markers");
        StringBuilder script = new StringBuilder();
        Matcher block = BASH_BLOCK.matcher(section.group(1));
        while (block.find()) {
            script.append(block.group(1));
        }
        return script.toString();
    }

    private static List<String> shownOutput(String script) {
        List<String> shown = new ArrayList<>();
        Matcher line = SHOWN_OUTPUT.matcher(script);
        while (line.find()) {
            shown.add(line.group(1));
        }
        return shown;
    }

    /** Each variable the reader fills in must be defined once, at the start of a line; its value is replaced. */
    private static String fillIn(String script, Map<String, String> values) {
        String filled = script;
        for (Map.Entry<String, String> variable : values.entrySet()) {
            Pattern definition = Pattern.compile("^" + variable.getKey() + "=\\S*", Pattern.MULTILINE);
            Matcher matcher = definition.matcher(filled);
            assertTrue(matcher.find(), "the walk-through defines " + variable.getKey());
            int start = matcher.start();
            assertTrue(!matcher.find(), "the walk-through defines " + variable.getKey() + " once");
            filled = filled.substring(0, start)
                    + definition.matcher(filled.substring(start)).replaceFirst(
                            Matcher.quoteReplacement(variable.getKey() + "=" + variable.getValue()));
        }
        return filled;
    }

    /**
     * Runs the script with bash from the clone's root (where a reader runs it), with this JVM's {@code java} first
     * on the PATH; it and whatever it started in the background are stopped when it is done or out of time.
     */
    private String run(Path script) throws IOException, InterruptedException {
        Path output = folder.resolve("walkthrough.out");
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", script.toString())
                .directory(README.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        builder.environment().merge("PATH", javaBin, (path, first) -> first + File.pathSeparator + path);
        Process bash = builder.start();
        boolean ended = bash.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        bash.descendants().forEach(ProcessHandle::destroyForcibly);
        if (!ended) {
            bash.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        if (!ended) {
            fail("The walk-through did not end within " + TIMEOUT_SECONDS + " s; it printed:\n" + printed);
        }
        assertEquals(0, bash.exitValue(), () -> "The walk-through failed; it printed:\n" + printed);
        return printed;
    }

    /** Each shown line, with {@code …} for anything, appears in the output after the one before. */
    private static void assertShownInOrder(List<String> shown, String output) {
        int from = 0;
        for (String line : shown) {
            StringBuilder regex = new StringBuilder();
            for (String literal : line.split("…", -1)) {
                regex.append(regex.isEmpty() ? "" : ".*?").append(Pattern.quote(literal));
            }
            Matcher matcher = Pattern.compile(regex.toString()).matcher(output);
            if (!matcher.find(from)) {
                fail("The README shows\n  " + line + "\nbut the server's answers after that point were:\n"
                        + output.substring(from));
            }
            from = matcher.end();
        }
    }

    private static void requireTools(String... tools) {
        for (String tool : tools) {
            boolean found = System.getenv("PATH") != null && java.util.Arrays.stream(
                            System.getenv("PATH").split(File.pathSeparator))
                    .anyMatch(folder -> Files.isExecutable(Path.of(folder, tool)));
            if (!found) {
                String reason = tool + " is not installed: the README's walk-through needs it (.ci/run installs it)";
                if (System.getenv(HeadlessChromium.REQUIRED_ENV) != null) {
                    fail(reason);
                }
                Assumptions.abort(reason);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
