package io.twofakit.server.domain;

import java.util.List;
import java.util.Optional;

/** An {@link AccountResourceStore} of resources with a name unique per account: priorities and profiles. */
public interface NamedResourceStore<T> extends AccountResourceStore<T> {

    /** The account's resources, only the one named {@code name} when it is given, oldest first. */
    List<T> list(String accountId, String name);

    default Optional<T> findByName(String accountId, String name) {
        return list(accountId, name).stream().findFirst();
    }
}
