package io.twofakit.server.domain.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * What every {@link Handset} does, whatever keeps its messages: one body for {@link InMemoryHandset} and for the
 * database's handset (store tests). The accounts {@link #ACCOUNTS} must exist where the handset needs them.
 */
public final class HandsetBehaviour {

    public static final List<String> ACCOUNTS = List.of("acme", "globex", "initech");

    private HandsetBehaviour() {
    }

    public static HandsetMessage message(String account, String to, String text) {
        return new HandsetMessage(account, Channel.SMS, to, null, text, UUID.randomUUID(),
                Instant.parse("2026-03-01T10:00:00Z"), DeliveryEventStatus.DELIVERED);
    }

    public static List<String> texts(List<HandsetMessage> messages) {
        return messages.stream().map(HandsetMessage::text).toList();
    }

    /** @param handsetOfCapacity a new, empty handset that keeps that many messages per account */
    public static void keepsEachAccountsNewestMessagesUpToItsCapacity(IntFunction<Handset> handsetOfCapacity) {
        Handset handset = handsetOfCapacity.apply(3);
        for (int i = 1; i <= 5; i++) {
            handset.record(message("acme", i % 2 == 0 ? "+491" : "+492", "m" + i));
        }
        handset.record(message("globex", "+491", "theirs"));

        assertEquals(List.of("m3", "m4", "m5"), texts(handset.messages("acme", null)),
                "another account's message pushes none of acme's out");
        assertEquals(List.of("m4"), texts(handset.messages("acme", "+491")));
    }

    public static void anAccountSeesOnlyItsOwnMessages(IntFunction<Handset> handsetOfCapacity) {
        Handset handset = handsetOfCapacity.apply(10);
        handset.record(message("acme", "+491", "mine"));
        handset.record(message("globex", "+491", "theirs"));

        assertEquals(List.of("mine"), texts(handset.messages("acme", "+491")));
        assertEquals(List.of("theirs"), texts(handset.messages("globex", null)));
        assertEquals(List.of(), handset.messages("initech", null));
    }
}
