package io.twofakit.server.http.errors;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Malformed JSON: 400 with a violation of the field {@code body}. */
@Provider
public class JsonParseExceptionMapper implements ExceptionMapper<JsonParseException> {

    @Override
    public Response toResponse(JsonParseException exception) {
        return ErrorResponses.constraintViolations(List.of(JsonProblems.violation(exception)));
    }
}
