package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.NameAlreadyTakenException;
import io.twofakit.server.domain.callback.CallbackConfiguration;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.profile.ProfileChannel;
import io.twofakit.server.domain.profile.TemplateRef;
import io.twofakit.server.support.Concurrently;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

class JdbiProfileStoreTest {

    private static final String A = "account-a";
    private static final String B = "account-b";
    private static final ProfileChannel SMS = new ProfileChannel(Channel.SMS,
            List.of(new TemplateRef("welcome_sms", "en_US"), new TemplateRef("welcome_sms_es", "es")));
    private static final ProfileChannel VOICE = new ProfileChannel(Channel.VOICE, List.of(new TemplateRef("welcome_call", "en")));
    private static final ProfileChannel WHATSAPP = new ProfileChannel(Channel.WHATSAPP, List.of(new TemplateRef("welcome_wa", "de")));

    private static JdbiProfileStore store(Database database) {
        database.registerAccounts(List.of(A, B), Clock.systemUTC());
        return new JdbiProfileStore(database);
    }

    private static Profile profile(String account, String name, ProfileChannel... channels) {
        return new Profile(UUID.randomUUID(), account, name, 3, 6, false, List.of(channels));
    }

    @DatabaseTest
    void aStoredProfileIsFoundWithItsChannelsAndTemplatesInTheGivenOrder(Database database) {
        JdbiProfileStore store = store(database);
        Profile stored = new Profile(UUID.randomUUID(), A, "register", 5, 8, true,
                List.of(WHATSAPP, new ProfileChannel(Channel.VIBER, List.of()), SMS, VOICE));
        store.insert(stored);

        assertEquals(Optional.of(stored), store.find(A, stored.id()));
        assertEquals(Optional.of(stored), store.findByName(A, "register"));
    }

    @DatabaseTest
    void anotherAccountNeitherSeesNorChangesNorDeletesIt(Database database) {
        JdbiProfileStore store = store(database);
        Profile stored = profile(A, "mine", SMS);
        store.insert(stored);

        assertEquals(Optional.empty(), store.find(B, stored.id()));
        assertEquals(Optional.empty(), store.findByName(B, "mine"));
        assertEquals(List.of(), store.list(B, null));
        assertEquals(Optional.empty(), store.modify(B, stored.id(), p -> profile(B, "stolen")));
        assertFalse(store.delete(B, stored.id()));
        assertEquals(List.of(), store.profilesUsing(B, Channel.SMS, "welcome_sms", null));
        assertEquals(Optional.of(stored), store.find(A, stored.id()));
    }

    @DatabaseTest
    void theSameNameMayBeUsedByTwoAccountsButNotTwiceByOne(Database database) {
        JdbiProfileStore store = store(database);
        store.insert(profile(A, "shared", SMS));
        store.insert(profile(B, "shared", SMS));

        NameAlreadyTakenException taken = assertThrows(NameAlreadyTakenException.class, () -> store.insert(profile(A, "shared")));
        assertEquals("shared", taken.name());
        assertEquals(1, store.list(A, null).size());
    }

    @DatabaseTest
    void listingIsOldestFirstAndFiltersByExactName(Database database) {
        JdbiProfileStore store = store(database);
        Profile first = profile(A, "first", SMS, VOICE);
        Profile second = profile(A, "second");
        Profile third = profile(A, "third", VOICE);
        store.insert(first);
        store.insert(second);
        store.insert(third);

        assertEquals(List.of(first, second, third), store.list(A, null));
        assertEquals(List.of(second), store.list(A, "second"));
        assertEquals(List.of(), store.list(A, "Second"));
    }

    @DatabaseTest
    void modifyReplacesFieldsAndChannels(Database database) {
        JdbiProfileStore store = store(database);
        Profile stored = profile(A, "before", SMS, VOICE);
        store.insert(stored);

        Profile changed = new Profile(stored.id(), A, "after", 10, 11, true, List.of(VOICE, WHATSAPP));
        assertEquals(Optional.of(changed), store.modify(A, stored.id(), current -> changed));
        assertEquals(Optional.of(changed), store.find(A, stored.id()));
        store.modify(A, stored.id(), current -> stored);
        assertEquals(Optional.of(stored), store.find(A, stored.id()));
    }

    @DatabaseTest
    void aModificationThatFailsChangesNothing(Database database) {
        JdbiProfileStore store = store(database);
        store.insert(profile(A, "taken"));
        Profile stored = profile(A, "mine", SMS);
        store.insert(stored);

        assertThrows(NameAlreadyTakenException.class, () -> store.modify(A, stored.id(),
                current -> new Profile(current.id(), A, "taken", 1, 4, true, List.of(VOICE))));
        assertThrows(IllegalStateException.class, () -> store.modify(A, stored.id(), current -> {
            throw new IllegalStateException("refused by a rule");
        }));
        assertEquals(Optional.of(stored), store.find(A, stored.id()));
    }

