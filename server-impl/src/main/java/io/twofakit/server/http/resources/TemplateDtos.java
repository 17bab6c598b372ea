package io.twofakit.server.http.resources;

import io.twofakit.api.model.LanguageCode;
import io.twofakit.api.model.TemplateDTO;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.domain.template.TemplateSummary;

/** The common {@code TemplateDTO} shape of templates of every channel. */
final class TemplateDtos {

    private TemplateDtos() {
    }

    static TemplateDTO of(MessageTemplate t) {
        return of(t.channel(), t.id().toString(), t.name(), t.language(), t.message(), t.codeExpirationMinutes());
    }

    static TemplateDTO of(TemplateSummary t) {
        return of(t.channel(), t.id(), t.name(), t.language(), t.message(), t.codeExpirationMinutes());
    }

    private static TemplateDTO of(Channel channel, String id, String name, String language, String message,
                                  int codeExpirationMinutes) {
        return TemplateDTO.builder()
                .channel(io.twofakit.api.model.Channel.fromValue(channel.name()))
                .id(id)
                .name(name)
                .language(LanguageCode.fromValue(language))
                .message(message)
                .codeExpirationTime(codeExpirationMinutes)
                .build();
    }

    /** The wire value of an optional language parameter. */
    static String language(LanguageCode language) {
        return language == null ? null : language.toString();
    }
}
