package io.twofakit.conformance.steps;

import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
import java.util.TreeSet;

/** Checks of any answer: its status, the violations of a 400, and how a failed check shows the answer. */
final class ResponseChecks {

    private ResponseChecks() {
    }

    static void assertStatus(int expected, Response response) {
        assertEquals(expected, response.statusCode(), () -> "expected " + expected + ", got: " + describe(response));
    }

    /** 400 with the violation shape, one of whose violations names {@code field}. */
    static void assertViolationNaming(String field, Response response) {
        List<String> fields = violatedFields(response);
        assertTrue(fields.contains(field), () -> "no violation names \"" + field + "\": " + describe(response));
    }

    /** 400 with the violation shape, whose violations name exactly {@code expected}. */
    static void assertViolationsNamingExactly(List<String> expected, Response response) {
        assertEquals(new TreeSet<>(expected), new TreeSet<>(violatedFields(response)), () -> describe(response));
    }

    private static List<String> violatedFields(Response response) {
        assertStatus(400, response);
        assertNumberAt(400, "status", response, () -> describe(response));
        List<String> fields = response.jsonPath().getList("violations.field", String.class);
        assertFalse(fields == null || fields.isEmpty(), () -> "a 400 should name the bad fields: " + describe(response));
        for (String message : response.jsonPath().getList("violations.message", String.class)) {
            assertFalse(message == null || message.isBlank(), () -> "every violation says what is wrong: " + describe(response));
        }
        return fields;
    }

    /** Status, content type and body, for the message of a failed check. */
    static String describe(Response response) {
        return response.statusCode() + " " + response.contentType() + " " + response.asString();
    }
}
