package io.twofakit.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What the command line decides before any scenario runs: usage, the target check, the selection. */
class ConformanceCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer target;

    @TempDir
    Path reports;

    @AfterEach
    void stopTarget() {
        if (target != null) {
            target.stop(0);
        }
    }

    @Test
    void withoutAnApiKeyItSaysWhatIsMissingAndExitsWith2() {
        assertEquals(2, run("--base-url", "http://127.0.0.1:8080"));
        assertTrue(err().contains("Missing required option: '--api-key=KEY'"), err());
    }

    @Test
    void aBaseUrlThatIsNoHttpUrlIsBadUsage() {
        assertEquals(2, run("--base-url", "otp.example.com", "--api-key", "key-12345"));
        assertTrue(err().contains("--base-url takes an http:// or https:// URL"), err());
    }

    @Test
    void aTagExpressionCucumberCannotReadIsBadUsage() {
        assertEquals(2, run("--base-url", "http://127.0.0.1:8080", "--api-key", "key-12345", "--tags", "@a and or @b"));
        assertTrue(err().contains("--tags"), err());
    }

    @Test
    void aTargetThatCannotBeReachedEndsTheRunBeforeItStarts() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(2, run("--base-url", "http://127.0.0.1:" + closedPort, "--api-key", "key-12345"));
        assertTrue(err().contains("cannot be reached: connection refused"), err());
        assertEquals("", out());
    }

    @Test
    void aTargetThatRefusesTheKeyEndsTheRunBeforeItStarts() throws IOException {
        startTarget(401);
        assertEquals(2, run("--base-url", targetUrl(), "--api-key", "key-12345"));
        assertTrue(err().contains("refuses the API key given with --api-key"), err());
    }

    @Test
    void tagsThatSelectNoScenarioAreBadUsage() throws IOException {
        startTarget(200);
        assertEquals(2, run("--base-url", targetUrl(), "--api-key", "key-12345", "--tags", "@no-scenario-has-this"));
        assertTrue(err().contains("No scenario matches the tags (@no-scenario-has-this) and not @destructive"
                + " and not @clock"), err());
    }

    @Test
    void scenariosThatChangeTheAccountForGoodOrMoveItsClockRunOnlyWhenAskedFor() {
        assertEquals("not @destructive and not @clock", expression());
        assertEquals("(@contract) and not @destructive and not @clock", expression("--tags", "@contract"));
        assertEquals("(@simulator) and not @destructive", expression("--tags", "@simulator", "--move-clock"));
        assertEquals("not @clock", expression("--destructive"));
        assertEquals("", expression("--destructive", "--move-clock"));
    }

    private static String expression(String... options) {
        ConformanceCommand command = new ConformanceCommand();
        String[] args = new String[options.length + 4];
        args[0] = "--base-url";
        args[1] = "http://127.0.0.1:8080";
        args[2] = "--api-key";
        args[3] = "key-12345";
        System.arraycopy(options, 0, args, 4, options.length);
        new CommandLine(command).parseArgs(args);
        return command.tagExpression();
    }

    private int run(String... args) {
        String[] withReports = new String[args.length + 2];
        System.arraycopy(args, 0, withReports, 0, args.length);
        withReports[args.length] = "--report-dir";
        withReports[args.length + 1] = reports.toString();
        return ConformanceCommand.run(withReports, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A target that answers every request with this status and an empty JSON array. */
    private void startTarget(int status) throws IOException {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", exchange -> {
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
    }

    private String targetUrl() {
        return "http://127.0.0.1:" + target.getAddress().getPort();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
