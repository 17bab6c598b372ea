package io.twofakit.conformance.steps;

import static io.twofakit.conformance.steps.ResponseChecks.assertStatus;
import static io.twofakit.conformance.steps.ResponseChecks.describe;
import static io.twofakit.conformance.JsonNumbers.assertNumberAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/** What answers about profiles, priorities and callback configurations look like; shared by their step classes. */
final class ResourceResponses {

    /** Stands for a fresh unique name in a raw request body of a scenario. */
    static final String NAME_PLACEHOLDER = "$NAME";

    private ResourceResponses() {
    }

    /** 201 with the new resource's id, which is returned. */
    static String createdId(Response response) {
        assertStatus(201, response);
        String id = response.jsonPath().getString("id");
        assertEquals(id, UUID.fromString(id).toString(), () -> "the id should be a UUID: " + describe(response));
        return id;
    }

    /** 404 in the {@code NotFoundSchema} shape, naming {@code id}. */
    static void assertNotFound(String id, Response response) {
        assertStatus(404, response);
        assertNumberAt(404, "status", response, () -> describe(response));
        assertEquals("No Resource Found", response.jsonPath().getString("title"), () -> describe(response));
        assertEquals(id, response.jsonPath().getString("resourceId"), () -> describe(response));
        assertEquals("Resource with ID " + id + " not found", response.jsonPath().getString("detail"), () -> describe(response));
    }

    /** 409 with the detail and the properties that name what the request clashes with. */
    static void assertConflict(String detail, Map<String, String> properties, Response response) {
        assertStatus(409, response);
        assertNumberAt(409, "status", response, () -> describe(response));
        assertEquals("Conflict", response.jsonPath().getString("title"), () -> describe(response));
        assertEquals(detail, response.jsonPath().getString("detail"), () -> describe(response));
        properties.forEach((name, value) ->
                assertEquals(value, response.jsonPath().getString(name), () -> name + " of " + describe(response)));
    }
}
