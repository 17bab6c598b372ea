package io.twofakit.server.domain.delivery;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Where a callback configuration wants events posted: its URL and the headers to send with them. */
public record CallbackTarget(UUID id, String url, Map<String, String> headers) {

    public CallbackTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
