package io.twofakit.server.domain;

import java.util.List;
import java.util.Objects;

/** Input that breaks a rule; one {@link Violation} per bad field. */
public class ValidationFailedException extends TwofaException {

    /**
     * One bad field.
     *
     * @param field the field as the client wrote it, e.g. {@code to} or {@code channels[0].templates}
     * @param message what is wrong with it
     */
    public record Violation(String field, String message) {
        public Violation {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    private final List<Violation> violations;

    public ValidationFailedException(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public ValidationFailedException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        StringBuilder text = new StringBuilder("validation failed:");
        for (Violation violation : violations) {
            text.append(' ').append(violation.field()).append(": ").append(violation.message()).append(';');
        }
        return text.toString();
    }
}
