package io.twofakit.server.domain.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandsetTest {

    private static HandsetMessage message(String account, String to, String text) {
        return new HandsetMessage(account, Channel.SMS, to, null, text, UUID.randomUUID(), Instant.EPOCH,
                DeliveryEventStatus.DELIVERED);
    }

    private static List<String> texts(List<HandsetMessage> messages) {
        return messages.stream().map(HandsetMessage::text).toList();
    }

    @Test
    void keepsEachAccountsNewestMessagesUpToItsCapacity() {
        Handset handset = new Handset(3);
        for (int i = 1; i <= 5; i++) {
            handset.record(message("acme", i % 2 == 0 ? "+491" : "+492", "m" + i));
        }
        handset.record(message("globex", "+491", "theirs"));

        assertEquals(List.of("m3", "m4", "m5"), texts(handset.messages("acme", null)),
                "another account's message pushes none of acme's out");
        assertEquals(List.of("m4"), texts(handset.messages("acme", "+491")));
        assertThrows(IllegalArgumentException.class, () -> new Handset(0));
    }

    @Test
    void anAccountSeesOnlyItsOwnMessages() {
        Handset handset = new Handset(10);
        handset.record(message("acme", "+491", "mine"));
        handset.record(message("globex", "+491", "theirs"));

        assertEquals(List.of("mine"), texts(handset.messages("acme", "+491")));
        assertEquals(List.of("theirs"), texts(handset.messages("globex", null)));
        assertEquals(List.of(), handset.messages("initech", null));
    }

    @Test
    void aMessageNeverPrintsItsText() {
        assertFalse(message("acme", "+491", "secret 4711").toString().contains("4711"));
    }
}
