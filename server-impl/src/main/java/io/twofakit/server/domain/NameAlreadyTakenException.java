package io.twofakit.server.domain;

/**
 * Thrown by a store when an insert or update would give a second resource of the same kind the same
 * name within one account (and channel). The database's unique constraint is what raises it, so two
 * concurrent creates of one name give exactly one success. Services translate it into a
 * {@code ConflictException} with the wording of the API.
 */
public class NameAlreadyTakenException extends RuntimeException {
    private final String name;

    public NameAlreadyTakenException(String name, Throwable cause) {
        super("name already taken: " + name, cause);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
