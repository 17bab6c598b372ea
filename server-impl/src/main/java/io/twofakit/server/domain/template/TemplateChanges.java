package io.twofakit.server.domain.template;

/** A patch of a text template: every non-null field replaces the template's value, null fields stay as they are. */
public record TemplateChanges(String name, String message, Integer codeExpirationMinutes) {
}
