package io.twofakit.server.http.errors;

import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ForbiddenException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.TwofaException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.limits.LimitExceededException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** What the domain refuses: 400, 403, 404, 409 or 429. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<TwofaException> {

    @Override
    public Response toResponse(TwofaException exception) {
        if (exception instanceof ValidationFailedException e) {
            return ErrorResponses.constraintViolations(e.violations());
        }
        if (exception instanceof ResourceNotFoundException e) {
            return ErrorResponses.notFound(e);
        }
        if (exception instanceof ConflictException e) {
            return ErrorResponses.conflict(e);
        }
        if (exception instanceof ForbiddenException e) {
            return ErrorResponses.forbidden(e.title(), e.detail());
        }
        if (exception instanceof LimitExceededException e) {
            return ErrorResponses.tooManyRequests(e);
        }
        return UnexpectedExceptionMapper.internalError(exception);
    }
}
