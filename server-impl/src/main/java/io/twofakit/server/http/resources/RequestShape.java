package io.twofakit.server.http.resources;

import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What bean validation of the generated models lets through but a resource cannot translate: {@code null}
 * elements of arrays and {@code null} values of maps. Collects one violation per such element, named as
 * in the JSON ({@code channels[1]}, {@code headers.X-Tenant}), and refuses the request with all of them.
 */
final class RequestShape {

    private final List<Violation> violations = new ArrayList<>();

    /**
     * Translates each element of {@code list} with {@code translate(element, fieldOfElement)}; a null element
     * is recorded as a violation and left out. A null list gives null.
     */
    <T, R> List<R> each(List<T> list, String field, BiFunction<T, String, R> translate) {
        if (list == null) {
            return null;
        }
        List<R> translated = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String elementField = field + "[" + i + "]";
            T element = list.get(i);
            if (element == null) {
                violations.add(new Violation(elementField, "must not be null"));
            } else {
                translated.add(translate.apply(element, elementField));
            }
        }
        return translated;
    }

    /** Records a violation for each null value of {@code map}, named {@code field.key}. */
    void noNullValues(Map<String, String> map, String field) {
        if (map == null) {
            return;
        }
        map.forEach((key, value) -> {
            if (value == null) {
                violations.add(new Violation(field + "." + key, "must not be null"));
            }
        });
    }

    /** Refuses the request when any element was null. */
    void check() {
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }
}
