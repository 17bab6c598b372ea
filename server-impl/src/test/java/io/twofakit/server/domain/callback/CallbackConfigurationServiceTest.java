package io.twofakit.server.domain.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.JdbiCallbackConfigurationStore;
import io.twofakit.server.store.JdbiProfileStore;
import io.twofakit.server.support.H2Databases;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackConfigurationServiceTest {

    private static final String ACCOUNT = "acme";
    private static final String OTHER = "other";
    private static final String URL = "https://hooks.example.com/otp";

    private Database database;
    private JdbiProfileStore profiles;
    private CallbackConfigurationService service;

    @BeforeEach
    void open() {
        database = H2Databases.withAccounts(ACCOUNT, OTHER);
        profiles = new JdbiProfileStore(database);
        service = new CallbackConfigurationService(new JdbiCallbackConfigurationStore(database), profiles);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private UUID profile(String account, String name) {
        Profile profile = new Profile(UUID.randomUUID(), account, name, 3, 6, false, List.of());
        profiles.insert(profile);
        return profile.id();
    }

    @Test
    void aCreatedConfigurationIsListedAsGiven() {
        UUID profileId = profile(ACCOUNT, "register");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Tenant", "acme");
        headers.put("Authorization", "Bearer t0k3n");

        UUID id = service.create(ACCOUNT, URL, headers, profileId);

        assertEquals(List.of(new CallbackConfiguration(id, ACCOUNT, URL, headers, profileId)), service.list(ACCOUNT));
    }

    @Test
    void headersAndProfileAreOptional() {
        UUID id = service.create(ACCOUNT, URL, null, null);

        assertEquals(List.of(new CallbackConfiguration(id, ACCOUNT, URL, Map.of(), null)), service.list(ACCOUNT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/hook", "https://example.com", "HTTPS://EXAMPLE.COM/a?b=c#d",
            "http://10.0.0.1/x", "https://[::1]:9443/events"})
    void absoluteHttpAndHttpsUrlsAreAccepted(String url) {
        service.create(ACCOUNT, url, Map.of(), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/hook", "/relative", "ftp://example.com/hook", "mailto:ops@example.com",
            "https://", "http:///path", "https://exa mple.com", "not a url", "https://example.com/ümlaut",
            "javascript:alert(1)"})
    void otherUrlsAreRefused(String url) {
        List<Violation> violations = violations(() -> service.create(ACCOUNT, url, Map.of(), null));
        assertEquals(1, violations.size(), () -> "violations: " + violations);
        assertEquals("url", violations.get(0).field());
    }

    @Test
    void urlsWithCredentialsOrBlankOrTooLongAreRefused() {
        assertEquals(List.of(new Violation("url", "must not contain credentials (send them in a header instead)")),
                violations(() -> service.create(ACCOUNT, "https://user:secret@example.com/hook", Map.of(), null)));
        assertEquals(List.of(new Violation("url", "must not be blank")),
                violations(() -> service.create(ACCOUNT, " ", Map.of(), null)));
        assertEquals(List.of(new Violation("url", "size must be between 1 and 2048")),
                violations(() -> service.create(ACCOUNT, "https://example.com/" + "a".repeat(2030), Map.of(), null)));
        service.create(ACCOUNT, "https://example.com/" + "a".repeat(2028), Map.of(), null);
    }

    @Test
    void headersTheServerSetsItselfAreRefusedWhateverTheirCase() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "text/plain");
        headers.put("Content-Length", "1");
        headers.put("HOST", "evil.example");
        headers.put("x-twofa-event-id", "42");
        headers.put("X-Fine", "yes");

        assertEquals(List.of(
                        new Violation("headers.content-type", "is set by the server and cannot be configured"),
                        new Violation("headers.Content-Length", "is set by the server and cannot be configured"),
                        new Violation("headers.HOST", "is set by the server and cannot be configured"),
                        new Violation("headers.x-twofa-event-id", "is set by the server and cannot be configured")),
                violations(() -> service.create(ACCOUNT, URL, headers, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X Space", "X:Colon", "", "Ümlaut", "X(paren)", "X\"quote"})
    void headerNamesThatAreNotHttpTokensAreRefused(String name) {
        List<Violation> violations = violations(() -> service.create(ACCOUNT, URL, Map.of(name, "v"), null));
        assertEquals(List.of("headers." + name), violations.stream().map(Violation::field).toList());
    }

    @Test
    void headerValuesMustBePrintableAsciiOfAtMost1024Characters() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Newline", "a\r\nX-Injected: yes");
        headers.put("X-Long", "v".repeat(1025));
        headers.put("X-Unicode", "grüße");
        headers.put("X-Fine", "tab\tand space " + "v".repeat(1000));

        assertEquals(List.of(
                        new Violation("headers.X-Newline", "must hold printable ASCII characters only"),
                        new Violation("headers.X-Long", "size must be between 0 and 1024"),
                        new Violation("headers.X-Unicode", "must hold printable ASCII characters only")),
                violations(() -> service.create(ACCOUNT, URL, headers, null)));
    }

    @Test
    void aHeaderNamedTwiceInDifferentCaseIsRefused() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Tenant", "a");
        headers.put("x-tenant", "b");

        assertEquals(List.of(new Violation("headers.x-tenant", "repeats the header X-Tenant (header names are case-insensitive)")),
                violations(() -> service.create(ACCOUNT, URL, headers, null)));
    }

    @Test
    void atMostTwentyHeaders() {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < 21; i++) {
            headers.put("X-H" + i, "v");
        }
        assertEquals(List.of(new Violation("headers", "size must be between 0 and 20")),
                violations(() -> service.create(ACCOUNT, URL, headers, null)));
    }

    @Test
    void theProfileMustBeOneOfTheAccount() {
        UUID othersProfile = profile(OTHER, "theirs");
        Violation noSuchProfile = new Violation("profileId", "must name an existing profile");

        assertEquals(List.of(noSuchProfile), violations(() -> service.create(ACCOUNT, URL, Map.of(), othersProfile)));
        assertEquals(List.of(noSuchProfile), violations(() -> service.create(ACCOUNT, URL, Map.of(), UUID.randomUUID())));
        assertEquals(List.of(), service.list(ACCOUNT));
    }

    @Test
    void theSameUrlOncePerProfileAndOnceForEveryProfile() {
        UUID register = profile(ACCOUNT, "register");
        service.create(ACCOUNT, URL, Map.of(), null);
        service.create(ACCOUNT, URL, Map.of(), register);
        service.create(OTHER, URL, Map.of(), null);

        assertEquals("Callback configuration already exists.",
                assertThrows(ConflictException.class, () -> service.create(ACCOUNT, URL, Map.of("X-A", "1"), null)).detail());
        assertThrows(ConflictException.class, () -> service.create(ACCOUNT, URL, Map.of(), register));
        assertEquals(2, service.list(ACCOUNT).size());
    }

    @Test
    void aPatchReplacesTheUrlAndTheGivenFieldsOnly() {
        UUID register = profile(ACCOUNT, "register");
        UUID id = service.create(ACCOUNT, URL, Map.of("X-A", "1"), register);

        CallbackConfiguration moved = service.patch(ACCOUNT, id, new CallbackChanges("https://new.example.com", null, null));
        assertEquals(new CallbackConfiguration(id, ACCOUNT, "https://new.example.com", Map.of("X-A", "1"), register), moved);

        UUID login = profile(ACCOUNT, "login");
        CallbackConfiguration changed = service.patch(ACCOUNT, id, new CallbackChanges(URL, Map.of(), login));
        assertEquals(new CallbackConfiguration(id, ACCOUNT, URL, Map.of(), login), changed);
        assertEquals(List.of(changed), service.list(ACCOUNT));
    }

    @Test
    void aPatchOntoAnExistingPairIsAConflictAndChangesNothing() {
        service.create(ACCOUNT, URL, Map.of(), null);
        UUID id = service.create(ACCOUNT, "https://mine.example.com", Map.of(), null);

        assertThrows(ConflictException.class, () -> service.patch(ACCOUNT, id, new CallbackChanges(URL, Map.of("X-B", "2"), null)));
        assertEquals(new CallbackConfiguration(id, ACCOUNT, "https://mine.example.com", Map.of(), null), service.list(ACCOUNT).get(1));
    }

    @Test
    void anotherAccountsConfigurationIsNotFound() {
        UUID id = service.create(ACCOUNT, URL, Map.of(), null);

        assertNotFound(id, () -> service.patch(OTHER, id, new CallbackChanges(URL, null, null)));
        assertNotFound(id, () -> service.delete(OTHER, id));
        assertEquals(List.of(), service.list(OTHER));
        assertEquals(1, service.list(ACCOUNT).size());
    }

    @Test
    void aDeletedConfigurationIsGone() {
        UUID id = service.create(ACCOUNT, URL, Map.of(), null);

        service.delete(ACCOUNT, id);
        assertEquals(List.of(), service.list(ACCOUNT));
        assertNotFound(id, () -> service.delete(ACCOUNT, id));
        assertNotFound(id, () -> service.patch(ACCOUNT, id, new CallbackChanges(URL, null, null)));
    }

    @Test
    void receivesEventsOfItsProfileOrOfEveryProfile() {
        UUID register = UUID.randomUUID();
        assertEquals(true, new CallbackConfiguration(UUID.randomUUID(), ACCOUNT, URL, Map.of(), null).receivesEventsOf(register));
        assertEquals(true, new CallbackConfiguration(UUID.randomUUID(), ACCOUNT, URL, Map.of(), register).receivesEventsOf(register));
        assertEquals(false, new CallbackConfiguration(UUID.randomUUID(), ACCOUNT, URL, Map.of(), register)
                .receivesEventsOf(UUID.randomUUID()));
    }

    private static List<Violation> violations(Runnable call) {
        return assertThrows(ValidationFailedException.class, call::run).violations();
    }

    private static void assertNotFound(UUID id, Runnable call) {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, call::run);
        assertEquals(ResourceNotFoundException.Kind.CALLBACK_CONFIGURATION, e.kind());
        assertEquals(id.toString(), e.id());
    }
}
