package io.twofakit.server.domain;

import java.util.Objects;

/** A request the account may not make in its present state, e.g. a WhatsApp template without a WhatsApp configuration. */
public class ForbiddenException extends TwofaException {

    private final String title;
    private final String detail;

    public ForbiddenException(String title, String detail) {
        super(title + ": " + detail);
        this.title = Objects.requireNonNull(title, "title");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
