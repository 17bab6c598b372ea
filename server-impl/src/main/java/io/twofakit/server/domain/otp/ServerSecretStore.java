package io.twofakit.server.domain.otp;

import java.util.function.Supplier;

/** Keeps the server secret in the database when none is configured, so that it survives a restart. */
public interface ServerSecretStore {

    /**
     * The kept secret; on the first call against a database, {@code generate} makes it and it is stored.
     * Servers starting together on one database agree on one secret.
     */
    String secret(Supplier<String> generate);
}
