package io.twofakit.server.http;

import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.http.errors.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Content-Type} and {@code Accept} must be media types: a 400 naming the header otherwise. Jersey would
 * answer such a request with an empty 400 of its own, past the exception mappers.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class MediaTypeHeaders implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<Violation> violations = new ArrayList<>();
        for (String value : request.getHeaders().getOrDefault(HttpHeaders.CONTENT_TYPE, List.of())) {
            if (!isMediaType(value)) {
                violations.add(new Violation(HttpHeaders.CONTENT_TYPE, "is not a media type"));
            }
        }
        for (String value : request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, List.of())) {
            for (String range : value.split(",")) {
                if (!range.isBlank() && !isMediaType(range.trim())) {
                    violations.add(new Violation(HttpHeaders.ACCEPT, "is not a list of media types"));
                }
            }
        }
        if (!violations.isEmpty()) {
            request.abortWith(ErrorResponses.constraintViolations(violations));
        }
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
