package io.twofakit.server.domain.profile;

/** A profile's reference to a template of its channel, by name, for one language. */
public record TemplateRef(String name, String language) {
}
