package io.twofakit.server.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request that clashes with what exists, e.g. a second template of the same name. Besides the
 * explanation it may name what it clashes with ({@code templateName}, {@code priorityName},
 * {@code profileName}, {@code channel}, {@code language}), in the API's own property names.
 */
public class ConflictException extends TwofaException {

    private final String detail;
    private final Map<String, String> properties;

    public ConflictException(String detail) {
        this(detail, Map.of());
    }

    public ConflictException(String detail, Map<String, String> properties) {
        super(detail);
        this.detail = Objects.requireNonNull(detail, "detail");
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Adds one property, e.g. {@code new ConflictException("...").with("templateName", name)}. */
    public ConflictException with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new ConflictException(detail, more);
    }

    public String detail() {
        return detail;
    }

    /** Extra properties of the response, in order. */
    public Map<String, String> properties() {
        return properties;
    }
}
