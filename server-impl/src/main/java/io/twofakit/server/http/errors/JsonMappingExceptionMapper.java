package io.twofakit.server.http.errors;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Well-formed JSON of the wrong shape (a string for a number, an unknown enum value, an object for an array):
 * 400 with a violation naming the JSON path, e.g. {@code channels[0].templates}.
 */
@Provider
public class JsonMappingExceptionMapper implements ExceptionMapper<JsonMappingException> {

    @Override
    public Response toResponse(JsonMappingException exception) {
        return ErrorResponses.constraintViolations(List.of(JsonProblems.violation(exception)));
    }
}
