package io.twofakit.server.fuzz;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.fuzz.BadRequests.BadRequest;
import io.twofakit.server.store.TestDatabases;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Bad requests derived from the contract ({@code spec/openapi.yaml}, {@code spec/extensions.yaml}) against the
 * real server, started in-process on a free port: every operation, on H2 and on PostgreSQL (when
 * {@code TWOFA_TEST_POSTGRES_URL} names a server). The test fails on any 5xx, any status the contract does not
 * document for the operation, any answer that is not JSON in the error shape or that shows the server's insides,
 * and anything the server logs with a stack trace, and lists the offenders. The requests that only a raw socket
 * can send (headers over 8 KiB, a broken Content-Length, a body cut off or too large in chunks) are sent once,
 * against H2.
 */
class ContractFuzzTest {

    @Test
    void everyOperationAnswersBadRequestsAsTheContractSaysOnH2() {
        try (FuzzedServer server = FuzzedServer.onH2()) {
            assertClean(fuzz(server, "H2"));
        }
    }

    @Test
    void everyOperationAnswersBadRequestsAsTheContractSaysOnPostgres() {
        String url = TestDatabases.postgresUrl();
        Assumptions.assumeTrue(url != null && !url.isBlank(), "No PostgreSQL server given: set "
                + TestDatabases.POSTGRES_URL_ENV + " (CI does) to fuzz the server on PostgreSQL too");
        try (FuzzedServer server = FuzzedServer.onPostgres(url)) {
            assertClean(fuzz(server, "PostgreSQL"));
        }
    }

    @Test
    void theWebServerAnswersMalformedHttpAsTheContractSays() {
        try (FuzzedServer server = FuzzedServer.onH2()) {
            FuzzReport report = new FuzzReport("HTTP");
            ContractVerdict verdict = new ContractVerdict();
            int logged = server.logs().count();
            for (MalformedHttp.Case malformed : new MalformedHttp(server.port()).cases()) {
                long start = System.nanoTime();
                RawHttp.Answer answer = server.http().exchange(malformed.bytes(), false);
                long millis = (System.nanoTime() - start) / 1_000_000;
                List<String> problems = new ArrayList<>(verdict.problems(malformed.request(), answer));
                if (answer.answered() && !malformed.statuses().contains(answer.status())) {
                    problems.add("expected " + malformed.statuses());
                }
                if (malformed.readWhole() && answer.sendFailure() != null) {
                    problems.add("the server closed the connection while the client was still sending: " + answer.sendFailure());
                }
                report.record(malformed.request(), answer, problems, millis);
            }
            checkLog(server, logged, report);
            assertClean(report);
        }
    }

    @Test
    void aClientThatGivesUpMidBodyCostsOneLogLineAndNoStackTrace() throws Exception {
        try (FuzzedServer server = FuzzedServer.onH2()) {
            byte[] head = ("POST /2fa/v4/otp HTTP/1.1\r\nHost: x\r\napiKey: " + FuzzedServer.API_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"to\":").getBytes(StandardCharsets.UTF_8);

            int before = server.logs().count();
            server.http().exchange(head, true);
            List<LogRecord> halfClosed = awaitLog(server, before);

            before = server.logs().count();
            try (Socket socket = server.http().connect()) {
                OutputStream out = socket.getOutputStream();
                out.write(head);
                out.flush();
                // let the server start reading the body, then reset the connection
                await().pollDelay(Duration.ofMillis(300)).until(() -> true);
                socket.setSoLinger(true, 0);
            }
            List<LogRecord> reset = awaitLog(server, before);

            for (List<LogRecord> records : List.of(halfClosed, reset)) {
                assertTrue(records.size() == 1 && records.get(0).getThrown() == null
                                && records.get(0).getLevel().intValue() <= Level.INFO.intValue(),
                        () -> "expected one line without a stack trace, got " + describe(records));
            }
            RawHttp.Answer health = server.http().exchange(new RawHttp.Request("GET", "/health"));
            assertTrue(health.answered() && health.status() == 200, "the server still serves: " + health);
        }
    }

    private static FuzzReport fuzz(FuzzedServer server, String database) {
        FuzzReport report = new FuzzReport(database);
        ContractVerdict verdict = new ContractVerdict();
        BadRequests badRequests = new BadRequests(server.world());
        List<BadRequest> requests = new ArrayList<>();
        List<SpecOperation> operations = SpecOperation.all();
        for (SpecOperation operation : operations) {
            requests.addAll(badRequests.of(operation));
        }
        Map<String, Set<String>> methods = SpecOperation.methodsByPath();
        methods.forEach((path, offered) -> requests.addAll(badRequests.wrongMethods(
                operations.stream().filter(o -> o.pathTemplate().equals(path)).findFirst().orElseThrow(), offered)));
        requests.addAll(badRequests.unknownPaths(operations.get(0)));

        int logged = server.logs().count();
        for (BadRequest request : requests) {
            long start = System.nanoTime();
            RawHttp.Answer answer = server.http().exchange(request.request());
            report.record(request, answer, verdict.problems(request, answer), (System.nanoTime() - start) / 1_000_000);
        }
        checkLog(server, logged, report);
        return report;
    }

    /** Nothing a client sends is logged with a stack trace, or as a warning or worse. */
    private static void checkLog(FuzzedServer server, int from, FuzzReport report) {
        for (LogRecord record : server.logs().since(from)) {
            if (record.getThrown() != null || record.getLevel().intValue() >= Level.WARNING.intValue()) {
                report.offend("logged " + record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage()
                        + (record.getThrown() == null ? "" : " with " + record.getThrown()));
            }
        }
    }

    /** Waits (up to 10 s) until the server has logged more than {@code count} records, then a moment more. */
    private static List<LogRecord> awaitLog(FuzzedServer server, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> server.logs().count() > count);
        // a second line, if the server writes one, follows at once: give it the chance
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        return server.logs().since(count);
    }

    private static String describe(List<LogRecord> records) {
        List<String> lines = new ArrayList<>();
        for (LogRecord record : records) {
            lines.add(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage()
                    + (record.getThrown() == null ? "" : " with " + record.getThrown()));
        }
        return lines.toString();
    }

    private static void assertClean(FuzzReport report) {
        System.out.println(report.summary());
        assertTrue(report.clean(), report::details);
    }
}
