package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.priority.ChannelRank;
import io.twofakit.server.domain.priority.Priority;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.profile.ProfileChannel;
import io.twofakit.server.domain.profile.TemplateRef;
import io.twofakit.server.domain.template.MessageTemplate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stores that keep what sends look up by name in memory: a write through them is seen by the next lookup at once,
 * and a lookup is answered from memory (a change made behind their back, which only another process could make, is not
 * seen: that is why they are used only on a database of the server's own).
 */
class CachedStoresTest {

    private static final String A = "acme";

    private static Database accounts(Database database) {
        database.registerAccounts(List.of(A, "other"), Clock.systemUTC());
        return database;
    }

    private static MessageTemplate template(String name, String message) {
        return new MessageTemplate(UUID.randomUUID(), A, Channel.SMS, name, "en", message, 5);
    }

    @DatabaseTest
    void aTemplateReplacedOrDeletedThroughTheStoreIsFoundAsItIsNow(Database database) {
        CachedTemplateStore store = new CachedTemplateStore(new JdbiTemplateStore(accounts(database)));
        MessageTemplate first = template("welcome", "Code {{otp_code}}");
        store.insert(first);
        assertEquals(Optional.of(first), store.findByName(A, Channel.SMS, "welcome"));

        MessageTemplate renamed = new MessageTemplate(first.id(), A, Channel.SMS, "hello", "en", "Hi {{otp_code}}", 7);
        store.replace(renamed);
        assertTrue(store.findByName(A, Channel.SMS, "welcome").isEmpty());
        assertEquals(Optional.of(renamed), store.findByName(A, Channel.SMS, "hello"));

        store.delete(A, Channel.SMS, first.id());
        assertTrue(store.findByName(A, Channel.SMS, "hello").isEmpty());
    }

    @DatabaseTest
    void aTemplateLookedUpOnceIsAnsweredFromMemoryUntilTheAccountWritesATemplate(Database database) {
        CachedTemplateStore store = new CachedTemplateStore(new JdbiTemplateStore(accounts(database)));
        MessageTemplate welcome = template("welcome", "Code {{otp_code}}");
        store.insert(welcome);
        store.findByName(A, Channel.SMS, "welcome");

        database.jdbi().useHandle(handle -> handle.execute(
                "update message_template set message = 'changed behind its back' where id = ?", welcome.id()));
        assertEquals("Code {{otp_code}}", store.findByName(A, Channel.SMS, "welcome").orElseThrow().message());

        store.insert(template("other_one", "Other {{otp_code}}"));
        assertEquals("changed behind its back", store.findByName(A, Channel.SMS, "welcome").orElseThrow().message());
    }

    @DatabaseTest
    void aNameThatFindsNothingIsAskedAgainAndFoundOnceCreated(Database database) {
        CachedTemplateStore store = new CachedTemplateStore(new JdbiTemplateStore(accounts(database)));
        assertTrue(store.findByName(A, Channel.SMS, "later").isEmpty());

        MessageTemplate later = template("later", "Code {{otp_code}}");
        new JdbiTemplateStore(database).insert(later);
        assertEquals(Optional.of(later), store.findByName(A, Channel.SMS, "later"));
    }

    @DatabaseTest
    void aProfileRenamedThroughTheStoreIsFoundOnlyByItsNewName(Database database) {
        CachedProfileStore store = new CachedProfileStore(new JdbiProfileStore(accounts(database)));
        Profile profile = new Profile(UUID.randomUUID(), A, "register", 3, 6, false,
                List.of(new ProfileChannel(Channel.SMS, List.of(new TemplateRef("welcome", "en")))));
        store.insert(profile);
        assertEquals(Optional.of(profile), store.findByName(A, "register"));

        store.modify(A, profile.id(), current -> new Profile(current.id(), A, "login", 5, 8, true, current.channels()));
        assertTrue(store.findByName(A, "register").isEmpty());
        assertEquals(5, store.findByName(A, "login").orElseThrow().attempts());
        assertTrue(store.findByName("other", "login").isEmpty());
    }

    @DatabaseTest
    void aPriorityDeletedThroughTheStoreIsNoLongerFound(Database database) {
        CachedPriorityStore store = new CachedPriorityStore(new JdbiPriorityStore(accounts(database)));
        Priority priority = new Priority(UUID.randomUUID(), A, "cheap_first",
                List.of(new ChannelRank(Channel.SMS, 1), new ChannelRank(Channel.VIBER, 2)));
        store.insert(priority);
        assertEquals(Optional.of(priority), store.findByName(A, "cheap_first"));

        store.delete(A, priority.id());
        assertTrue(store.findByName(A, "cheap_first").isEmpty());
    }
}
