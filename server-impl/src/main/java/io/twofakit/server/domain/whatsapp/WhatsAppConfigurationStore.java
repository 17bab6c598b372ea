package io.twofakit.server.domain.whatsapp;

import java.util.Optional;

/** Durable storage of the WhatsApp configuration of each account. */
public interface WhatsAppConfigurationStore {

    /** @return false when the account already has a configuration (nothing is changed then) */
    boolean insert(WhatsAppConfiguration configuration);

    Optional<WhatsAppConfiguration> find(String accountId);
}
