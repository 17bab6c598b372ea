package io.twofakit.server.domain.template;

/**
 * A text template as a client submits it, before the rules are checked.
 *
 * @param codeExpirationMinutes null for the default of {@value MessageTemplateService#DEFAULT_CODE_EXPIRATION_MINUTES}
 */
public record TemplateDraft(String name, String language, String message, Integer codeExpirationMinutes) {
}
