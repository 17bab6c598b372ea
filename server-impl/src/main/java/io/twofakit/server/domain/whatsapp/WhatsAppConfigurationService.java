package io.twofakit.server.domain.whatsapp;

import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ForbiddenException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.clock.AccountClocks;
import java.util.Objects;
import java.util.UUID;

/**
 * The WhatsApp configuration of an account: created once (a second one is a conflict, also under concurrent
 * requests), then read. Everything on the WhatsApp channel needs it: {@link #require} refuses without one.
 */
public class WhatsAppConfigurationService {

    public static final String FORBIDDEN_TITLE = "Missing WhatsApp Configuration";
    public static final String FORBIDDEN_DETAIL = "Account is not allowed to use WhatsApp functionality";

    private final WhatsAppConfigurationStore store;
    private final AccountClocks clocks;

    public WhatsAppConfigurationService(WhatsAppConfigurationStore store, AccountClocks clocks) {
        this.store = Objects.requireNonNull(store, "store");
        this.clocks = Objects.requireNonNull(clocks, "clocks");
    }

    public WhatsAppConfiguration create(String accountId, UUID whatsAppAccountId) {
        Objects.requireNonNull(whatsAppAccountId, "whatsAppAccountId");
        WhatsAppConfiguration configuration = new WhatsAppConfiguration(accountId, whatsAppAccountId,
                clocks.clockFor(accountId).instant());
        if (!store.insert(configuration)) {
            throw new ConflictException("WhatsApp configuration already exist.");
        }
        return configuration;
    }

    /** The account's configuration; not found when it has none. */
    public WhatsAppConfiguration read(String accountId) {
        return store.find(accountId).orElseThrow(() -> new ResourceNotFoundException(
                ResourceNotFoundException.Kind.WHATSAPP_CONFIGURATION, accountId));
    }

    /** The account's configuration; forbidden when it has none, since it may then not use WhatsApp at all. */
    public WhatsAppConfiguration require(String accountId) {
        return store.find(accountId).orElseThrow(() -> new ForbiddenException(FORBIDDEN_TITLE, FORBIDDEN_DETAIL));
    }
}