    @DatabaseTest
    void profilesUsingATemplateAreNamedByChannelNameAndLanguage(Database database) {
        JdbiProfileStore store = store(database);
        store.insert(profile(A, "zeta", SMS, WHATSAPP));
        store.insert(profile(A, "alpha", SMS));
        store.insert(profile(A, "voice only", VOICE));

        assertEquals(List.of("alpha", "zeta"), store.profilesUsing(A, Channel.SMS, "welcome_sms", null));
        assertEquals(List.of(), store.profilesUsing(A, Channel.VIBER, "welcome_sms", null));
        assertEquals(List.of("zeta"), store.profilesUsing(A, Channel.WHATSAPP, "welcome_wa", "de"));
        assertEquals(List.of(), store.profilesUsing(A, Channel.WHATSAPP, "welcome_wa", "en"));
        assertEquals(List.of("voice only"), store.profilesUsing(A, Channel.VOICE, "welcome_call", null));
    }

    @DatabaseTest
    void deletingAProfileDeletesItsTemplatesAndTheCallbacksScopedToIt(Database database) {
        JdbiProfileStore store = store(database);
        JdbiCallbackConfigurationStore callbacks = new JdbiCallbackConfigurationStore(database);
        Profile stored = profile(A, "gone", SMS);
        store.insert(stored);
        CallbackConfiguration scoped = new CallbackConfiguration(UUID.randomUUID(), A, "https://example.com/a", Map.of(), stored.id());
        CallbackConfiguration everyProfile = new CallbackConfiguration(UUID.randomUUID(), A, "https://example.com/a", Map.of(), null);
        callbacks.insert(scoped);
        callbacks.insert(everyProfile);

        assertTrue(store.delete(A, stored.id()));
        assertEquals(Optional.empty(), store.find(A, stored.id()));
        assertFalse(store.delete(A, stored.id()));
        assertEquals(List.of(), store.profilesUsing(A, Channel.SMS, "welcome_sms", null));
        assertEquals(List.of(everyProfile), callbacks.list(A));
        store.insert(profile(A, "gone", SMS));
    }

    @DatabaseTest
    void ofTwoConcurrentCreatesOfOneNameExactlyOneSucceeds(Database database) {
        JdbiProfileStore store = store(database);

        List<Throwable> outcomes = Concurrently.run(List.of(
                () -> store.insert(profile(A, "race", SMS)),
                () -> store.insert(profile(A, "race", VOICE))));

        assertEquals(1, outcomes.stream().filter(Objects::isNull).count(), () -> "outcomes: " + outcomes);
        assertInstanceOf(NameAlreadyTakenException.class, outcomes.stream().filter(Objects::nonNull).findFirst().orElseThrow());
        assertEquals(1, store.list(A, "race").size());
    }

    @DatabaseTest
    void concurrentAdditionsOfTemplatesAreAllKept(Database database) {
        JdbiProfileStore store = store(database);
        Profile stored = profile(A, "growing", new ProfileChannel(Channel.SMS, List.of()));
        store.insert(stored);
        List<Runnable> additions = new ArrayList<>();
        for (String language : List.of("en", "de", "fr", "es")) {
            additions.add(() -> store.modify(A, stored.id(), current -> {
                List<TemplateRef> templates = new ArrayList<>(current.channels().get(0).templates());
                templates.add(new TemplateRef("welcome_" + language, language));
                return new Profile(current.id(), A, current.name(), 3, 6, false,
                        List.of(new ProfileChannel(Channel.SMS, templates)));
            }));
        }

        List<Throwable> outcomes = Concurrently.run(additions);

        assertEquals(Arrays.asList(null, null, null, null), outcomes);
        assertEquals(4, store.find(A, stored.id()).orElseThrow().channels().get(0).templates().size());
    }

    @DatabaseTest
    void namesLongerThanTheirColumnsFindNothingRatherThanFailing(Database database) {
        JdbiProfileStore store = store(database);
        store.insert(profile(A, "short", SMS, WHATSAPP));
        String huge = "n".repeat(5000);

        assertEquals(List.of(), store.list(A, huge));
        assertEquals(Optional.empty(), store.findByName(A, huge));
        assertEquals(List.of(), store.profilesUsing(A, Channel.SMS, huge, null));
        assertEquals(List.of(), store.profilesUsing(A, Channel.WHATSAPP, huge, huge));
    }
}
