package io.twofakit.server.http.errors;

import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.http.RequestBodyLimit;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * What the HTTP server does with a request before Jersey sees it.
 *
 * <p>It answers a request whose target Jersey cannot turn into a URI (a malformed percent-escape such as {@code %ZZ}, a
 * character that must be escaped such as {@code {}, a malformed {@code Host}) with a 400 naming the part: the
 * query parameter, {@code path} or {@code Host}. Without it, Jersey's Grizzly container throws before any of the
 * application's code runs, and Grizzly answers 500.
 *
 * <p>It does not invite a client to send a body over the limit: Grizzly acknowledges {@code Expect: 100-continue}
 * before the application runs, and the client would then send the body only to have it refused. Such a request
 * goes to the application unacknowledged, which answers 413 at once.
 *
 * <p>Wraps the application's {@link HttpHandler} and hands every other request to it unchanged.
 */
public final class RequestEntryGuard extends HttpHandler {

    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private final HttpHandler application;

    public RequestEntryGuard(HttpHandler application) {
        this.application = application;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        try {
            application.service(request, response);
        } catch (IllegalArgumentException e) {
            if (!(e.getCause() instanceof URISyntaxException) || response.isCommitted()) {
                throw e;
            }
            Violation violation = violation(request.getServerName(), request.getServerPort(), request.getRequestURI(),
                    request.getQueryString());
            byte[] body = WireErrorBodies.body(ErrorResponses.constraintViolations(List.of(violation)));
            response.setStatus(400);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** Which part of a request target that is not a valid URI is wrong. */
    static Violation violation(String host, int port, String rawPath, String rawQuery) {
        try {
            new URI("http", null, host, port, null, null, null);
        } catch (URISyntaxException e) {
            return new Violation("Host", "is not a valid host name");
        }
        try {
            new URI("http://localhost" + rawPath);
        } catch (URISyntaxException e) {
            return new Violation("path", "is not a valid URI path: a malformed percent-escape or a character that must be escaped");
        }
        if (rawQuery != null) {
            for (String parameter : rawQuery.split("&", -1)) {
                if (MALFORMED_ESCAPE.matcher(parameter).find()) {
                    String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                    boolean nameReadable = !name.isEmpty() && !MALFORMED_ESCAPE.matcher(name).find() && name.length() <= 64
                            && name.chars().allMatch(c -> c > 0x20 && c < 0x7f);
                    return new Violation(nameReadable ? name : "query", "has a malformed percent-escape");
                }
            }
        }
        return new Violation("request", "has a target that is not a valid URI");
    }

    @Override
    protected boolean sendAcknowledgment(Request request, Response response) throws IOException {
        if (request.getContentLengthLong() > RequestBodyLimit.MAX_BYTES) {
            return true;
        }
        return super.sendAcknowledgment(request, response);
    }

    @Override
    public void start() {
        application.start();
    }

    @Override
    public void destroy() {
        application.destroy();
    }
}
