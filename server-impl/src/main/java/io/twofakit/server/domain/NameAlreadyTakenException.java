package io.twofakit.server.domain;

/**
 * Thrown by a store when an insert or update would give a second resource of the same kind the same
 * name within one account (and channel). The database's unique constraint is what raises it, so two
 * concurrent creates of one name give exactly one success. Services translate it into a
 * {@code ConflictException} with the wording of the API.
 *
 * <p>It is deliberately not a {@link TwofaException}: those are the domain's answers to a request, each mapped
 * to a response in {@code http.errors}; this one is a store's signal to its service, which alone knows the
 * answer (the conflict's wording and properties differ per resource). Should a service ever let one through,
 * it is answered as the unexpected error it is (500, logged), not as a conflict without the API's wording.
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
