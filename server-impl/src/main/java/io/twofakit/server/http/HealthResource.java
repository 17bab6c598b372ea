package io.twofakit.server.http;

import io.twofakit.ext.api.HealthApi;
import io.twofakit.ext.api.model.HealthStatus;
import jakarta.ws.rs.core.Response;

/** {@code GET /health}: the server is up while it answers. */
public class HealthResource implements HealthApi {

    @Override
    public Response getHealth() {
        return Response.ok(HealthStatus.builder().status(HealthStatus.StatusEnum.UP).build()).build();
    }
}
