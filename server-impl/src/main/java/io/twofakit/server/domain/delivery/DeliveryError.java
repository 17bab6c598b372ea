package io.twofakit.server.domain.delivery;

import java.util.Objects;

/** Why a channel could not deliver a message, as reported in an UNDELIVERABLE event. */
public record DeliveryError(String code, String message) {

    public DeliveryError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
