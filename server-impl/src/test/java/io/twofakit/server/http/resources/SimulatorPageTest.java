package io.twofakit.server.http.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryEventStatus;
import io.twofakit.server.domain.simulator.HandsetMessage;
import io.twofakit.server.domain.webhook.WebhookRecord;
import io.twofakit.server.domain.webhook.WebhookState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulatorPageTest {

    @Test
    void escapesEverythingClientsCanSend() {
        assertEquals("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;", SimulatorPage.escape("<a href=\"x\" onclick='y'>&"));
        assertEquals("", SimulatorPage.escape(null));
    }

    @Test
    void listsMessagesAndWebhookDeliveries() {
        HandsetMessage message = new HandsetMessage(Channel.VIBER, "+4917612345678", "<b>ACME</b>",
                "Code 4711 <script>", UUID.randomUUID(), Instant.parse("2026-03-01T10:00:00Z"),
                DeliveryEventStatus.UNDELIVERABLE);
        WebhookRecord webhook = new WebhookRecord(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), message.otpId(),
                Channel.VIBER, DeliveryEventStatus.DISPATCHED, WebhookState.FAILED, 10, "HTTP <500>", null, Instant.EPOCH,
                Instant.EPOCH);

        String page = SimulatorPage.render(Instant.EPOCH, List.of(message), List.of(webhook));

        assertTrue(page.contains("Code 4711 &lt;script&gt;"));
        assertTrue(page.contains("&lt;b&gt;ACME&lt;/b&gt;"));
        assertTrue(page.contains("HTTP &lt;500&gt;"));
        assertTrue(page.contains("UNDELIVERABLE") && page.contains("FAILED") && page.contains("VIBER"));
        assertFalse(page.contains("<script>"));
        assertTrue(SimulatorPage.render(Instant.EPOCH, List.of(), List.of()).contains("No messages yet."));
    }
}
