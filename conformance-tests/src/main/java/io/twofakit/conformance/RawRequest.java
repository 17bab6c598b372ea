package io.twofakit.conformance;

import io.restassured.builder.ResponseBuilder;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * A request written byte for byte over a socket (TLS for an {@code https} base URL), for what HTTP clients
 * refuse to send, such as a malformed percent-escape in the address. The answer is read until the server closes
 * the connection and handed on as a REST-assured {@link Response}; the exchange counts towards the contract's
 * coverage like every other.
 */
public final class RawRequest {

    private static final int TIMEOUT_MILLIS = 10_000;

    private final URI base;
    private final Contract contract;
    private final String method;
    private final String pathAndQuery;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    /** @param pathAndQuery below the base URL's path, written as it is: escapes are not checked or added */
    public RawRequest(String baseUrl, Contract contract, String method, String pathAndQuery) {
        this.base = URI.create(baseUrl);
        this.contract = contract;
        this.method = method;
        this.pathAndQuery = pathAndQuery;
    }

    public RawRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public RawRequest jsonBody(String json) {
        headers.put("Content-Type", "application/json");
        body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public Response send() {
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() != -1 ? base.getPort() : tls ? 443 : 80;
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "");
        String target = basePath + pathAndQuery;
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(base.getPort() == -1 ? "" : ":" + port).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            Response response = parse(socket.getInputStream().readAllBytes());
            contract.coverage().record(method, pathAndQuery.replaceAll("\\?.*", ""), response.statusCode());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + ": no answer", e);
        }
    }

    private static Response parse(byte[] raw) {
        String head = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = head.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("Not an HTTP response: " + head);
        }
        String[] lines = head.substring(0, headEnd).split("\r\n");
        List<Header> headers = new ArrayList<>();
        String contentType = null;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim();
                String value = lines[i].substring(colon + 1).trim();
                headers.add(new Header(name, value));
                contentType = name.equalsIgnoreCase("Content-Type") ? value : contentType;
                chunked |= name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked");
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        return new ResponseBuilder()
                .setStatusCode(Integer.parseInt(lines[0].split(" ")[1]))
                .setStatusLine(lines[0])
                .setHeaders(new Headers(headers))
                .setContentType(contentType == null ? "" : contentType)
                .setBody(new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8))
                .build();
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
