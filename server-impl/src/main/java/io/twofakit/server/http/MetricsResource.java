package io.twofakit.server.http;

import io.twofakit.ext.api.MetricsApi;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** {@code GET /metrics}: the server's metrics in Prometheus's text format. Needs no key: no metric names an account. */
public class MetricsResource implements MetricsApi {

    /** Prometheus's text exposition format. */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    /** @param scrape every metric, in Prometheus's text format */
    public MetricsResource(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    @Override
    public Response getMetrics() {
        return Response.ok(scrape.get(), TEXT_FORMAT).build();
    }
}
