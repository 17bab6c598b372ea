package io.twofakit.server.domain.template;

import io.twofakit.server.domain.Channel;

/**
 * A template of any channel in the shape they share. For WhatsApp, {@code id} is the template id and
 * {@code message} the body WhatsApp renders.
 */
public record TemplateSummary(Channel channel, String id, String name, String language, String message,
                              int codeExpirationMinutes) {
}
