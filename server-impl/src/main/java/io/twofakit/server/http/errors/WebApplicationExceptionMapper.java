package io.twofakit.server.http.errors;

import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.http.RequestBodyLimit;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ParamException;

/**
 * What Jersey itself refuses: a parameter it cannot convert (400 naming it), no resource at the path (404),
 * a method the path does not offer (405), a body that is not JSON (415), an {@code Accept} the server cannot
 * serve (406), a body too large (413), a body the client did not send whole (400, one line in the log).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    private String requestLine() {
        return request.getMethod() + " /" + uriInfo.getPath();
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof ParamException param) {
            String name = param.getParameterName() == null || param.getParameterName().isBlank()
                    ? "parameter" : param.getParameterName();
            return ErrorResponses.constraintViolations(List.of(new Violation(name, "is not a valid value")));
        }
        if (exception instanceof NotFoundException) {
            return ErrorResponses.noSuchPath("/" + uriInfo.getPath());
        }
        if (exception instanceof NotAllowedException) {
            // the contract's methods: not those Jersey answers by itself (HEAD of a GET, OPTIONS)
            Set<String> allowed = new TreeSet<>(exception.getResponse().getAllowedMethods());
            allowed.removeAll(Set.of(HttpMethod.OPTIONS, HttpMethod.HEAD));
            Response response = ErrorResponses.error(405, "Method Not Allowed",
                    "The method is not allowed here; allowed: " + String.join(", ", allowed));
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
        }
        if (exception instanceof NotSupportedException) {
            return ErrorResponses.error(415, "Unsupported Media Type", "The request body must be application/json");
        }
        if (exception instanceof NotAcceptableException) {
            return ErrorResponses.error(406, "Not Acceptable", "Responses are application/json");
        }
        if (exception instanceof RequestBodyLimit.BodyTooLargeException tooLarge) {
            return ErrorResponses.error(413, "Payload Too Large",
                    "The request body is larger than " + tooLarge.maxBytes() + " bytes");
        }
        if (exception instanceof RequestBodyLimit.BodyNotReceivedException notReceived) {
            Throwable cause = notReceived.getCause();
            LOG.info(() -> "The body of " + requestLine() + " was not received whole ("
                    + (cause == null ? "no cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage()) + ")");
            return ErrorResponses.constraintViolations(List.of(new Violation(JsonProblems.BODY, "was not received whole")));
        }
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return UnexpectedExceptionMapper.internalError(exception);
        }
        return ErrorResponses.error(status, null, null);
    }
}
