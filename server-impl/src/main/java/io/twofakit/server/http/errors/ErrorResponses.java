package io.twofakit.server.http.errors;

import io.twofakit.api.model.ConstraintViolationResponseSchema;
import io.twofakit.api.model.ErrorResponseSchema;
import io.twofakit.api.model.NotFoundResponseSchema;
import io.twofakit.api.model.NotFoundSchema;
import io.twofakit.api.model.ViolationResponseSchema;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.domain.limits.LimitExceededException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides what an error looks like on the wire: status, title and shape, as in tyntec's
 * reference. Every body is {@code application/json}.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** 401 {@code UnauthorizedResponse}. */
    public static Response unauthorized(String detail) {
        return json(Status.UNAUTHORIZED, error(Status.UNAUTHORIZED, "Unauthorized", detail));
    }

    /** 400 {@code ConstraintViolationResponseSchema}, one violation per bad field, ordered by field. */
    public static Response constraintViolations(List<Violation> violations) {
        List<ViolationResponseSchema> items = new ArrayList<>();
        violations.stream()
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .distinct()
                .forEach(v -> items.add(ViolationResponseSchema.builder().field(v.field()).message(v.message()).build()));
        return json(Status.BAD_REQUEST, ConstraintViolationResponseSchema.builder()
                .status((long) Status.BAD_REQUEST.getStatusCode())
                .title("Constraint Violation")
                .violations(items)
                .build());
    }

    /**
     * 404 {@code NotFoundResponseSchema} for templates, {@code NotFoundSchema} for everything else. The id
     * property names the id looked for; a search by name names the name in the detail only.
     */
    public static Response notFound(ResourceNotFoundException e) {
        long status = Status.NOT_FOUND.getStatusCode();
        boolean byName = e.lookup() == ResourceNotFoundException.Lookup.NAME;
        if (e.kind().isTemplate()) {
            return json(Status.NOT_FOUND, NotFoundResponseSchema.builder()
                    .status(status)
                    .title("No Template Found")
                    .detail("Template with " + (byName ? "name " : "ID ") + e.id() + " not found")
                    .templateId(byName ? null : e.id())
                    .build());
        }
        if (e.kind() == ResourceNotFoundException.Kind.WHATSAPP_CONFIGURATION) {
            // an account has at most one configuration, so there is no id to name
            return json(Status.NOT_FOUND, NotFoundSchema.builder()
                    .status(status)
                    .title("No Resource Found")
                    .detail("WhatsApp configuration not found")
                    .build());
        }
        return json(Status.NOT_FOUND, NotFoundSchema.builder()
                .status(status)
                .title("No Resource Found")
                .detail("Resource with " + (byName ? "name " : "ID ") + e.id() + " not found")
                .resourceId(byName ? null : e.id())
                .build());
    }

    /** 404 {@code NotFoundSchema} for a path that names no resource at all. */
    public static Response noSuchPath(String path) {
        return json(Status.NOT_FOUND, NotFoundSchema.builder()
                .status((long) Status.NOT_FOUND.getStatusCode())
                .title("No Resource Found")
                .detail("No resource at " + path)
                .build());
    }

    /** 409 with the conflict's own properties after {@code status}, {@code title} and {@code detail}. */
    public static Response conflict(ConflictException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", Status.CONFLICT.getStatusCode());
        body.put("title", "Conflict");
        body.put("detail", e.detail());
        e.properties().forEach(body::putIfAbsent);
        return json(Status.CONFLICT, body);
    }

    /**
     * 429 {@code ErrorResponseSchema} with {@code Retry-After} in whole seconds: a limit against abuse was reached;
     * the detail says which and when to retry.
     */
    public static Response tooManyRequests(LimitExceededException e) {
        return Response.fromResponse(json(Status.TOO_MANY_REQUESTS,
                        error(Status.TOO_MANY_REQUESTS, "Too Many Requests", e.detail())))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }

    /** 403 with the given title and detail. */
    public static Response forbidden(String title, String detail) {
        return json(Status.FORBIDDEN, error(Status.FORBIDDEN, title, detail));
    }

    /** 500 that names the id under which the error is logged, and nothing else about it. */
    public static Response internalError(String errorId) {
        return json(Status.INTERNAL_SERVER_ERROR, error(Status.INTERNAL_SERVER_ERROR, "Internal Server Error",
                "Unexpected error occurred on server (error id " + errorId + ")"));
    }

    /**
     * 503 while the database cannot be reached: nothing was done, the request can be sent again once it is back
     * (the pool reconnects by itself). {@code Retry-After} suggests when.
     */
    public static Response databaseUnavailable(long retryAfterSeconds) {
        return Response.fromResponse(json(Status.SERVICE_UNAVAILABLE, error(Status.SERVICE_UNAVAILABLE,
                        "Service Unavailable", "The server cannot reach its database; nothing was changed."
                                + " Send the request again in a few seconds.")))
                .header("Retry-After", retryAfterSeconds)
                .build();
    }

    /** Any other status, in the {@code ErrorResponseSchema} shape. */
    public static Response error(int status, String title, String detail) {
        Status known = Status.fromStatusCode(status);
        ErrorResponseSchema body = ErrorResponseSchema.builder()
                .status((long) status)
                .title(title != null ? title : known != null ? known.getReasonPhrase() : "Error")
                .detail(detail)
                .build();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static ErrorResponseSchema error(Status status, String title, String detail) {
        return ErrorResponseSchema.builder()
                .status((long) status.getStatusCode())
                .title(title)
                .detail(detail)
                .build();
    }

    private static Response json(Status status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
