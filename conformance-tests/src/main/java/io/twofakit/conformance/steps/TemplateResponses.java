package io.twofakit.conformance.steps;

import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
import java.util.TreeSet;

/** What the refusals of template requests look like; shared by the template step classes. */
final class TemplateResponses {

    private TemplateResponses() {
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

    /** 404 in the template shape, naming {@code id}. */
    static void assertTemplateNotFound(String id, Response response) {
        assertStatus(404, response);
        assertEquals("No Template Found", response.jsonPath().getString("title"), () -> describe(response));
        assertEquals(id, response.jsonPath().getString("templateId"), () -> describe(response));
        assertEquals("Template with ID " + id + " not found", response.jsonPath().getString("detail"),
                () -> describe(response));
    }

    /** 409 in the template shape, naming {@code name} in {@code templateName} and in the detail. */
    static void assertTemplateConflict(String name, Response response) {
        assertStatus(409, response);
        assertEquals("Conflict", response.jsonPath().getString("title"), () -> describe(response));
        assertNumberAt(409, "status", response, () -> describe(response));
        assertEquals(name, response.jsonPath().getString("templateName"), () -> describe(response));
        assertTrue(response.jsonPath().getString("detail").contains(name), () -> describe(response));
    }

    static String describe(Response response) {
        return AuthenticationSteps.describe(response);
    }
}
