package io.twofakit.server.http.resources;

import io.twofakit.api.PrioritiesApi;
import io.twofakit.api.model.ChannelPriorityDTO;
import io.twofakit.api.model.CreatedPriorityDTO;
import io.twofakit.api.model.NewChannelPriorityDTO;
import io.twofakit.api.model.NewPriorityDTO;
import io.twofakit.api.model.PatchPriorityDTO;
import io.twofakit.api.model.PriorityDTO;
import io.twofakit.server.domain.priority.ChannelRank;
import io.twofakit.server.domain.priority.Priority;
import io.twofakit.server.domain.priority.PriorityChanges;
import io.twofakit.server.domain.priority.PriorityService;
import io.twofakit.server.http.RequestAccount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;

/** {@code /2fa/v4/priorities}: translates between the API's priority models and {@link PriorityService}. */
public final class PrioritiesResource implements PrioritiesApi {

    private static final String CHANNELS = "channelPriority";

    private final PriorityService service;

    @Context
    private SecurityContext security;

    public PrioritiesResource(PriorityService service) {
        this.service = service;
    }

    @Override
    public Response createPriority(NewPriorityDTO body) {
        RequestShape shape = new RequestShape();
        List<ChannelRank> channels = shape.each(body.getChannelPriority(), CHANNELS, (entry, field) -> rank(entry));
        shape.check();
        UUID id = service.create(account(), body.getName(), channels);
        return Response.status(201).entity(CreatedPriorityDTO.builder().id(id).build()).build();
    }

    @Override
    public Response readPriority(UUID id) {
        return Response.ok(toApi(service.read(account(), id))).build();
    }

    @Override
    public Response listPriorities(String name) {
        return Response.ok(service.list(account(), name).stream().map(PrioritiesResource::toApi).toList()).build();
    }

    @Override
    public Response patchPriority(UUID id, PatchPriorityDTO body) {
        RequestShape shape = new RequestShape();
        List<ChannelRank> channels = shape.each(body.getChannelPriority(), CHANNELS, (entry, field) -> rank(entry));
        shape.check();
        service.patch(account(), id, new PriorityChanges(body.getName(), channels));
        return Response.ok().build();
    }

    @Override
    public Response deletePriority(UUID id) {
        service.delete(account(), id);
        return Response.ok().build();
    }

    private String account() {
        return RequestAccount.id(security);
    }

    private static ChannelRank rank(NewChannelPriorityDTO entry) {
        return new ChannelRank(Channels.toDomain(entry.getChannel()), entry.getPriority());
    }

    private static PriorityDTO toApi(Priority priority) {
        return PriorityDTO.builder()
                .id(priority.id())
                .name(priority.name())
                .channelPriority(priority.channels().stream().map(PrioritiesResource::toApi).toList())
                .build();
    }

    private static ChannelPriorityDTO toApi(ChannelRank entry) {
        return ChannelPriorityDTO.builder().channel(Channels.toApi(entry.channel())).priority(entry.priority()).build();
    }
}
