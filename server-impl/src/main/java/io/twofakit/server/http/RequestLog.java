package io.twofakit.server.http;

import io.twofakit.server.metrics.ServerMetrics;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log and the request metrics: one line per request the HTTP server answered (method, path with the
 * query's values left out, status, time taken, the account of its API key) on the logger {@value #LOGGER}, and the
 * latency by route template in {@link ServerMetrics}. In JSON the line's parts are also properties of their own.
 *
 * <p>A probe of the HTTP server: it sees every request that reached it, also those it answered without the
 * application (a malformed target, a body too large), from the request's arrival to its answer's last byte.
 */
public final class RequestLog implements HttpServerProbe {

    /** The access log's logger: turn it off with {@code <logger name="twofa.access" level="OFF"/>}. */
    public static final String LOGGER = "twofa.access";
    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);
    /** The metrics' route of a request that matched no resource. */
    static final String UNMATCHED = "UNMATCHED";
    private static final String STARTED = "io.twofakit.requestStartedNanos";

    private final ServerMetrics metrics;

    public RequestLog(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onRequestReceiveEvent(HttpServerFilter filter, Connection connection, Request request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void onRequestCompleteEvent(HttpServerFilter filter, Connection connection, Response response) {
        Request request = response.getRequest();
        if (request == null || !(request.getAttribute(STARTED) instanceof Long started)) {
            return;
        }
        long nanos = System.nanoTime() - started;
        String method = request.getMethod().getMethodString();
        int status = response.getStatus();
        Object route = request.getAttribute(RouteTemplates.PROPERTY);
        metrics.request(method, route instanceof String template ? template : UNMATCHED, status, nanos);
        log(method, pathWithoutValues(request.getRequestURI(), request.getQueryString()), status,
                TimeUnit.NANOSECONDS.toMillis(nanos), request.getAttribute(RequestAccount.PROPERTY));
    }

    private static void log(String method, String path, int status, long millis, Object account) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        var line = ACCESS.atInfo().addKeyValue("method", method).addKeyValue("path", path)
                .addKeyValue("status", status).addKeyValue("durationMs", millis);
        if (account != null) {
            line = line.addKeyValue("account", account);
        }
        line.log("{} {} {} {} ms{}", method, path, status, millis, account != null ? " account=" + account : "");
    }

    /** The path, and of the query only the parameters' names: {@code /2fa/v4/otp?to=*&limit=*}. */
    static String pathWithoutValues(String path, String query) {
        if (query == null || query.isEmpty()) {
            return path;
        }
        StringBuilder text = new StringBuilder(path).append('?');
        String[] parameters = query.split("&");
        for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i].contains("=") ? parameters[i].substring(0, parameters[i].indexOf('='))
                    : parameters[i];
            text.append(i > 0 ? "&" : "").append(name).append("=*");
        }
        return text.toString();
    }

    @Override
    public void onRequestSuspendEvent(HttpServerFilter filter, Connection connection, Request request) {
    }

    @Override
    public void onRequestResumeEvent(HttpServerFilter filter, Connection connection, Request request) {
    }

    @Override
    public void onRequestTimeoutEvent(HttpServerFilter filter, Connection connection, Request request) {
    }

    @Override
    public void onRequestCancelEvent(HttpServerFilter filter, Connection connection, Request request) {
    }

    @Override
    public void onBeforeServiceEvent(HttpServerFilter filter, Connection connection, Request request,
                                     HttpHandler handler) {
    }
}
