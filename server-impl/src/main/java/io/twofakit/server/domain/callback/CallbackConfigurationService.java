package io.twofakit.server.domain.callback;

import io.twofakit.server.domain.AccountResources;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.domain.profile.ProfileStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The rules of callback configurations: a valid url and headers (see {@link CallbackRules}), a profile of
 * the same account when one is named, and each pair of url and profile at most once per account.
 */
public final class CallbackConfigurationService {

    private final CallbackConfigurationStore store;
    private final AccountResources<CallbackConfiguration> configurations;
    private final ProfileStore profiles;

    public CallbackConfigurationService(CallbackConfigurationStore store, ProfileStore profiles) {
        this.store = store;
        this.configurations = new AccountResources<>(store, ResourceNotFoundException.Kind.CALLBACK_CONFIGURATION,
                url -> new ConflictException("Callback configuration already exists."));
        this.profiles = profiles;
    }

    /**
     * Registers where events are posted.
     *
     * @param headers custom headers, or null for none
     * @param profileId the only profile whose events are posted, or null for every profile
     */
    public UUID create(String accountId, String url, Map<String, String> headers, UUID profileId) {
        Map<String, String> given = headers == null ? Map.of() : headers;
        check(accountId, url, given, profileId);
        CallbackConfiguration configuration = new CallbackConfiguration(UUID.randomUUID(), accountId, url, given, profileId);
        write(() -> {
            configurations.insert(configuration);
            return configuration;
        });
        return configuration.id();
    }

    /** Every configuration of the account, oldest first. */
    public List<CallbackConfiguration> list(String accountId) {
        return store.list(accountId);
    }

    /** Changes the url and the given fields; 404 when the account has no such configuration. */
    public CallbackConfiguration patch(String accountId, UUID id, CallbackChanges changes) {
        check(accountId, changes.url(), changes.headers() == null ? Map.of() : changes.headers(), changes.profileId());
        return write(() -> configurations.modify(accountId, id, current -> new CallbackConfiguration(current.id(),
                accountId,
                changes.url(),
                changes.headers() != null ? changes.headers() : current.headers(),
                changes.profileId() != null ? changes.profileId() : current.profileId())));
    }

    public void delete(String accountId, UUID id) {
        configurations.delete(accountId, id);
    }

    private void check(String accountId, String url, Map<String, String> headers, UUID profileId) {
        List<Violation> violations = new ArrayList<>();
        CallbackRules.checkUrl(url, violations);
        CallbackRules.checkHeaders(headers, violations);
        if (profileId != null && profiles.find(accountId, profileId).isEmpty()) {
            violations.add(noSuchProfile());
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }

    /** Runs a store write, translating a profile deleted meanwhile into the API's answer. */
    private static <T> T write(Supplier<T> write) {
        try {
            return write.get();
        } catch (ProfileGoneException e) {
            throw new ValidationFailedException(List.of(noSuchProfile()));
        }
    }

    private static Violation noSuchProfile() {
        return new Violation("profileId", "must name an existing profile");
    }
}
