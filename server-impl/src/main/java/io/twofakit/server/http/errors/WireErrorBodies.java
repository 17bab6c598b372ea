package io.twofakit.server.http.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofakit.server.http.JsonMapperProvider;
import jakarta.ws.rs.core.Response;

/**
 * The bodies of {@link ErrorResponses} as bytes, for the errors that Grizzly answers itself, below Jersey: the
 * same shapes, written by the same {@link ObjectMapper} configuration.
 */
final class WireErrorBodies {

    private static final ObjectMapper MAPPER = JsonMapperProvider.createObjectMapper();

    private WireErrorBodies() {
    }

    /** The JSON body of a response that {@link ErrorResponses} built. */
    static byte[] body(Response response) {
        try {
            return MAPPER.writeValueAsBytes(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error body cannot be written as JSON", e);
        }
    }
}
