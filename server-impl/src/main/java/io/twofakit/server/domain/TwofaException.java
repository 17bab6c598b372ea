package io.twofakit.server.domain;

/**
 * Root of the exceptions by which the domain says that a request cannot be carried out. They speak in
 * domain words and know nothing about HTTP; {@code io.twofakit.server.http.errors} turns each into a
 * response.
 */
public abstract class TwofaException extends RuntimeException {

    protected TwofaException(String message) {
        super(message);
    }
}
