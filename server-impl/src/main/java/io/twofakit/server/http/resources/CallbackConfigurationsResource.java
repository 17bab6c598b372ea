package io.twofakit.server.http.resources;

import io.twofakit.api.CallbackConfigurationsApi;
import io.twofakit.api.model.CallbackConfigurationDTO;
import io.twofakit.api.model.CallbackConfigurationResponse;
import io.twofakit.api.model.NewCallbackConfigurationDTO;
import io.twofakit.api.model.PatchCallbackConfigurationDTO;
import io.twofakit.server.domain.callback.CallbackChanges;
import io.twofakit.server.domain.callback.CallbackConfiguration;
import io.twofakit.server.domain.callback.CallbackConfigurationService;
import io.twofakit.server.http.RequestAccount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.UUID;

/** {@code /2fa/v4/configurations/callbacks}: translates between the API's models and {@link CallbackConfigurationService}. */
public final class CallbackConfigurationsResource implements CallbackConfigurationsApi {

    private static final String HEADERS = "headers";

    private final CallbackConfigurationService service;

    @Context
    private SecurityContext security;

    public CallbackConfigurationsResource(CallbackConfigurationService service) {
        this.service = service;
    }

    @Override
    public Response createCallbackConfiguration(NewCallbackConfigurationDTO body) {
        RequestShape shape = new RequestShape();
        shape.noNullValues(body.getHeaders(), HEADERS);
        shape.check();
        UUID id = service.create(account(), body.getUrl(), body.getHeaders(), body.getProfileId());
        return Response.status(201).entity(CallbackConfigurationResponse.builder().id(id).build()).build();
    }

    @Override
    public Response listCallbackConfigurations() {
        return Response.ok(service.list(account()).stream().map(CallbackConfigurationsResource::toApi).toList()).build();
    }

    @Override
    public Response patchCallbackConfiguration(UUID id, PatchCallbackConfigurationDTO body) {
        RequestShape shape = new RequestShape();
        shape.noNullValues(body.getHeaders(), HEADERS);
        shape.check();
        CallbackConfiguration changed = service.patch(account(), id,
                new CallbackChanges(body.getUrl(), body.getHeaders(), body.getProfileId()));
        return Response.ok(toApi(changed)).build();
    }

    @Override
    public Response deleteCallbackConfiguration(UUID id) {
        service.delete(account(), id);
        return Response.ok().build();
    }

    private String account() {
        return RequestAccount.id(security);
    }

    private static CallbackConfigurationDTO toApi(CallbackConfiguration configuration) {
        return CallbackConfigurationDTO.builder()
                .id(configuration.id())
                .url(configuration.url())
                .headers(new LinkedHashMap<>(configuration.headers()))
                .profileId(configuration.profileId())
                .build();
    }
}
