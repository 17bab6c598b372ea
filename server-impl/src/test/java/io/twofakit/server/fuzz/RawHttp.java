package io.twofakit.server.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per exchange: sends exactly the bytes given (a malformed escape, a
 * raw brace, a wrong Content-Length, a cut-off body, headers of any size), which {@code java.net.http} refuses to
 * send, and reads whatever comes back until the server closes the connection.
 */
final class RawHttp {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** What came back: a parsed response, or why there is none. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body, String failure, String sendFailure) {

        static Answer none(String failure) {
            return new Answer(0, Map.of(), new byte[0], failure, null);
        }

        /** The same answer, noting that the server closed the connection before the request was sent whole. */
        Answer sentPartly(String why) {
            return new Answer(status, headers, body, failure, why);
        }

        boolean answered() {
            return failure == null;
        }

        /** The first value of a header, by name in any case; null when absent. */
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A request line, headers and a body, written as they are given. */
    static final class Request {
        private final String method;
        private final String target;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request withoutHeader(String name) {
            headers.remove(name);
            return this;
        }

        /** A body and its Content-Length (unless a Content-Length or Transfer-Encoding header is set already). */
        Request body(byte[] content) {
            this.body = content;
            return this;
        }

        String method() {
            return method;
        }

        String target() {
            return target;
        }

        byte[] body() {
            return body;
        }

        byte[] bytes(int port) {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
                head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            head.append("Connection: close\r\n");
            boolean framed = headers.keySet().stream()
                    .anyMatch(name -> name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding"));
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null && !framed) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }
    }

    Answer exchange(Request request) {
        return exchange(request.bytes(port), false);
    }

    /**
     * Writes the bytes and reads the answer. With {@code halfClose}, the client then says it will send nothing
     * more, as a client does that gives up in the middle of a body.
     */
    Answer exchange(byte[] bytes, boolean halfClose) {
        try (Socket socket = connect()) {
            String sendFailure = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // the server may answer and close before it has read everything (413, 431): read what it said
                sendFailure = e.getMessage();
            }
            Answer answer = read(socket.getInputStream());
            return sendFailure == null ? answer : answer.sentPartly(sendFailure);
        } catch (IOException e) {
            return Answer.none("no connection: " + e);
        }
    }

    /** Writes the first part, then the rest in pieces, and reads the answer as soon as there is one. */
    Answer exchangeStreaming(byte[] head, List<byte[]> pieces) {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                for (byte[] piece : pieces) {
                    out.write(piece);
                }
                out.flush();
            } catch (IOException e) {
                // refused before the end: the answer is what counts
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            return Answer.none("no connection: " + e);
        }
    }

    Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) ANSWER_TIMEOUT.toMillis());
        socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
        return socket;
    }

    static Answer read(InputStream in) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; !complete(received.toByteArray()) && (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            if (received.size() == 0) {
                return Answer.none("no answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
            }
        } catch (IOException e) {
            if (received.size() == 0) {
                return Answer.none("connection failed before an answer: " + e.getMessage());
            }
        }
        return parse(received.toByteArray());
    }

    /**
     * Whether a whole final response has arrived: its head, and as many bytes as its Content-Length says (an
     * interim 100 Continue does not count). Without a Content-Length, only the end of the connection tells.
     */
    private static boolean complete(byte[] raw) {
        Answer answer = parse(raw);
        if (!answer.answered() || answer.status() / 100 == 1) {
            return false;
        }
        String length = answer.header("Content-Length");
        return length != null && answer.header("Transfer-Encoding") == null && answer.body().length >= Long.parseLong(length);
    }

    static Answer parse(byte[] raw) {
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headEnd < 0) {
            return Answer.none(raw.length == 0 ? "connection closed without an answer"
                    : "not an HTTP response: " + new String(raw, 0, Math.min(raw.length, 80), StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            return Answer.none("not an HTTP status line: " + lines[0]);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(statusLine[1]), headers, body, null, null);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
