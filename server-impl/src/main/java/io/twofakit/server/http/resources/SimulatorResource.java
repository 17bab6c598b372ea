package io.twofakit.server.http.resources;

import io.twofakit.ext.api.SimulatorApi;
import io.twofakit.ext.api.model.ClockAdvance;
import io.twofakit.ext.api.model.ServerTime;
import io.twofakit.ext.api.model.SimulatedMessage;
import io.twofakit.ext.api.model.SimulatedWebhookDelivery;
import io.twofakit.server.domain.simulator.HandsetMessage;
import io.twofakit.server.domain.simulator.Simulator;
import io.twofakit.server.domain.webhook.WebhookRecord;
import io.twofakit.server.http.RequestAccount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code /simulator}: the handset's messages, the clock and the webhook deliveries of the request's account, and
 * a page for people. Registered only while the simulator is on; otherwise its paths answer 404 like any unknown
 * path. Everything below {@code /simulator/} needs an API key ({@code ApiKeyFilter}); the page itself holds no
 * data.
 */
public class SimulatorResource implements SimulatorApi {

    private final Simulator simulator;

    @Context
    private SecurityContext security;

    public SimulatorResource(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public Response listSimulatedMessages(String to) {
        List<SimulatedMessage> messages = simulator.messages(account(), to).stream()
                .map(SimulatorResource::message).toList();
        return Response.ok(messages).build();
    }

    @Override
    public Response listSimulatedWebhookDeliveries() {
        List<SimulatedWebhookDelivery> deliveries = simulator.newestWebhooks(account()).stream()
                .map(SimulatorResource::delivery).toList();
        return Response.ok(deliveries).build();
    }

    @Override
    public Response readSimulatorClock() {
        return time(simulator.now(account()));
    }

    @Override
    public Response advanceSimulatorClock(ClockAdvance advance) {
        return time(simulator.advanceClock(account(), advance.getAdvanceSeconds()));
    }

    @Override
    public Response simulatorPage() {
        return PagesResource.PageHeaders.html(SimulatorPage.html(), SimulatorPage.CONTENT_SECURITY_POLICY);
    }

    private String account() {
        return RequestAccount.id(security);
    }

    private Response time(Instant now) {
        return Response.ok(ServerTime.builder().now(utc(now)).realTime(utc(simulator.realTime())).build()).build();
    }

    private static SimulatedMessage message(HandsetMessage message) {
        return SimulatedMessage.builder()
                .channel(SimulatedMessage.ChannelEnum.fromValue(message.channel().name()))
                .to(message.to())
                .sender(message.sender())
                .text(message.text())
                .otpId(message.otpId())
                .time(utc(message.time()))
                .outcome(SimulatedMessage.OutcomeEnum.fromValue(message.outcome().name()))
                .build();
    }

    private static SimulatedWebhookDelivery delivery(WebhookRecord record) {
        return SimulatedWebhookDelivery.builder()
                .eventId(record.eventId())
                .callbackId(record.callbackId())
                .otpId(record.otpId())
                .channel(SimulatedWebhookDelivery.ChannelEnum.fromValue(record.channel().name()))
                .eventStatus(SimulatedWebhookDelivery.EventStatusEnum.fromValue(record.eventStatus().name()))
                .state(SimulatedWebhookDelivery.StateEnum.fromValue(record.state().name()))
                .attempts(record.attempts())
                .lastError(record.lastError())
                .created(utc(record.created()))
                .updated(utc(record.updated()))
                .build();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
