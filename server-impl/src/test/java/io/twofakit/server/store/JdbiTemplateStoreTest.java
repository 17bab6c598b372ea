package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.NameAlreadyTakenException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.support.Concurrently;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

class JdbiTemplateStoreTest {

    private static JdbiTemplateStore store(Database database) {
        database.registerAccounts(List.of("acme", "other"), Clock.systemUTC());
        return new JdbiTemplateStore(database);
    }

    private static MessageTemplate template(String account, Channel channel, String name, String language) {
        return new MessageTemplate(UUID.randomUUID(), account, channel, name, language,
                "Your code is {{otp_code}}, valid {{expiration_time}} minutes", 5);
    }

    @DatabaseTest
    void aStoredTemplateIsFoundByIdAndByNameWithEveryField(Database database) {
        JdbiTemplateStore store = store(database);
        MessageTemplate welcome = template("acme", Channel.VIBER, "welcome", "en_US");
        store.insert(welcome);

        assertEquals(Optional.of(welcome), store.find("acme", Channel.VIBER, welcome.id()));
        assertEquals(Optional.of(welcome), store.findByName("acme", Channel.VIBER, "welcome"));
    }

    @DatabaseTest
    void aTemplateIsFoundOnlyInItsAccountAndChannel(Database database) {
        JdbiTemplateStore store = store(database);
        MessageTemplate welcome = template("acme", Channel.SMS, "welcome", "en");
        store.insert(welcome);

        assertTrue(store.find("other", Channel.SMS, welcome.id()).isEmpty());
        assertTrue(store.find("acme", Channel.VOICE, welcome.id()).isEmpty());
        assertTrue(store.findByName("other", Channel.SMS, "welcome").isEmpty());
        assertTrue(store.list("other", null, null, null).isEmpty());
        assertFalse(store.delete("other", Channel.SMS, welcome.id()));
        assertFalse(store.delete("acme", Channel.VOICE, welcome.id()));
        assertTrue(store.find("acme", Channel.SMS, welcome.id()).isPresent());
    }

    @DatabaseTest
    void aSecondTemplateOfOneNameInOneChannelIsRefusedButOtherChannelsAndAccountsMayUseIt(Database database) {
        JdbiTemplateStore store = store(database);
        store.insert(template("acme", Channel.SMS, "welcome", "en"));

        NameAlreadyTakenException taken = assertThrows(NameAlreadyTakenException.class,
                () -> store.insert(template("acme", Channel.SMS, "welcome", "de")));
        assertEquals("welcome", taken.name());

        store.insert(template("acme", Channel.VOICE, "welcome", "en"));
        store.insert(template("other", Channel.SMS, "welcome", "en"));
        assertEquals(1, store.list("acme", Channel.SMS, null, null).size());
        assertEquals(2, store.list("acme", null, null, null).size());
    }

    @DatabaseTest
    void ofTwoConcurrentCreatesOfOneNameExactlyOneSucceeds(Database database) {
        JdbiTemplateStore store = store(database);
        List<Throwable> outcomes = Concurrently.run(List.of(
                () -> store.insert(template("acme", Channel.SMS, "race", "en")),
                () -> store.insert(template("acme", Channel.SMS, "race", "de"))));

        assertEquals(1, outcomes.stream().filter(o -> o == null).count(), outcomes::toString);
        assertInstanceOf(NameAlreadyTakenException.class,
                outcomes.stream().filter(o -> o != null).findFirst().orElseThrow());
        assertEquals(1, store.list("acme", Channel.SMS, "race", null).size());
    }

