package io.twofakit.server.domain;

import java.util.Objects;

/** A resource that does not exist, or that belongs to another account (the two are indistinguishable). */
public class ResourceNotFoundException extends TwofaException {

    /** What was looked for. Templates are reported in their own shape (with a {@code templateId}). */
    public enum Kind {
        OTP(false),
        PROFILE(false),
        /** a template a profile does not use, looked for by its name */
        PROFILE_TEMPLATE(false),
        PRIORITY(false),
        CALLBACK_CONFIGURATION(false),
        WEBHOOK_DELIVERY(false),
        WHATSAPP_CONFIGURATION(false),
        TEMPLATE(true),
        WHATSAPP_TEMPLATE(true);

        private final boolean template;

        Kind(boolean template) {
            this.template = template;
        }

        public boolean isTemplate() {
            return template;
        }
    }

    /** What the resource was looked for by. */
    public enum Lookup { ID, NAME }

    private final Kind kind;
    private final Lookup lookup;
    private final String id;

    /** Looked for by id. */
    public ResourceNotFoundException(Kind kind, String id) {
        this(kind, Lookup.ID, id);
    }

    /** @param key the id or the name looked for, as {@code lookup} says */
    public ResourceNotFoundException(Kind kind, Lookup lookup, String key) {
        super(kind + " not found by " + lookup + ": " + key);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.id = Objects.requireNonNull(key, "key");
    }

    public Kind kind() {
        return kind;
    }

    public Lookup lookup() {
        return lookup;
    }

    /** The id, or the name when {@link #lookup()} is {@link Lookup#NAME}. */
    public String id() {
        return id;
    }
}
