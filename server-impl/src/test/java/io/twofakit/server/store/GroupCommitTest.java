package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twofakit.server.support.Concurrently;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

class GroupCommitTest {

    private static void createTable(Database database) {
        database.jdbi().useHandle(handle -> handle.execute("create table unit_row (id integer primary key)"));
    }

    private static Set<Integer> rows(Database database) {
        List<Integer> ids = database.jdbi().withHandle(handle ->
                handle.createQuery("select id from unit_row").mapTo(Integer.class).list());
        return new TreeSet<>(ids);
    }

    private static Runnable insert(GroupCommit commits, int id) {
        return () -> commits.inTransaction(handle -> handle.execute("insert into unit_row (id) values (?)", id));
    }

    @DatabaseTest
    void unitsOfManyThreadsAreAllCommittedAndEachCallerGetsItsOwnResult(Database database) {
        createTable(database);
        GroupCommit commits = database.groupCommit();
        List<Runnable> units = new ArrayList<>();
        List<Integer> results = new ArrayList<>();
        for (int id = 1; id <= 40; id++) {
            int own = id;
            units.add(() -> {
                int answered = commits.inTransaction(handle -> {
                    handle.execute("insert into unit_row (id) values (?)", own);
                    return own * 10;
                });
                synchronized (results) {
                    results.add(answered - own * 10);
                }
            });
        }

        List<Throwable> outcomes = Concurrently.run(units);

        outcomes.forEach(outcome -> assertNull(outcome, () -> "a unit failed: " + outcome));
        assertEquals(40, rows(database).size());
        assertEquals(40, results.stream().filter(difference -> difference == 0).count());
    }

    @DatabaseTest
    void aUnitThatFailsIsLeftOutAndOnlyItsCallerSeesTheFailure(Database database) {
        createTable(database);
        GroupCommit commits = database.groupCommit();
        List<Runnable> units = new ArrayList<>();
        for (int id = 1; id <= 20; id++) {
            units.add(insert(commits, id));
        }
        units.add(() -> commits.inTransaction(handle -> {
            handle.execute("insert into unit_row (id) values (?)", 100);
            throw new IllegalStateException("refused after writing");
        }));
        units.add(insert(commits, 5)); // the same key as another unit: one of the two is refused by the database

        List<Throwable> outcomes = Concurrently.run(units);

        assertInstanceOf(IllegalStateException.class, outcomes.get(20));
        long refused = outcomes.stream().filter(outcome -> outcome != null).count();
        assertEquals(2, refused, () -> "outcomes: " + outcomes);
        Set<Integer> expected = new TreeSet<>();
        for (int id = 1; id <= 20; id++) {
            expected.add(id);
        }
        assertEquals(expected, rows(database));
    }

    @DatabaseTest
    void aUnitCannotWaitForAnotherUnit(Database database) {
        GroupCommit commits = database.groupCommit();

        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> commits.inTransaction(handle -> commits.inTransaction(inner -> 1)));

        assertInstanceOf(IllegalStateException.class, refused);
    }

    @DatabaseTest
    void afterTheDatabaseIsClosedNoUnitIsTaken(Database database) {
        GroupCommit commits = database.groupCommit();
        commits.close();

        assertThrows(IllegalStateException.class, () -> commits.inTransaction(handle -> 1));
    }
}
