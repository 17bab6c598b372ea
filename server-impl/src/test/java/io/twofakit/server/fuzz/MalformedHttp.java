package io.twofakit.server.fuzz;

import io.twofakit.server.fuzz.BadRequests.BadRequest;
import io.twofakit.server.fuzz.BadRequests.Expectation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Requests that only a raw socket sends, for the web server itself: headers over 8 KiB (on every operation), a
 * request line over 8 KiB, an unreadable or doubled Content-Length, broken chunk framing, a body on GET, no Host,
 * an unknown HTTP version, a body announced or streamed over 1 MiB (answered 413 before the client has sent it).
 */
final class MalformedHttp {

    /**
     * The bytes sent, the request they stand for in the report, the statuses that are right, and whether the
     * server must let the client send them all (rather than close the connection under it).
     */
    record Case(byte[] bytes, BadRequest request, Set<Integer> statuses, boolean readWhole) {
    }

    private final int port;

    MalformedHttp(int port) {
        this.port = port;
    }

    List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (SpecOperation operation : SpecOperation.all()) {
            String target = operation.pathTemplate().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001");
            String head = operation.method() + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\napiKey: " + FuzzedServer.API_KEY + "\r\nX-Fuzz: " + "a".repeat(9000) + "\r\n\r\n";
            cases.add(new Case(bytes(head), describing(operation, "headers of 9 KiB", operation.method(), target), Set.of(431), false));
        }
        SpecOperation send = operation("POST", "/2fa/v4/otp");
        SpecOperation list = operation("GET", "/2fa/v4/otp");
        SpecOperation health = operation("GET", "/health");
        String json = "Content-Type: application/json\r\napiKey: " + FuzzedServer.API_KEY + "\r\n";

        add(cases, list, "request line of 9 KiB", "GET /2fa/v4/otp?to=" + "1".repeat(9000) + " HTTP/1.1\r\nHost: h\r\n\r\n", 431);
        for (String length : List.of("abc", "-1", "1.5", "99999999999999999999999")) {
            add(cases, send, "Content-Length: " + length, "POST /2fa/v4/otp HTTP/1.1\r\nHost: h\r\n" + json
                    + "Content-Length: " + length + "\r\n\r\n{}", 400);
        }
        add(cases, send, "two different Content-Lengths", "POST /2fa/v4/otp HTTP/1.1\r\nHost: h\r\n" + json
                + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400);
        add(cases, send, "chunk size that is not hexadecimal", "POST /2fa/v4/otp HTTP/1.1\r\nHost: h\r\n" + json
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400);
        add(cases, send, "chunk longer than announced", "POST /2fa/v4/otp HTTP/1.1\r\nHost: h\r\n" + json
                + "Transfer-Encoding: chunked\r\n\r\n1\r\n{}}}}\r\n0\r\n\r\n", 400);
        add(cases, list, "a body on GET", "GET /2fa/v4/otp HTTP/1.1\r\nHost: h\r\napiKey: " + FuzzedServer.API_KEY
                + "\r\nContent-Length: 2\r\n\r\n{}", 400);
        add(cases, list, "a chunked body on GET", "GET /2fa/v4/otp HTTP/1.1\r\nHost: h\r\napiKey: " + FuzzedServer.API_KEY
                + "\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 400);
        add(cases, health, "HTTP/1.1 without Host", "GET /health HTTP/1.1\r\n\r\n", 400);
        add(cases, health, "HTTP/1.0 without Host", "GET /health HTTP/1.0\r\n\r\n", 200);
        add(cases, health, "HTTP/9.9", "GET /health HTTP/9.9\r\nHost: h\r\n\r\n", 400);
        // Grizzly serves a text request line that says HTTP/2.0 as HTTP/1.1: fine, as long as it is answered
        add(cases, health, "HTTP/2.0 in a text request line", "GET /health HTTP/2.0\r\nHost: h\r\nConnection: close\r\n\r\n", 200, 400);
        add(cases, health, "no version", "GET /health\r\nHost: h\r\n\r\n", 400);
        add(cases, health, "a malformed Host", "GET /health HTTP/1.1\r\nHost: a b[c\r\n\r\n", 400);
        add(cases, health, "a header without a colon", "GET /health HTTP/1.1\r\nHost: h\r\nNoColonHere\r\n\r\n", 400);
        add(cases, health, "a raw NUL in the target", "GET /health?x=a\u0000b HTTP/1.1\r\nHost: h\r\n\r\n", 400);
        add(cases, health, "a raw space in the target", "GET /health?x=a b HTTP/1.1\r\nHost: h\r\n\r\n", 400);
        add(cases, health, "an absolute target", "GET http://127.0.0.1:" + port + "/health HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n", 200);
        add(cases, send, "2 MiB announced, none sent", "POST /2fa/v4/otp HTTP/1.1\r\nHost: h\r\n" + json
                + "Content-Length: 2097152\r\n\r\n{", 413);
        add(cases, send, "2 MiB announced with Expect: 100-continue", "POST /2fa/v4/otp HTTP/1.1\r\nHost: h\r\n" + json
                + "Expect: 100-continue\r\nContent-Length: 2097152\r\n\r\n", 413);
        // written whole before the answer is read, as clients without Expect: 100-continue do: the answer must
        // still arrive (the server reads and drops the rest rather than resetting the connection under it)
        int eightMebibytes = 8 * 1024 * 1024;
        String whole = "POST /2fa/v4/otp HTTP/1.1\r\nHost: h\r\n" + json + "Content-Length: " + eightMebibytes
                + "\r\n\r\n" + "{\"to\":\"" + "1".repeat(eightMebibytes - 9) + "\"}";
        cases.add(new Case(bytes(whole), describing(send, "8 MiB sent whole", "POST", "/2fa/v4/otp"), Set.of(413), true));
        cases.add(new Case(overOneMebibyteInChunks(), describing(send, "1.1 MiB in chunks, the last chunk never sent",
                "POST", "/2fa/v4/otp"), Set.of(413), false));
        return cases;
    }

    /** A chunked body that passes 1 MiB, without its closing chunk: only an early answer ends the exchange. */
    private static byte[] overOneMebibyteInChunks() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("POST /2fa/v4/otp HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\napiKey: "
                + FuzzedServer.API_KEY + "\r\nTransfer-Encoding: chunked\r\n\r\n"));
        out.writeBytes(bytes("7\r\n{\"to\":\"\r\n"));
        byte[] chunk = bytes("10000\r\n" + "1".repeat(0x10000) + "\r\n");
        for (int i = 0; i < 18; i++) {
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    private static void add(List<Case> cases, SpecOperation operation, String what, String raw, Integer... statuses) {
        String[] requestLine = raw.split("\r\n", 2)[0].split(" ");
        cases.add(new Case(bytes(raw), describing(operation, what, requestLine[0],
                requestLine.length > 1 ? requestLine[1] : ""), Set.of(statuses), false));
    }

    private static BadRequest describing(SpecOperation operation, String what, String method, String target) {
        return new BadRequest(operation, "HTTP", what, new RawHttp.Request(method, target), Expectation.DOCUMENTED, Set.of());
    }

    private static SpecOperation operation(String method, String path) {
        return SpecOperation.all().stream()
                .filter(o -> o.method().equals(method) && o.pathTemplate().equals(path))
                .findFirst().orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
