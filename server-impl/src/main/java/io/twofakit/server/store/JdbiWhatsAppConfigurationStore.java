package io.twofakit.server.store;

import io.twofakit.server.domain.whatsapp.WhatsAppConfiguration;
import io.twofakit.server.domain.whatsapp.WhatsAppConfigurationStore;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The WhatsApp configurations in the table {@code whatsapp_configuration}; the account is its primary key,
 * so a second configuration of an account is refused by the database, also when two arrive at once.
 */
public final class JdbiWhatsAppConfigurationStore implements WhatsAppConfigurationStore {

    private final Jdbi jdbi;

    public JdbiWhatsAppConfigurationStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public boolean insert(WhatsAppConfiguration configuration) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("insert into whatsapp_configuration"
                            + " (account_id, whatsapp_account_id, created_at) values (:account, :whatsAppAccount, :createdAt)")
                    .bind("account", configuration.accountId())
                    .bind("whatsAppAccount", configuration.whatsAppAccountId())
                    .bind("createdAt", SqlTimes.utc(configuration.createdAt()))
                    .execute());
            return true;
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<WhatsAppConfiguration> find(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery("select account_id, whatsapp_account_id, created_at"
                        + " from whatsapp_configuration where account_id = :account")
                .bind("account", accountId)
                .map((row, context) -> new WhatsAppConfiguration(
                        row.getString("account_id"),
                        row.getObject("whatsapp_account_id", UUID.class),
                        SqlTimes.instant(row, "created_at")))
                .findOne());
    }
}
