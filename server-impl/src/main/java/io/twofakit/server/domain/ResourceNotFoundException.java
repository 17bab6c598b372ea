package io.twofakit.server.domain;

import java.util.Objects;

/** A resource that does not exist, or that belongs to another account (the two are indistinguishable). */
public class ResourceNotFoundException extends TwofaException {

    /** What was looked for. Templates are reported in their own shape (with a {@code templateId}). */
    public enum Kind {
        OTP(false),
        PROFILE(false),
        PRIORITY(false),
        CALLBACK_CONFIGURATION(false),
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

    private final Kind kind;
    private final String id;

    public ResourceNotFoundException(Kind kind, String id) {
        super(kind + " not found: " + id);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.id = Objects.requireNonNull(id, "id");
    }

    public Kind kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
