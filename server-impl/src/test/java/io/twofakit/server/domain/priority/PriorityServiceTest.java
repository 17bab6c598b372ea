package io.twofakit.server.domain.priority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.JdbiPriorityStore;
import io.twofakit.server.support.H2Databases;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PriorityServiceTest {

    private static final String ACCOUNT = "acme";
    private static final ChannelRank SMS_FIRST = new ChannelRank(Channel.SMS, 1);
    private static final ChannelRank VIBER_SECOND = new ChannelRank(Channel.VIBER, 2);

    private Database database;
    private PriorityService service;

    @BeforeEach
    void open() {
        database = H2Databases.withAccounts(ACCOUNT, "other");
        service = new PriorityService(new JdbiPriorityStore(database));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aCreatedPriorityReadsBackAsGiven() {
        UUID id = service.create(ACCOUNT, "sms-viber", List.of(SMS_FIRST, VIBER_SECOND));

        assertEquals(new Priority(id, ACCOUNT, "sms-viber", List.of(SMS_FIRST, VIBER_SECOND)), service.read(ACCOUNT, id));
    }

    @Test
    void aSecondPriorityOfTheSameNameIsAConflictNamingIt() {
        service.create(ACCOUNT, "twice", List.of(SMS_FIRST));

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> service.create(ACCOUNT, "twice", List.of(VIBER_SECOND)));
        assertEquals("Priority with name twice already exists. Priority name must be unique.", conflict.detail());
        assertEquals(Map.of("priorityName", "twice"), conflict.properties());
    }

    @Test
    void renamingOntoATakenNameIsAConflict() {
        service.create(ACCOUNT, "taken", List.of(SMS_FIRST));
        UUID id = service.create(ACCOUNT, "mine", List.of(SMS_FIRST));

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> service.patch(ACCOUNT, id, new PriorityChanges("taken", null)));
        assertEquals(Map.of("priorityName", "taken"), conflict.properties());
        assertEquals("mine", service.read(ACCOUNT, id).name());
    }

    @Test
    void aChannelNamedTwiceIsRefused() {
        assertEquals(List.of(new Violation("channelPriority", "must not name the channel SMS twice")),
                violations(() -> service.create(ACCOUNT, "dup", List.of(SMS_FIRST, new ChannelRank(Channel.SMS, 2)))));
    }

    @Test
    void aPriorityNeedsOneOrTwoEntriesWithRanksOfAtLeastOne() {
        assertEquals(List.of(new Violation("channelPriority", "size must be between 1 and 2")),
                violations(() -> service.create(ACCOUNT, "none", List.of())));
        assertEquals(List.of(new Violation("channelPriority", "size must be between 1 and 2")),
                violations(() -> service.create(ACCOUNT, "three", List.of(SMS_FIRST, VIBER_SECOND,
                        new ChannelRank(Channel.VOICE, 3)))));
        assertEquals(List.of(new Violation("channelPriority[0].priority", "must be greater than or equal to 1")),
                violations(() -> service.create(ACCOUNT, "zero", List.of(new ChannelRank(Channel.SMS, 0)))));
    }

    @Test
    void aNameMustNotBeBlankNorLongerThan256Characters() {
        assertEquals(List.of(new Violation("name", "must not be blank")),
                violations(() -> service.create(ACCOUNT, " ", List.of(SMS_FIRST))));
        assertEquals(List.of(new Violation("name", "size must be between 1 and 256")),
                violations(() -> service.create(ACCOUNT, "n".repeat(257), List.of(SMS_FIRST))));
        service.create(ACCOUNT, "n".repeat(256), List.of(SMS_FIRST));
    }

    @Test
    void aPatchChangesOnlyTheGivenFields() {
        UUID id = service.create(ACCOUNT, "before", List.of(SMS_FIRST, VIBER_SECOND));

        service.patch(ACCOUNT, id, new PriorityChanges("after", null));
        assertEquals(List.of(SMS_FIRST, VIBER_SECOND), service.read(ACCOUNT, id).channels());

        service.patch(ACCOUNT, id, new PriorityChanges(null, List.of(VIBER_SECOND)));
        assertEquals(new Priority(id, ACCOUNT, "after", List.of(VIBER_SECOND)), service.read(ACCOUNT, id));

        service.patch(ACCOUNT, id, new PriorityChanges(null, List.of()));
        assertEquals(List.of(), service.read(ACCOUNT, id).channels());
    }

    @Test
    void aPatchThatBreaksARuleChangesNothing() {
        UUID id = service.create(ACCOUNT, "kept", List.of(SMS_FIRST));

        violations(() -> service.patch(ACCOUNT, id, new PriorityChanges("renamed", List.of(SMS_FIRST, SMS_FIRST))));
        assertEquals(new Priority(id, ACCOUNT, "kept", List.of(SMS_FIRST)), service.read(ACCOUNT, id));
    }

    @Test
    void anotherAccountsPriorityIsNotFound() {
        UUID id = service.create(ACCOUNT, "mine", List.of(SMS_FIRST));

        assertNotFound(id, () -> service.read("other", id));
        assertNotFound(id, () -> service.patch("other", id, new PriorityChanges("x", null)));
        assertNotFound(id, () -> service.delete("other", id));
        assertEquals(List.of(), service.list("other", null));
        assertEquals("mine", service.read(ACCOUNT, id).name());
    }

    @Test
    void aDeletedPriorityIsGone() {
        UUID id = service.create(ACCOUNT, "short-lived", List.of(SMS_FIRST));

        service.delete(ACCOUNT, id);
        assertNotFound(id, () -> service.read(ACCOUNT, id));
        assertNotFound(id, () -> service.delete(ACCOUNT, id));
    }

    private static List<Violation> violations(Runnable call) {
        return assertThrows(ValidationFailedException.class, call::run).violations();
    }

    private static void assertNotFound(UUID id, Runnable call) {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, call::run);
        assertEquals(ResourceNotFoundException.Kind.PRIORITY, e.kind());
        assertEquals(id.toString(), e.id());
    }
}
