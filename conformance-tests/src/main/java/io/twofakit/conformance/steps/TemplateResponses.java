package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;

/** What the refusals of template requests look like; shared by the template step classes. */
final class TemplateResponses {

    private TemplateResponses() {
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
}
