package io.twofakit.server.http.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ForbiddenException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.http.JsonMapperProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

    private static final ObjectMapper JSON = JsonMapperProvider.createObjectMapper();

    private static JsonNode body(Response response) {
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
        return JSON.valueToTree(response.getEntity());
    }

    @Test
    void validationFailureListsEveryViolationSortedByField() {
        Response response = new DomainExceptionMapper().toResponse(new ValidationFailedException(List.of(
                new Violation("to", "must not be blank"), new Violation("profileName", "must not be null"))));
        assertEquals(400, response.getStatus());
        JsonNode body = body(response);
        assertEquals(400, body.get("status").asInt());
        assertEquals("Constraint Violation", body.get("title").asText());
        assertEquals("profileName", body.at("/violations/0/field").asText());
        assertEquals("to", body.at("/violations/1/field").asText());
        assertEquals("must not be blank", body.at("/violations/1/message").asText());
    }

    @Test
    void aValidationFailureNeedsAViolation() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationFailedException(List.of()));
    }

    @Test
    void missingTemplateHasTheTemplateShape() {
        JsonNode body = body(new DomainExceptionMapper().toResponse(
                new ResourceNotFoundException(ResourceNotFoundException.Kind.TEMPLATE, "t-1")));
        assertEquals(404, body.get("status").asInt());
        assertEquals("No Template Found", body.get("title").asText());
        assertEquals("Template with ID t-1 not found", body.get("detail").asText());
        assertEquals("t-1", body.get("templateId").asText());
        assertFalse(body.has("resourceId"));
    }

    @Test
    void aTemplateSearchedByNameIsNamedInTheDetailOnly() {
        JsonNode body = body(new DomainExceptionMapper().toResponse(new ResourceNotFoundException(
                ResourceNotFoundException.Kind.WHATSAPP_TEMPLATE, ResourceNotFoundException.Lookup.NAME, "otp_login")));
        assertEquals(404, body.get("status").asInt());
        assertEquals("No Template Found", body.get("title").asText());
        assertEquals("Template with name otp_login not found", body.get("detail").asText());
        assertFalse(body.has("templateId"));
    }

    @Test
    void aMissingWhatsAppConfigurationNamesNoId() {
        JsonNode body = body(new DomainExceptionMapper().toResponse(new ResourceNotFoundException(
                ResourceNotFoundException.Kind.WHATSAPP_CONFIGURATION, "acme")));
        assertEquals(404, body.get("status").asInt());
        assertEquals("No Resource Found", body.get("title").asText());
        assertEquals("WhatsApp configuration not found", body.get("detail").asText());
        assertFalse(body.has("resourceId"));
    }

    @Test
    void otherMissingResourcesHaveTheResourceShape() {
        JsonNode body = body(new DomainExceptionMapper().toResponse(
                new ResourceNotFoundException(ResourceNotFoundException.Kind.PROFILE, "p-1")));
        assertEquals("No Resource Found", body.get("title").asText());
        assertEquals("Resource with ID p-1 not found", body.get("detail").asText());
        assertEquals("p-1", body.get("resourceId").asText());
        assertFalse(body.has("templateId"));
    }

    @Test
    void conflictCarriesItsProperties() throws Exception {
        Response response = new DomainExceptionMapper().toResponse(new ConflictException(
                "Template with name x already exists in SMS channel. Template name must be unique.")
                .with("templateName", "x"));
        assertEquals(409, response.getStatus());
        assertEquals("{\"status\":409,\"title\":\"Conflict\",\"detail\":\"Template with name x already exists in SMS "
                        + "channel. Template name must be unique.\",\"templateName\":\"x\"}",
                JSON.writeValueAsString(response.getEntity()));
        assertEquals(Map.of("a", "1"), new ConflictException("d", Map.of("a", "1")).properties());
    }

    @Test
    void forbiddenUsesItsTitleAndDetail() {
        Response response = new DomainExceptionMapper().toResponse(
                new ForbiddenException("Missing Configuration", "No WhatsApp configuration"));
        assertEquals(403, response.getStatus());
        assertEquals("Missing Configuration", body(response).get("title").asText());
        assertEquals("No WhatsApp configuration", body(response).get("detail").asText());
    }

    @Test
    void unexpectedErrorNamesAnIdAndNothingElse() {
        Response response = new UnexpectedExceptionMapper(failure -> false).toResponse(new IllegalStateException("secret internals"));
        assertEquals(500, response.getStatus());
        JsonNode body = body(response);
        assertEquals("Internal Server Error", body.get("title").asText());
        assertTrue(body.get("detail").asText().matches("Unexpected error occurred on server \\(error id [0-9a-f-]{36}\\)"),
                body.toString());
        assertFalse(body.toString().contains("secret internals"));
    }

    record Channel(String type, List<String> templates) {
    }

    record Profile(String name, Integer attempts, List<Channel> channels) {
    }

    private static Violation readingFails(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Profile.class));
        return JsonProblems.violation(e);
    }

    @Test
    void malformedJsonIsAViolationOfTheBody() {
        Violation violation = readingFails("{\"name\": ");
        assertEquals("body", violation.field());
        assertTrue(violation.message().startsWith("is not valid JSON"), violation.message());
    }

    @Test
    void wrongTypesNameTheJsonPath() {
        assertEquals(new Violation("attempts", "must be an integer"), readingFails("{\"attempts\": \"three\"}"));
        assertEquals(new Violation("attempts", "must be an integer"), readingFails("{\"attempts\": 2.5}"));
        assertEquals(new Violation("channels[1].templates", "must be an array"),
                readingFails("{\"channels\": [{\"templates\": []}, {\"templates\": {}}]}"));
        assertEquals(new Violation("channels[0].templates[0]", "must be a string"),
                readingFails("{\"channels\": [{\"templates\": [{}]}]}"));
        assertEquals(new Violation("body", "must be an object"), readingFails("[]"));
    }

    @Test
    void numbersAndBooleansAreNotTakenForStrings() {
        assertEquals(new Violation("name", "must be a string"), readingFails("{\"name\": 42}"));
        assertEquals(new Violation("name", "must be a string"), readingFails("{\"name\": 4.2}"));
        assertEquals(new Violation("name", "must be a string"), readingFails("{\"name\": true}"));
    }

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        assertEquals("n", JSON.readValue("{\"name\": \"n\", \"extra\": 1}", Profile.class).name());
    }
}
