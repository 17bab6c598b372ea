package io.twofakit.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofakit.server.config.ServerVersion;
import io.twofakit.server.process.ServerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as an operator meets it: its command line, the API key it keeps, a port or a database already in
 * use, its start-up and shutdown lines, and its logs in JSON.
 */
class ServerProcessIT {

    private static final Pattern KEPT_KEY = Pattern.compile("API key of account \"default\": (\\S+) \\(");

    @TempDir
    Path folder;

    private Path log(String name) {
        return Path.of("target", "logs", "process-" + name + ".log").toAbsolutePath();
    }

    private static List<String> lines(Path log) throws IOException {
        return Files.readAllLines(log);
    }

    @Test
    void versionAndAnUnknownOption() {
        ServerProcess.Finished version = ServerProcess.run(folder, List.of("--version"));
        assertEquals(0, version.status(), version.output().toString());
        assertEquals("twofa-server " + ServerVersion.version(), version.output().get(0));

        ServerProcess.Finished unknown = ServerProcess.run(folder, List.of("--bogus"));
        assertEquals(2, unknown.status(), unknown.output().toString());
        assertEquals("Unknown option: '--bogus'", unknown.output().get(0));
        assertFalse(Files.exists(folder.resolve("data")), "nothing was created");
    }

    @Test
    void aGeneratedApiKeyIsKeptPrintedAtEachStartAndStillWorksAfterARestart() throws IOException {
        Path log = log("kept-key");
        Files.deleteIfExists(log);

        ServerProcess first = ServerProcess.start(folder, log, List.of("--port", "0"));
        String key = keptKey(lines(log));
        assertEquals(200, new OtpTestApi(first.baseUri()).send(key, "GET", "2fa/v4/templates/sms", null).statusCode());
        assertEquals(143, first.stop(), "stopped by SIGTERM (128 + 15), as the JVM reports it after its shutdown");
        List<String> firstRun = lines(log);
        assertTrue(firstRun.stream().anyMatch(line -> line.contains("Stopping: no new requests")), firstRun::toString);
        assertTrue(firstRun.stream().anyMatch(line -> line.matches(".* - Stopped in \\d+ ms")), firstRun::toString);
        Path keyFile = folder.resolve("data").resolve("twofa.apikey");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));

        try (ServerProcess second = ServerProcess.start(folder, log, List.of("--port", "0"))) {
            List<String> secondRun = lines(log).subList(firstRun.size(), lines(log).size());
            assertEquals(key, keptKey(secondRun), "the same key, printed again");
            assertEquals(200, new OtpTestApi(second.baseUri()).send(key, "GET", "2fa/v4/templates/sms", null)
                    .statusCode());
            assertTrue(secondRun.stream().noneMatch(line -> line.contains("HV000001")), secondRun::toString);
        }
    }

    private static String keptKey(List<String> lines) {
        for (String line : lines) {
            Matcher key = KEPT_KEY.matcher(line);
            if (key.find()) {
                return key.group(1);
            }
        }
        throw new AssertionError("no API key printed in " + lines);
    }

    @Test
    void aBusyPortIsOneLineAndStatus2BeforeAnythingIsCreated() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            ServerProcess.Finished refused = ServerProcess.run(folder, List.of("--port", Integer.toString(port)));

            assertEquals(2, refused.status(), refused.output().toString());
            assertEquals(1, refused.output().size(), refused.output().toString());
            assertTrue(refused.output().get(0).contains("Cannot start: port " + port + " on 127.0.0.1 is in use by"
                    + " another program"), refused.output().get(0));
            assertFalse(Files.exists(folder.resolve("data")), "no database, key file or API key was created");
        }
    }

    @Test
    void aDatabaseInUseIsOneLineAndStatus2() throws IOException {
        Path log = log("database-in-use");
        Files.deleteIfExists(log);
        try (ServerProcess running = ServerProcess.start(folder, log, List.of("--port", "0"))) {
            ServerProcess.Finished refused = ServerProcess.run(folder, List.of("--port", "0"));

            assertEquals(2, refused.status(), refused.output().toString());
            assertEquals(1, refused.output().size(), refused.output().toString());
            assertTrue(refused.output().get(0).contains("Cannot start: the database jdbc:h2:file:./data/twofa is in use"
                    + " by another process"), refused.output().get(0));
            assertEquals(200, new OtpTestApi(running.baseUri()).send(null, "GET", "health", null).statusCode(),
                    "the running server is untouched");
        }
    }

    @Test
    void jsonLogsAreOneObjectPerLineWithTheDatabasePasswordMasked() throws IOException {
        Path log = log("json");
        Files.deleteIfExists(log);
        ServerProcess server = ServerProcess.start(folder, log, List.of("--port", "0", "--log-format", "json",
                "--api-key", "key-of-json-logs=acme",
                "--database", "jdbc:h2:file:./data/twofa;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;USER=twofa;"
                        + "PASSWORD=hunter2-in-clear"));
        assertEquals(200, new OtpTestApi(server.baseUri()).send("key-of-json-logs", "GET", "2fa/v4/otp", null)
                .statusCode());
        await().atMost(Duration.ofSeconds(5)).until(() -> lines(log).stream().anyMatch(line -> line.contains("\"GET\"")));
        server.stop();

        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines(log)) {
            assertFalse(line.contains("hunter2"), line);
            events.add(mapper.readTree(line));
        }
        assertTrue(events.stream().anyMatch(event -> event.get("message").asText().contains("PASSWORD=***")),
                "the start-up line shows the masked URL");
        JsonNode access = events.stream().filter(event -> "twofa.access".equals(event.path("logger_name").asText()))
                .findFirst().orElseThrow();
        assertEquals("GET", access.get("method").asText());
        assertEquals("/2fa/v4/otp", access.get("path").asText());
        assertEquals(200, access.get("status").asInt());
        assertEquals("acme", access.get("account").asText());
        assertTrue(events.stream().anyMatch(event -> event.get("message").asText().startsWith("Stopped in ")));
    }
}