    @DatabaseTest
    void listFiltersByChannelNameAndLanguageOldestFirst(Database database) {
        JdbiTemplateStore store = store(database);
        MessageTemplate smsEn = template("acme", Channel.SMS, "login", "en");
        MessageTemplate smsDe = template("acme", Channel.SMS, "login_de", "de");
        MessageTemplate voiceEn = template("acme", Channel.VOICE, "login", "en");
        MessageTemplate viberDe = template("acme", Channel.VIBER, "signup", "de");
        for (MessageTemplate t : List.of(smsEn, smsDe, voiceEn, viberDe)) {
            store.insert(t);
        }

        assertEquals(List.of(smsEn, smsDe, voiceEn, viberDe), store.list("acme", null, null, null));
        assertEquals(List.of(smsEn, smsDe), store.list("acme", Channel.SMS, null, null));
        assertEquals(List.of(smsEn), store.list("acme", Channel.SMS, "login", null));
        assertEquals(List.of(smsDe), store.list("acme", Channel.SMS, null, "de"));
        assertEquals(List.of(smsEn), store.list("acme", Channel.SMS, "login", "en"));
        assertEquals(List.of(), store.list("acme", Channel.SMS, "login", "de"));
        assertEquals(List.of(smsEn, voiceEn), store.list("acme", null, "login", null));
    }

    @DatabaseTest
    void replaceReplacesNameMessageAndExpiryButNotTheLanguage(Database database) {
        JdbiTemplateStore store = store(database);
        MessageTemplate original = template("acme", Channel.SMS, "welcome", "en");
        store.insert(original);

        MessageTemplate changed = new MessageTemplate(original.id(), "acme", Channel.SMS, "hello", "de",
                "Hello {{otp_code}}", 9);
        store.replace(changed);

        MessageTemplate stored = store.find("acme", Channel.SMS, original.id()).orElseThrow();
        assertEquals("hello", stored.name());
        assertEquals("en", stored.language());
        assertEquals("Hello {{otp_code}}", stored.message());
        assertEquals(9, stored.codeExpirationMinutes());
    }

    @DatabaseTest
    void renamingOntoATakenNameIsRefusedAndChangesNothing(Database database) {
        JdbiTemplateStore store = store(database);
        MessageTemplate first = template("acme", Channel.SMS, "first", "en");
        MessageTemplate second = template("acme", Channel.SMS, "second", "en");
        store.insert(first);
        store.insert(second);

        assertThrows(NameAlreadyTakenException.class, () -> store.replace(new MessageTemplate(second.id(), "acme",
                Channel.SMS, "first", "en", "Other {{otp_code}}", 1)));
        assertEquals(Optional.of(second), store.find("acme", Channel.SMS, second.id()));
    }

    @DatabaseTest
    void updatingATemplateThatIsNotThereIsNotFound(Database database) {
        JdbiTemplateStore store = store(database);
        MessageTemplate ghost = template("acme", Channel.SMS, "ghost", "en");

        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> store.replace(ghost));
        assertEquals(ghost.id().toString(), missing.id());
        assertNull(store.find("acme", Channel.SMS, ghost.id()).orElse(null));
    }

    @DatabaseTest
    void deleteRemovesOnceAndThenFindsNothing(Database database) {
        JdbiTemplateStore store = store(database);
        MessageTemplate welcome = template("acme", Channel.VOICE, "welcome", "en");
        store.insert(welcome);

        assertTrue(store.delete("acme", Channel.VOICE, welcome.id()));
        assertFalse(store.delete("acme", Channel.VOICE, welcome.id()));
        assertTrue(store.find("acme", Channel.VOICE, welcome.id()).isEmpty());
        // the name is free again
        store.insert(template("acme", Channel.VOICE, "welcome", "en"));
    }

    @DatabaseTest
    void aFilterLongerThanAnyNameFindsNothingRatherThanFailing(Database database) {
        JdbiTemplateStore store = store(database);
        store.insert(template("acme", Channel.SMS, "welcome", "en"));

        assertEquals(List.of(), store.list("acme", Channel.SMS, "n".repeat(5000), "l".repeat(100)));
        assertTrue(store.findByName("acme", Channel.SMS, "n".repeat(5000)).isEmpty());
    }
}
