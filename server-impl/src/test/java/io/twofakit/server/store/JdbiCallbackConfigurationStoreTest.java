package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.NameAlreadyTakenException;
import io.twofakit.server.domain.callback.CallbackConfiguration;
import io.twofakit.server.domain.callback.ProfileGoneException;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.support.Concurrently;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

class JdbiCallbackConfigurationStoreTest {

    private static final String A = "account-a";
    private static final String B = "account-b";
    private static final String URL = "https://hooks.example.com/otp";

    private static JdbiCallbackConfigurationStore store(Database database) {
        database.registerAccounts(List.of(A, B), Clock.systemUTC());
        return new JdbiCallbackConfigurationStore(database);
    }

    private static UUID profile(Database database, String account, String name) {
        Profile profile = new Profile(UUID.randomUUID(), account, name, 3, 6, false, List.of());
        new JdbiProfileStore(database).insert(profile);
        return profile.id();
    }

    private static CallbackConfiguration callback(String account, String url, UUID profileId) {
        return new CallbackConfiguration(UUID.randomUUID(), account, url, Map.of(), profileId);
    }

    @DatabaseTest
    void aStoredConfigurationIsFoundWithItsHeadersInTheGivenOrder(Database database) {
        JdbiCallbackConfigurationStore store = store(database);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Tenant", "acme");
        headers.put("Authorization", "Bearer abc");
        headers.put("A-Empty", "");
        CallbackConfiguration stored = new CallbackConfiguration(UUID.randomUUID(), A, URL, headers,
                profile(database, A, "register"));
        store.insert(stored);

        CallbackConfiguration found = store.find(A, stored.id()).orElseThrow();
        assertEquals(stored, found);
        assertEquals(List.of("X-Tenant", "Authorization", "A-Empty"), List.copyOf(found.headers().keySet()));
    }

    @DatabaseTest
    void anotherAccountNeitherSeesNorChangesNorDeletesIt(Database database) {
        JdbiCallbackConfigurationStore store = store(database);
        CallbackConfiguration stored = callback(A, URL, null);
        store.insert(stored);

        assertEquals(Optional.empty(), store.find(B, stored.id()));
        assertEquals(List.of(), store.list(B));
        assertEquals(List.of(), store.matching(B, null));
        assertEquals(Optional.empty(), store.modify(B, stored.id(), c -> callback(B, "https://stolen.example", null)));
        assertFalse(store.delete(B, stored.id()));
        assertEquals(List.of(stored), store.list(A));
    }

    @DatabaseTest
    void oneUrlOncePerProfileAndOnceForEveryProfile(Database database) {
        JdbiCallbackConfigurationStore store = store(database);
        UUID register = profile(database, A, "register");
        UUID login = profile(database, A, "login");
        store.insert(callback(A, URL, null));
        store.insert(callback(A, URL, register));
        store.insert(callback(A, URL, login));
        store.insert(callback(B, URL, null));

        assertThrows(NameAlreadyTakenException.class, () -> store.insert(callback(A, URL, null)));
        assertThrows(NameAlreadyTakenException.class, () -> store.insert(callback(A, URL, register)));
        assertEquals(3, store.list(A).size());
    }

    @DatabaseTest
    void matchingGivesTheConfigurationsWithoutProfileAndThoseOfTheProfile(Database database) {
        JdbiCallbackConfigurationStore store = store(database);
        UUID register = profile(database, A, "register");
        UUID login = profile(database, A, "login");
        CallbackConfiguration every = callback(A, URL, null);
        CallbackConfiguration ofRegister = callback(A, "https://register.example.com", register);
        CallbackConfiguration ofLogin = callback(A, "https://login.example.com", login);
        store.insert(every);
        store.insert(ofRegister);
        store.insert(ofLogin);

        assertEquals(List.of(every, ofRegister), store.matching(A, register));
        assertEquals(List.of(every, ofLogin), store.matching(A, login));
        assertEquals(List.of(every), store.matching(A, null));
        assertEquals(List.of(every), store.matching(A, UUID.randomUUID()));
        assertEquals(List.of(every, ofRegister, ofLogin), store.list(A));
    }

    @DatabaseTest
    void aConfigurationOfAProfileThatIsGoneIsRefused(Database database) {
        JdbiCallbackConfigurationStore store = store(database);
        UUID missing = UUID.randomUUID();

        ProfileGoneException gone = assertThrows(ProfileGoneException.class, () -> store.insert(callback(A, URL, missing)));
        assertEquals(missing, gone.profileId());
        assertEquals(List.of(), store.list(A));
    }

    @DatabaseTest
    void modifyReplacesUrlHeadersAndProfile(Database database) {
        JdbiCallbackConfigurationStore store = store(database);
        UUID register = profile(database, A, "register");
        CallbackConfiguration stored = new CallbackConfiguration(UUID.randomUUID(), A, URL, Map.of("X-A", "1"), null);
        store.insert(stored);

        CallbackConfiguration changed = new CallbackConfiguration(stored.id(), A, "http://other.example:8080/x?y=1",
                Map.of("X-B", "2"), register);
        assertEquals(Optional.of(changed), store.modify(A, stored.id(), current -> changed));
        assertEquals(Optional.of(changed), store.find(A, stored.id()));
    }

    @DatabaseTest
    void aModificationOntoAnExistingPairChangesNothing(Database database) {
        JdbiCallbackConfigurationStore store = store(database);
        store.insert(callback(A, URL, null));
        CallbackConfiguration stored = new CallbackConfiguration(UUID.randomUUID(), A, "https://mine.example", Map.of("X-A", "1"), null);
        store.insert(stored);

        assertThrows(NameAlreadyTakenException.class, () -> store.modify(A, stored.id(),
                current -> new CallbackConfiguration(current.id(), A, URL, Map.of(), null)));
        assertEquals(Optional.of(stored), store.find(A, stored.id()));
    }

    @DatabaseTest
    void deleteRemovesTheConfigurationAndItsHeaders(Database database) {
        JdbiCallbackConfigurationStore store = store(database);
        CallbackConfiguration stored = new CallbackConfiguration(UUID.randomUUID(), A, URL, Map.of("X-A", "1"), null);
        store.insert(stored);

        assertTrue(store.delete(A, stored.id()));
        assertEquals(Optional.empty(), store.find(A, stored.id()));
        assertFalse(store.delete(A, stored.id()));
        store.insert(callback(A, URL, null));
    }

    @DatabaseTest
    void ofTwoConcurrentCreatesOfOneUrlWithoutProfileExactlyOneSucceeds(Database database) {
        JdbiCallbackConfigurationStore store = store(database);
        Runnable create = () -> store.insert(callback(A, URL, null));

        List<Throwable> outcomes = Concurrently.run(List.of(create, create));

        assertEquals(1, outcomes.stream().filter(Objects::isNull).count(), () -> "outcomes: " + outcomes);
        assertInstanceOf(NameAlreadyTakenException.class, outcomes.stream().filter(Objects::nonNull).findFirst().orElseThrow());
        assertEquals(1, store.list(A).size());
    }
}
