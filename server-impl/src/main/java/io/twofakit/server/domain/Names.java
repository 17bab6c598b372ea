package io.twofakit.server.domain;

import io.twofakit.server.domain.ValidationFailedException.Violation;
import java.util.List;

/** The rule every resource name follows: present, not blank, at most {@value #MAX_LENGTH} characters. */
public final class Names {

    public static final int MAX_LENGTH = 256;

    private Names() {
    }

    /** Adds a violation of {@code field} to {@code violations} when {@code name} breaks the rule. */
    public static void check(String field, String name, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation(field, "must not be blank"));
        } else if (name.length() > MAX_LENGTH) {
            violations.add(new Violation(field, "size must be between 1 and " + MAX_LENGTH));
        }
    }
}
