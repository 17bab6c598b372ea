package io.twofakit.server.http.resources;

import io.twofakit.api.WhatsAppConfigurationApi;
import io.twofakit.api.model.NewWhatsAppConfigRequest;
import io.twofakit.api.model.WhatsAppConfigResponse;
import io.twofakit.server.domain.whatsapp.WhatsAppConfigurationService;
import io.twofakit.server.http.RequestAccount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/** {@code /2fa/v4/configurations/channels/whatsapp}: the account's one WhatsApp configuration. */
public class WhatsAppConfigurationResource implements WhatsAppConfigurationApi {

    private final WhatsAppConfigurationService configurations;

    @Context
    private SecurityContext security;

    public WhatsAppConfigurationResource(WhatsAppConfigurationService configurations) {
        this.configurations = Objects.requireNonNull(configurations, "configurations");
    }

    @Override
    public Response createWhatsAppConfiguration(NewWhatsAppConfigRequest body) {
        configurations.create(RequestAccount.id(security), body.getWhatsAppAccountId());
        return Response.status(Response.Status.CREATED).build();
    }

    @Override
    public Response readWhatsAppConfiguration() {
        return Response.ok(WhatsAppConfigResponse.builder()
                .whatsAppAccountId(configurations.read(RequestAccount.id(security)).whatsAppAccountId())
                .build()).build();
    }
}
