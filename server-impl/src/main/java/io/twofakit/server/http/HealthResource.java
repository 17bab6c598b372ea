package io.twofakit.server.http;

import io.twofakit.ext.api.HealthApi;
import io.twofakit.ext.api.model.HealthStatus;
import io.twofakit.ext.api.model.HealthStatusChecks;
import jakarta.ws.rs.core.Response;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}, {@code /health/ready}: up while the database answers; {@code /health/live}: up while the
 * process answers at all.
 */
public class HealthResource implements HealthApi {

    private final BooleanSupplier databaseReachable;

    /** @param databaseReachable asks the database for a sign of life within a short timeout; never throws */
    public HealthResource(BooleanSupplier databaseReachable) {
        this.databaseReachable = databaseReachable;
    }

    @Override
    public Response getHealth() {
        return getReadiness();
    }

    @Override
    public Response getReadiness() {
        boolean database = databaseReachable.getAsBoolean();
        HealthStatus.StatusEnum state = database ? HealthStatus.StatusEnum.UP : HealthStatus.StatusEnum.DOWN;
        HealthStatus body = HealthStatus.builder()
                .status(state)
                .checks(HealthStatusChecks.builder()
                        .database(database ? HealthStatusChecks.DatabaseEnum.UP : HealthStatusChecks.DatabaseEnum.DOWN)
                        .build())
                .build();
        return Response.status(database ? 200 : 503).entity(body).build();
    }

    @Override
    public Response getLiveness() {
        return Response.ok(HealthStatus.builder().status(HealthStatus.StatusEnum.UP).build()).build();
    }
}
