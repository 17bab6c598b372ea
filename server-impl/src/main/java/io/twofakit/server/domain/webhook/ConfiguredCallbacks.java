package io.twofakit.server.domain.webhook;

import io.twofakit.server.domain.delivery.CallbackTargets;
import io.twofakit.server.domain.delivery.CallbackTarget;
import io.twofakit.server.domain.callback.CallbackConfiguration;
import io.twofakit.server.domain.callback.CallbackConfigurationStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The callback targets as the account's callback configurations define them. */
public final class ConfiguredCallbacks implements CallbackTargets {

    private final CallbackConfigurationStore configurations;

    public ConfiguredCallbacks(CallbackConfigurationStore configurations) {
        this.configurations = configurations;
    }

    @Override
    public List<CallbackTarget> matching(String accountId, UUID profileId) {
        return configurations.matching(accountId, profileId).stream().map(ConfiguredCallbacks::target).toList();
    }

    @Override
    public Optional<CallbackTarget> find(String accountId, UUID callbackId) {
        return configurations.find(accountId, callbackId).map(ConfiguredCallbacks::target);
    }

    private static CallbackTarget target(CallbackConfiguration configuration) {
        return new CallbackTarget(configuration.id(), configuration.url(), configuration.headers());
    }
}
