package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.twofakit.server.domain.codes.CodeProtection;
import io.twofakit.server.domain.simulator.Handset;
import io.twofakit.server.domain.simulator.HandsetBehaviour;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.function.IntFunction;

class JdbiHandsetTest {

    private static final CodeProtection CODES = new CodeProtection("handset-test-secret-0123456789", new SecureRandom());

    private static IntFunction<Handset> handsets(Database database) {
        database.registerAccounts(HandsetBehaviour.ACCOUNTS, Clock.systemUTC());
        return capacity -> new JdbiHandset(database, CODES, capacity);
    }

    @DatabaseTest
    void keepsEachAccountsNewestMessagesUpToItsCapacity(Database database) {
        HandsetBehaviour.keepsEachAccountsNewestMessagesUpToItsCapacity(handsets(database));
    }

    @DatabaseTest
    void anAccountSeesOnlyItsOwnMessages(Database database) {
        HandsetBehaviour.anAccountSeesOnlyItsOwnMessages(handsets(database));
    }

    @DatabaseTest
    void aMessageRecordedByOneServerIsReadByAnother(Database database) {
        IntFunction<Handset> handsets = handsets(database);
        handsets.apply(10).record(HandsetBehaviour.message("acme", "+491", "Your code is 4711"));

        assertEquals(List.of("Your code is 4711"), HandsetBehaviour.texts(handsets.apply(10).messages("acme", "+491")));
    }

    @DatabaseTest
    void theDatabaseKeepsNoTextInClear(Database database) {
        handsets(database).apply(10).record(HandsetBehaviour.message("acme", "+491", "Your code is 4711"));

        String stored = database.jdbi().withHandle(handle -> handle.createQuery("select sealed_text from handset_message")
                .mapTo(String.class).one());
        assertFalse(stored.contains("4711"), stored);
    }

    @DatabaseTest
    void pruningDeletesWhatReadsNoLongerShow(Database database) {
        handsets(database);
        JdbiHandset handset = new JdbiHandset(database, CODES, 3);
        for (int i = 1; i <= 5; i++) {
            handset.record(HandsetBehaviour.message("acme", "+491", "m" + i));
        }
        handset.record(HandsetBehaviour.message("globex", "+491", "theirs"));

        handset.prune("acme");

        assertEquals(4L, (long) database.jdbi().withHandle(handle -> handle.createQuery(
                "select count(*) from handset_message").mapTo(Long.class).one()), "acme's 3 newest and globex's one");
        assertEquals(List.of("m3", "m4", "m5"), HandsetBehaviour.texts(handset.messages("acme", null)));
    }
}
