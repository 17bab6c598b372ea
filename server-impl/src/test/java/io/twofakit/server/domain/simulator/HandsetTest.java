package io.twofakit.server.domain.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HandsetTest {

    private static HandsetMessage message(String to, String text) {
        return new HandsetMessage(Channel.SMS, to, null, text, UUID.randomUUID(), Instant.EPOCH,
                DeliveryEventStatus.DELIVERED);
    }

    @Test
    void keepsTheNewestMessagesUpToItsCapacity() {
        Handset handset = new Handset(3);
        for (int i = 1; i <= 5; i++) {
            handset.record(message(i % 2 == 0 ? "+491" : "+492", "m" + i));
        }

        assertEquals(List.of("m3", "m4", "m5"), handset.messages(null).stream().map(HandsetMessage::text).toList());
        assertEquals(List.of("m4"), handset.messages("+491").stream().map(HandsetMessage::text).toList());
        assertEquals(List.of("m5", "m4"), handset.newest(2).stream().map(HandsetMessage::text).toList());
        assertThrows(IllegalArgumentException.class, () -> new Handset(0));
    }

    @Test
    void aMessageNeverPrintsItsText() {
        assertFalse(message("+491", "secret 4711").toString().contains("4711"));
    }

    @Test
    void theClockOnlyMovesForward() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        assertEquals(Instant.EPOCH.plusSeconds(90), clock.advance(Duration.ofSeconds(90)));
        assertEquals(Instant.EPOCH.plusSeconds(90), clock.withZone(ZoneOffset.ofHours(2)).instant(),
                "a clock in another zone shares the offset");
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }
}
