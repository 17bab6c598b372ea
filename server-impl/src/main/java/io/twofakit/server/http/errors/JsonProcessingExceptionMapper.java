package io.twofakit.server.http.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Any other body Jackson cannot read (e.g. a number beyond Jackson's limits): 400 on the field {@code body}. */
@Provider
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return ErrorResponses.constraintViolations(List.of(JsonProblems.violation(exception)));
    }
}
