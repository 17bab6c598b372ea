package io.twofakit.server.build;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofakit.server.OtpTestApi;
import io.twofakit.server.process.ServerProcess;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.twofakit.server.OtpTestApi.expect;

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
    private static final String KEY = "key-of-the-class-archive-run";

    private ClassArchive() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[1]).toAbsolutePath();
        Path launcher = target.resolve(LAUNCHER);
        Path archive = target.resolve(ARCHIVE);
        Files.copy(Path.of(args[0]), launcher, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(archive);
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            System.out.println("[launcher] " + launcher + " is a POSIX shell script; here, run java -jar "
                    + target.resolve("twofa-server.jar"));
            return;
        }
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        long started = System.nanoTime();
        try {
            archive(launcher, archive, target.resolve("class-archive-run"));
            System.out.printf("[launcher] %s, and the classes of a start and a first OTP flow archived in %s"
                    + " (%d MiB) in %.1f s%n", launcher, archive, Files.size(archive) >> 20,
                    (System.nanoTime() - started) / 1e9);
        } catch (RuntimeException | IOException | AssertionError e) {
            // what a failed run may have archived is not what a start loads
            Files.deleteIfExists(archive);
            System.out.println("[launcher] " + launcher + " runs without a class archive (about a second slower to"
                    + " start): making it failed: " + e);
        }
    }

    /** Runs the launcher once in {@code work} with {@code ArchiveClassesAtExit}. */
    private static void archive(Path launcher, Path archive, Path work) throws IOException {
        deleteRecursively(work);
        Files.createDirectories(work);
        Path log = work.resolve("server.log");
        try (ServerProcess server = ServerProcess.startWithLauncher(launcher, work, log,
                Map.of("TWOFA_JAVA_OPTS", "-XX:ArchiveClassesAtExit=" + archive),
                List.of("--port", "0", "--api-key", KEY + "=archive"))) {
            firstOtpFlow(new OtpTestApi(server.baseUri()));
            // the JVM writes the archive as it exits
            server.stop();
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the JVM wrote no archive; see " + log);
        }
        deleteRecursively(work);
    }

    /** What a first integration does: set up a profile, send an OTP, read it, validate it; and two refusals. */
    private static void firstOtpFlow(OtpTestApi api) {
        expect(201, api.send(KEY, "POST", "2fa/v4/templates/sms", "{\"name\":\"archive_sms\",\"language\":\"en\","
                + "\"message\":\"Your code is {{otp_code}}.\",\"codeExpirationTime\":5}"));
        expect(201, api.send(KEY, "POST", "2fa/v4/templates/viber", "{\"name\":\"archive_viber\",\"language\":\"en\","
                + "\"message\":\"{{otp_code}} is your code.\",\"codeExpirationTime\":5}"));
        expect(201, api.send(KEY, "POST", "2fa/v4/profiles", "{\"name\":\"archive_profile\",\"attempts\":3,"
                + "\"otpCodeLength\":6,\"alphanumeric\":\"false\",\"channels\":[{\"type\":\"SMS\",\"templates\":"
                + "[{\"name\":\"archive_sms\",\"languageCode\":\"en\"}]},{\"type\":\"VIBER\",\"templates\":"
                + "[{\"name\":\"archive_viber\",\"languageCode\":\"en\"}]}]}"));
        expect(201, api.send(KEY, "POST", "2fa/v4/priorities", "{\"name\":\"archive_priority\",\"channelPriority\":"
                + "[{\"channel\":\"SMS\",\"priority\":1},{\"channel\":\"VIBER\",\"priority\":2}]}"));
        JsonNode sent = expect(202, api.send(KEY, "POST", "2fa/v4/otp", "{\"to\":\"+491701234567\","
                + "\"profileName\":\"archive_profile\",\"priorityName\":\"archive_priority\",\"languageCode\":\"en\","
                + "\"otpCode\":\"123456\"}"));
        String otp = "2fa/v4/otp/" + sent.path("id").asText();
        expect(200, api.send(KEY, "GET", otp, null));
        JsonNode validated = expect(200, api.send(KEY, "POST", otp + "/validate", "{\"otpCode\":\"123456\"}"));
        if (!"VERIFIED".equals(validated.path("otpStatus").asText())) {
            throw new IllegalStateException("the OTP was not verified: " + validated);
        }
        expect(401, api.send(null, "GET", "2fa/v4/templates", null));
        expect(400, api.send(KEY, "POST", "2fa/v4/otp", "{\"to\":"));
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
