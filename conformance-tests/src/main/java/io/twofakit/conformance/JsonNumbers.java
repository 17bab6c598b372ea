package io.twofakit.conformance;

import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Numbers in answers, compared as the numbers they are. Reading them as an {@code int} would cut a large one down
 * to its lowest 32 bits: Prism's made-up status {@code -9007199254740991} would then be reported as {@code 1}.
 */
public final class JsonNumbers {

    private JsonNumbers() {
    }

    /** Fails unless the body's value at {@code path} is a JSON number equal to {@code expected}. */
    public static void assertNumberAt(long expected, String path, Response response, Supplier<String> description) {
        Object actual = response.jsonPath().get(path);
        if (!equal(expected, actual)) {
            throw new AssertionFailedError("expected " + path + " " + expected + " but was " + shown(actual)
                    + " ==> " + description.get(), expected, actual);
        }
    }

    static boolean equal(long expected, Object actual) {
        if (!(actual instanceof Number number)) {
            return false;
        }
        try {
            return new BigDecimal(number.toString()).compareTo(BigDecimal.valueOf(expected)) == 0;
        } catch (NumberFormatException notFinite) {
            return false;
        }
    }

    /** A value as the answer had it: a number as written, a string in quotes, nothing as absent. */
    static String shown(Object value) {
        if (value == null) {
            return "absent (or null)";
        }
        if (value instanceof String text) {
            return "the string \"" + text + "\"";
        }
        if (value instanceof Number number) {
            return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
        }
        return value.toString();
    }
}
