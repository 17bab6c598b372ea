package io.twofakit.server.http.resources;

import io.twofakit.ext.api.SimulatorApi;
import io.twofakit.ext.api.model.ClockAdvance;
import io.twofakit.ext.api.model.ServerTime;
import io.twofakit.ext.api.model.SimulatedMessage;
import io.twofakit.server.domain.simulator.HandsetMessage;
import io.twofakit.server.domain.simulator.Simulator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code /simulator}: the handset's messages, the server's clock and a page for people. Registered only
 * while the simulator is on; otherwise its paths answer 404 like any unknown path.
 */
public class SimulatorResource implements SimulatorApi {

    /** Rows per table on the page. */
    static final int PAGE_ROWS = 100;

    private final Simulator simulator;

    public SimulatorResource(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public Response listSimulatedMessages(String to) {
        List<SimulatedMessage> messages = simulator.messages(to).stream().map(SimulatorResource::message).toList();
        return Response.ok(messages).build();
    }

    @Override
    public Response advanceSimulatorClock(ClockAdvance advance) {
        Instant now = simulator.advanceClock(advance.getAdvanceSeconds());
        return Response.ok(ServerTime.builder().now(utc(now)).build()).build();
    }

    @Override
    public Response simulatorPage() {
        String page = SimulatorPage.render(simulator.now(), simulator.newestMessages(PAGE_ROWS),
                simulator.newestWebhooks(PAGE_ROWS));
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
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

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
