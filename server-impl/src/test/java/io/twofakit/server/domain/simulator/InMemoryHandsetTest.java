package io.twofakit.server.domain.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InMemoryHandsetTest {

    @Test
    void keepsEachAccountsNewestMessagesUpToItsCapacity() {
        HandsetBehaviour.keepsEachAccountsNewestMessagesUpToItsCapacity(InMemoryHandset::new);
        assertThrows(IllegalArgumentException.class, () -> new InMemoryHandset(0));
    }

    @Test
    void anAccountSeesOnlyItsOwnMessages() {
        HandsetBehaviour.anAccountSeesOnlyItsOwnMessages(InMemoryHandset::new);
    }

    @Test
    void aMessageNeverPrintsItsText() {
        assertFalse(HandsetBehaviour.message("acme", "+491", "secret 4711").toString().contains("4711"));
    }
}
