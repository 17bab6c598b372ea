package io.twofakit.server.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Puts the launcher beside the runnable jar: the script {@code twofa-server}, and the archive of the classes a
 * start and a first OTP flow load ({@code twofa-server.jsa}, a dynamic CDS archive), which the script hands to the
 * JVM. It is made the way the JVM makes such an archive: the launcher runs the jar with
 * {@code -XX:ArchiveClassesAtExit}, answers a set-up, a send and a validation, and is stopped (SIGTERM); the JVM
 * writes the archive as it exits. The archive fits only the JVM that made it and the jar at this path; the JVM
 * leaves it aside, with a warning, once either changes.
 *
 * <p>Run by the exec plugin in the package phase, after the jar is built: {@code ClassArchive LAUNCHER TARGET}. A
 * failure to archive is printed and leaves the launcher without an archive (it runs, a second slower); the build
 * goes on, and the launcher's process test (LauncherProcessIT, which requires the archive) fails.
 */
public final class ClassArchive {

    static final String LAUNCHER = "twofa-server";
    static final String ARCHIVE = "twofa-server.jsa";
    private static final Pattern LISTENING = Pattern.compile("twofa-server is listening on (http://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String KEY = "key-of-the-class-archive-run";

    private final Path target;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int requests;

    private ClassArchive(Path target) {
        this.target = target;
    }

    public static void main(String[] args) throws IOException {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        Path target = Path.of(args[1]).toAbsolutePath();
        Path installed = target.resolve(LAUNCHER);
        Files.copy(launcher, installed, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(target.resolve(ARCHIVE));
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            System.out.println("[launcher] " + installed + " is a POSIX shell script; here, run java -jar "
                    + target.resolve("twofa-server.jar"));
            return;
        }
        Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rwxr-xr-x"));
        long started = System.nanoTime();
        try {
            ClassArchive run = new ClassArchive(target);
            long bytes = run.archive(installed);
            System.out.printf("[launcher] %s, and the classes of a start and %d requests archived in %s (%d MiB)"
                            + " in %.1f s%n", installed, run.requests, target.resolve(ARCHIVE), bytes >> 20,
                    (System.nanoTime() - started) / 1e9);
        } catch (RuntimeException | IOException e) {
            // what a failed run may have archived is not what a start loads
            Files.deleteIfExists(target.resolve(ARCHIVE));
            System.out.println("[launcher] " + installed + " runs without a class archive (about a second slower to"
                    + " start): making it failed: " + e);
        }
    }

    /** Runs the launcher once with {@code ArchiveClassesAtExit}; answers the archive's size. */
    private long archive(Path launcher) throws IOException {
        Path work = target.resolve("class-archive-run");
        deleteRecursively(work);
        Files.createDirectories(work);
        Path archive = target.resolve(ARCHIVE);
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--port", "0", "--api-key", KEY + "=archive")
                .directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("TWOFA_JAVA_OPTS", "-XX:ArchiveClassesAtExit=" + archive);
        Process server = builder.start();
        Path log = work.resolve("server.log");
        CompletableFuture<URI> listening = CompletableFuture.supplyAsync(() -> copyUntilListening(server, log));
        try {
            URI base = listening.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            firstOtpFlow(base);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            server.destroyForcibly();
            throw new IllegalStateException("the server did not answer as expected (" + e.getMessage() + "); see "
                    + log, e);
        }
        server.toHandle().destroy();
        try {
            if (!server.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                server.destroyForcibly();
                throw new IllegalStateException("the server did not stop within " + TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the JVM wrote no archive; see " + log);
        }
        deleteRecursively(work);
        return Files.size(archive);
    }

    /** What a first integration does: set up a profile, send an OTP, read it, validate it; and two refusals. */
    private void firstOtpFlow(URI base) throws IOException, InterruptedException {
        post(base, "/2fa/v4/templates/sms", "{\"name\":\"archive_sms\",\"language\":\"en\",\"message\":"
                + "\"Your code is {{otp_code}}.\",\"codeExpirationTime\":5}", 201);
        post(base, "/2fa/v4/templates/viber", "{\"name\":\"archive_viber\",\"language\":\"en\",\"message\":"
                + "\"{{otp_code}} is your code.\",\"codeExpirationTime\":5}", 201);
        post(base, "/2fa/v4/profiles", "{\"name\":\"archive_profile\",\"attempts\":3,\"otpCodeLength\":6,"
                + "\"alphanumeric\":\"false\",\"channels\":[{\"type\":\"SMS\",\"templates\":[{\"name\":"
                + "\"archive_sms\",\"languageCode\":\"en\"}]},{\"type\":\"VIBER\",\"templates\":[{\"name\":"
                + "\"archive_viber\",\"languageCode\":\"en\"}]}]}", 201);
        post(base, "/2fa/v4/priorities", "{\"name\":\"archive_priority\",\"channelPriority\":[{\"channel\":\"SMS\","
                + "\"priority\":1},{\"channel\":\"VIBER\",\"priority\":2}]}", 201);
        JsonNode sent = post(base, "/2fa/v4/otp", "{\"to\":\"+491701234567\",\"profileName\":\"archive_profile\","
                + "\"priorityName\":\"archive_priority\",\"languageCode\":\"en\",\"otpCode\":\"123456\"}", 202);
        String otpId = sent.path("id").asText();
        if (otpId.isEmpty()) {
            throw new IllegalStateException("the send answered no OTP id: " + sent);
        }
        String otp = "/2fa/v4/otp/" + otpId;
        send(base, HttpRequest.newBuilder(base.resolve(otp)).header("apiKey", KEY).GET(), 200);
        JsonNode validated = post(base, otp + "/validate", "{\"otpCode\":\"123456\"}", 200);
        if (!"VERIFIED".equals(validated.path("otpStatus").asText())) {
            throw new IllegalStateException("the OTP was not verified: " + validated);
        }
        send(base, HttpRequest.newBuilder(base.resolve("/2fa/v4/templates")).GET(), 401);
        post(base, "/2fa/v4/otp", "{\"to\":", 400);
    }

    private JsonNode post(URI base, String path, String body, int expected) throws IOException, InterruptedException {
        return send(base, HttpRequest.newBuilder(base.resolve(path)).header("apiKey", KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), expected);
    }

    private JsonNode send(URI base, HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        requests++;
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.uri().getPath()
                    + " answered " + response.statusCode() + " instead of " + expected + ": " + response.body());
        }
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }

    /** Copies the server's output to its log until it says where it listens (then the rest, in the background). */
    private static URI copyUntilListening(Process server, Path log) {
        try {
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
            String line;
            while ((line = output.readLine()) != null) {
                file.write(line + System.lineSeparator());
                file.flush();
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    Thread rest = new Thread(() -> copyRest(output, file), "class-archive-output");
                    rest.setDaemon(true);
                    rest.start();
                    return URI.create(listening.group(1));
                }
            }
            file.close();
            throw new IllegalStateException("the server ended before it listened");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyRest(BufferedReader output, Writer file) {
        try (output; file) {
            output.transferTo(file);
        } catch (IOException e) {
            // the server is gone: nothing more to copy
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
