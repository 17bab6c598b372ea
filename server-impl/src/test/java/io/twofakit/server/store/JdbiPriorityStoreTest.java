package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.NameAlreadyTakenException;
import io.twofakit.server.domain.priority.ChannelRank;
import io.twofakit.server.domain.priority.Priority;
import io.twofakit.server.support.Concurrently;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

class JdbiPriorityStoreTest {

    private static final String A = "account-a";
    private static final String B = "account-b";

    private static JdbiPriorityStore store(Database database) {
        database.registerAccounts(List.of(A, B), Clock.systemUTC());
        return new JdbiPriorityStore(database);
    }

    private static Priority priority(String account, String name, ChannelRank... channels) {
        return new Priority(UUID.randomUUID(), account, name, List.of(channels));
    }

    @DatabaseTest
    void aStoredPriorityIsFoundWithItsEntriesInTheGivenOrder(Database database) {
        JdbiPriorityStore store = store(database);
        Priority stored = priority(A, "sms-then-viber", new ChannelRank(Channel.VIBER, 2), new ChannelRank(Channel.SMS, 1));
        store.insert(stored);

        assertEquals(Optional.of(stored), store.find(A, stored.id()));
        assertEquals(Optional.of(stored), store.findByName(A, "sms-then-viber"));
    }

    @DatabaseTest
    void anotherAccountNeitherSeesNorChangesNorDeletesIt(Database database) {
        JdbiPriorityStore store = store(database);
        Priority stored = priority(A, "mine", new ChannelRank(Channel.SMS, 1));
        store.insert(stored);

        assertEquals(Optional.empty(), store.find(B, stored.id()));
        assertEquals(List.of(), store.list(B, null));
        assertEquals(Optional.empty(), store.modify(B, stored.id(), p -> priority(B, "stolen")));
        assertFalse(store.delete(B, stored.id()));
        assertEquals(Optional.of(stored), store.find(A, stored.id()));
    }

    @DatabaseTest
    void theSameNameMayBeUsedByTwoAccountsButNotTwiceByOne(Database database) {
        JdbiPriorityStore store = store(database);
        store.insert(priority(A, "shared", new ChannelRank(Channel.SMS, 1)));
        store.insert(priority(B, "shared", new ChannelRank(Channel.SMS, 1)));

        NameAlreadyTakenException taken = assertThrows(NameAlreadyTakenException.class,
                () -> store.insert(priority(A, "shared", new ChannelRank(Channel.VOICE, 1))));
        assertEquals("shared", taken.name());
        assertEquals(1, store.list(A, null).size());
    }

    @DatabaseTest
    void listingIsOldestFirstAndFiltersByExactName(Database database) {
        JdbiPriorityStore store = store(database);
        Priority first = priority(A, "first", new ChannelRank(Channel.SMS, 1));
        Priority second = priority(A, "second");
        Priority third = priority(A, "third", new ChannelRank(Channel.VOICE, 1), new ChannelRank(Channel.WHATSAPP, 5));
        store.insert(first);
        store.insert(second);
        store.insert(third);

        assertEquals(List.of(first, second, third), store.list(A, null));
        assertEquals(List.of(second), store.list(A, "second"));
        assertEquals(List.of(), store.list(A, "SECOND"));
    }

    @DatabaseTest
    void modifyReplacesNameAndEntries(Database database) {
        JdbiPriorityStore store = store(database);
        Priority stored = priority(A, "before", new ChannelRank(Channel.SMS, 1), new ChannelRank(Channel.VIBER, 2));
        store.insert(stored);

        Priority changed = new Priority(stored.id(), A, "after", List.of(new ChannelRank(Channel.VOICE, 3)));
        assertEquals(Optional.of(changed), store.modify(A, stored.id(), current -> changed));
        assertEquals(Optional.of(changed), store.find(A, stored.id()));
    }

    @DatabaseTest
    void aModificationThatFailsChangesNothing(Database database) {
        JdbiPriorityStore store = store(database);
        Priority taken = priority(A, "taken", new ChannelRank(Channel.SMS, 1));
        Priority stored = priority(A, "mine", new ChannelRank(Channel.SMS, 1));
        store.insert(taken);
        store.insert(stored);

        assertThrows(NameAlreadyTakenException.class, () -> store.modify(A, stored.id(),
                current -> new Priority(current.id(), A, "taken", List.of(new ChannelRank(Channel.VOICE, 1)))));
        assertThrows(IllegalStateException.class, () -> store.modify(A, stored.id(), current -> {
            throw new IllegalStateException("refused by a rule");
        }));
        assertEquals(Optional.of(stored), store.find(A, stored.id()));
    }

    @DatabaseTest
    void modifyCanEmptyTheChannelEntries(Database database) {
        JdbiPriorityStore store = store(database);
        Priority stored = priority(A, "before", new ChannelRank(Channel.SMS, 1));
        store.insert(stored);

        Priority changed = new Priority(stored.id(), A, "after", List.of());
        assertEquals(Optional.of(changed), store.modify(A, stored.id(), current -> changed));
        assertEquals(Optional.of(changed), store.find(A, stored.id()));
    }

    @DatabaseTest
    void deleteRemovesThePriorityAndItsEntries(Database database) {
        JdbiPriorityStore store = store(database);
        Priority stored = priority(A, "gone", new ChannelRank(Channel.SMS, 1));
        store.insert(stored);

        assertTrue(store.delete(A, stored.id()));
        assertEquals(Optional.empty(), store.find(A, stored.id()));
        assertFalse(store.delete(A, stored.id()));
        store.insert(priority(A, "gone", new ChannelRank(Channel.VOICE, 1)));
    }

    @DatabaseTest
    void ofTwoConcurrentCreatesOfOneNameExactlyOneSucceeds(Database database) {
        JdbiPriorityStore store = store(database);

        List<Throwable> outcomes = Concurrently.run(List.of(
                () -> store.insert(priority(A, "race", new ChannelRank(Channel.SMS, 1))),
                () -> store.insert(priority(A, "race", new ChannelRank(Channel.VOICE, 1)))));

        assertEquals(1, outcomes.stream().filter(Objects::isNull).count(), () -> "outcomes: " + outcomes);
        assertInstanceOf(NameAlreadyTakenException.class, outcomes.stream().filter(Objects::nonNull).findFirst().orElseThrow());
        assertEquals(1, store.list(A, "race").size());
    }

    @DatabaseTest
    void concurrentModificationsOfOnePriorityDoNotLoseEachOther(Database database) {
        JdbiPriorityStore store = store(database);
        Priority stored = priority(A, "counter", new ChannelRank(Channel.SMS, 1));
        store.insert(stored);
        Runnable increment = () -> store.modify(A, stored.id(), current -> new Priority(current.id(), A, current.name(),
                List.of(new ChannelRank(Channel.SMS, current.channels().get(0).priority() + 1))));

        List<Throwable> outcomes = Concurrently.run(List.of(increment, increment, increment, increment));

        assertEquals(Arrays.asList(null, null, null, null), outcomes);
        assertEquals(5, store.find(A, stored.id()).orElseThrow().channels().get(0).priority());
    }

    @DatabaseTest
    void aNameLongerThanAnyFindsNothingRatherThanFailing(Database database) {
        JdbiPriorityStore store = store(database);
        store.insert(priority(A, "short", new ChannelRank(Channel.SMS, 1)));

        assertEquals(List.of(), store.list(A, "n".repeat(5000)));
        assertEquals(Optional.empty(), store.findByName(A, "n".repeat(5000)));
    }
}
