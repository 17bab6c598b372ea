package io.twofakit.server.http.resources;

import io.twofakit.api.ProfilesApi;
import io.twofakit.api.model.AddTemplateBodyDTO;
import io.twofakit.api.model.AddTemplateChannelDTO;
import io.twofakit.api.model.AddTemplateChannelEntryDTO;
import io.twofakit.api.model.ChannelEntryDTO;
import io.twofakit.api.model.CreatedProfileDTO;
import io.twofakit.api.model.LanguageCode;
import io.twofakit.api.model.NewProfileDTO;
import io.twofakit.api.model.NewTemplateChannel;
import io.twofakit.api.model.PatchChannelEntryDTO;
import io.twofakit.api.model.PatchProfileDTO;
import io.twofakit.api.model.ProfileDTO;
import io.twofakit.api.model.TemplateChannel;
import io.twofakit.server.domain.profile.NewProfile;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.profile.ProfileChanges;
import io.twofakit.server.domain.profile.ProfileChannel;
import io.twofakit.server.domain.profile.ProfileService;
import io.twofakit.server.domain.profile.TemplateRef;
import io.twofakit.server.http.RequestAccount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** {@code /2fa/v4/profiles}: translates between the API's profile models and {@link ProfileService}. */
public final class ProfilesResource implements ProfilesApi {

    private static final String CHANNELS = "channels";

    private final ProfileService service;

    @Context
    private SecurityContext security;

    public ProfilesResource(ProfileService service) {
        this.service = service;
    }

    @Override
    public Response createProfile(NewProfileDTO body) {
        RequestShape shape = new RequestShape();
        List<ProfileChannel> channels = shape.each(body.getChannels(), CHANNELS, (entry, field) -> channel(shape, field,
                entry.getType(), entry.getTemplates(), NewTemplateChannel::getName, NewTemplateChannel::getLanguageCode));
        shape.check();
        UUID id = service.create(account(), new NewProfile(body.getName(), body.getAttempts(), body.getOtpCodeLength(),
                flag(body.getAlphanumeric()), channels));
        return Response.status(201).entity(CreatedProfileDTO.builder().id(id).build()).build();
    }

    @Override
    public Response readProfile(UUID id) {
        return Response.ok(toApi(service.read(account(), id))).build();
    }

    @Override
    public Response listProfiles(String name) {
        return Response.ok(service.list(account(), name).stream().map(ProfilesResource::toApi).toList()).build();
    }

    @Override
    public Response patchProfile(UUID id, PatchProfileDTO body) {
        RequestShape shape = new RequestShape();
        List<ProfileChannel> channels = shape.each(body.getChannels(), CHANNELS, (PatchChannelEntryDTO entry, String field) ->
                channel(shape, field, entry.getType(), entry.getTemplates(), NewTemplateChannel::getName,
                        NewTemplateChannel::getLanguageCode));
        shape.check();
        service.patch(account(), id, new ProfileChanges(body.getName(), body.getAttempts(), body.getOtpCodeLength(),
                flag(body.getAlphanumeric()), channels));
        return Response.ok().build();
    }

    @Override
    public Response addTemplatesToProfile(UUID profileId, AddTemplateBodyDTO body) {
        RequestShape shape = new RequestShape();
        List<ProfileChannel> channels = shape.each(body.getChannels(), CHANNELS, (AddTemplateChannelEntryDTO entry, String field) ->
                channel(shape, field, entry.getType(), entry.getTemplates(), AddTemplateChannelDTO::getName,
                        AddTemplateChannelDTO::getLanguageCode));
        shape.check();
        service.addTemplates(account(), profileId, channels);
        return Response.status(201).build();
    }

    @Override
    public Response removeTemplateFromProfile(UUID profileId, String templateName) {
        service.removeTemplate(account(), profileId, templateName);
        return Response.ok().build();
    }

    @Override
    public Response deleteProfile(UUID id) {
        service.delete(account(), id);
        return Response.ok().build();
    }

    private String account() {
        return RequestAccount.id(security);
    }

    /** "true" and "false" as the contract sends them (bean validation lets nothing else through); null stays null. */
    private static Boolean flag(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }

    /** One channel entry of any of the three request shapes, which differ only in their classes. */
    private static <T> ProfileChannel channel(RequestShape shape, String field, io.twofakit.api.model.Channel type,
                                              List<T> templates, Function<T, String> name, Function<T, LanguageCode> language) {
        List<TemplateRef> refs = shape.each(templates, field + ".templates",
                (template, templateField) -> new TemplateRef(name.apply(template), language.apply(template).toString()));
        return new ProfileChannel(Channels.toDomain(type), refs == null ? List.of() : refs);
    }

    private static ProfileDTO toApi(Profile profile) {
        return ProfileDTO.builder()
                .id(profile.id())
                .name(profile.name())
                .attempts(profile.attempts())
                .otpCodeLength(profile.otpCodeLength())
                .alphanumeric(profile.alphanumeric())
                .channels(profile.channels().stream().map(ProfilesResource::toApi).toList())
                .build();
    }

    private static ChannelEntryDTO toApi(ProfileChannel channel) {
        return ChannelEntryDTO.builder()
                .type(Channels.toApi(channel.channel()))
                .templates(channel.templates().stream().map(ProfilesResource::toApi).toList())
                .build();
    }

    private static TemplateChannel toApi(TemplateRef template) {
        return TemplateChannel.builder().name(template.name()).languageCode(LanguageCode.fromValue(template.language())).build();
    }
}
