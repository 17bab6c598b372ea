package io.twofakit.server.http.errors;

import io.twofakit.server.domain.ValidationFailedException.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;

/** Bean validation of a request: 400 with one violation per bad field, named as in the JSON. */
@Provider
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            violations.add(new Violation(ViolationFields.field(violation), violation.getMessage()));
        }
        if (violations.isEmpty()) {
            violations.add(new Violation(JsonProblems.BODY, "is invalid"));
        }
        return ErrorResponses.constraintViolations(violations);
    }
}
