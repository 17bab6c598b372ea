package io.twofakit.server.store;

import io.twofakit.server.domain.otp.ServerSecretStore;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The server secret in the table {@code server_secret}, under one fixed name. */
public final class JdbiServerSecretStore implements ServerSecretStore {

    static final String NAME = "otp-codes";

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiServerSecretStore(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    @Override
    public String secret(Supplier<String> generate) {
        Optional<String> kept = jdbi.withHandle(JdbiServerSecretStore::find);
        if (kept.isPresent()) {
            return kept.get();
        }
        try {
            String generated = generate.get();
            jdbi.useHandle(handle -> handle.createUpdate(
                            "insert into server_secret (name, secret_value, created_at) values (:name, :secret, :at)")
                    .bind("name", NAME)
                    .bind("secret", generated)
                    .bind("at", SqlTimes.utc(clock.instant()))
                    .execute());
            return generated;
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                // another server on the same database was first: use its secret
                return jdbi.withHandle(JdbiServerSecretStore::find).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static Optional<String> find(Handle handle) {
        return handle.createQuery("select secret_value from server_secret where name = :name")
                .bind("name", NAME)
                .mapTo(String.class)
                .findOne();
    }
}
