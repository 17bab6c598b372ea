package io.twofakit.server.http.resources;

import io.twofakit.api.model.CreatedTemplateDTO;
import io.twofakit.api.model.LanguageCode;
import io.twofakit.api.model.NewMessageTemplate;
import io.twofakit.api.model.PatchMessageTemplate;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.domain.template.MessageTemplateService;
import io.twofakit.server.domain.template.TemplateChanges;
import io.twofakit.server.domain.template.TemplateDraft;
import io.twofakit.server.http.RequestAccount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;
import java.util.UUID;

/**
 * The operations on SMS, Viber and Voice templates, for one channel. The generated interfaces differ only in
 * their names, so each channel's resource implements its interface by delegating to these methods.
 */
abstract class MessageTemplateResource {

    private final Channel channel;
    private final MessageTemplateService templates;

    @Context
    private SecurityContext security;

    MessageTemplateResource(Channel channel, MessageTemplateService templates) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    Response create(NewMessageTemplate body) {
        MessageTemplate created = templates.create(account(), channel, new TemplateDraft(body.getName(),
                TemplateDtos.language(body.getLanguage()), body.getMessage(), body.getCodeExpirationTime()));
        return Response.status(Response.Status.CREATED)
                .entity(CreatedTemplateDTO.builder().id(created.id()).build())
                .build();
    }

    Response list(String name, LanguageCode language) {
        return Response.ok(templates.list(account(), channel, name, TemplateDtos.language(language)).stream()
                .map(TemplateDtos::of)
                .toList()).build();
    }

    Response read(UUID id) {
        return Response.ok(TemplateDtos.of(templates.read(account(), channel, id))).build();
    }

    Response patch(UUID id, PatchMessageTemplate body) {
        templates.patch(account(), channel, id,
                new TemplateChanges(body.getName(), body.getMessage(), body.getCodeExpirationTime()));
        return Response.ok().build();
    }

    Response delete(UUID id) {
        templates.delete(account(), channel, id);
        return Response.ok().build();
    }

    private String account() {
        return RequestAccount.id(security);
    }
}
