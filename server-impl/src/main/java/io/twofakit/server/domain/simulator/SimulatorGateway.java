package io.twofakit.server.domain.simulator;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.clock.AccountClocks;
import io.twofakit.server.domain.delivery.ChannelGateway;
import io.twofakit.server.domain.delivery.DeliveryOutcome;
import io.twofakit.server.domain.delivery.OutgoingMessage;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The default gateway of every channel: it sends nothing anywhere, decides the outcome from the recipient's
 * number, and, when recording, puts every message on the {@link Handset}.
 *
 * <table>
 *   <caption>Outcome by the beginning of {@code to}</caption>
 *   <tr><th>{@code to} begins with</th><th>outcome</th></tr>
 *   <tr><td>{@value #PREFERRED_UNDELIVERABLE}</td><td>preferred channel UNDELIVERABLE, backups DELIVERED</td></tr>
 *   <tr><td>{@value #PREFERRED_TIMED_OUT}</td><td>preferred channel TIMED_OUT, backups DELIVERED</td></tr>
 *   <tr><td>{@value #ALL_UNDELIVERABLE}</td><td>every channel UNDELIVERABLE</td></tr>
 *   <tr><td>{@value #ALL_TIMED_OUT}</td><td>every channel TIMED_OUT</td></tr>
 *   <tr><td>anything else</td><td>DELIVERED</td></tr>
 * </table>
 */
public final class SimulatorGateway implements ChannelGateway {

    public static final String PREFERRED_UNDELIVERABLE = "+9999900001";
    public static final String PREFERRED_TIMED_OUT = "+9999900002";
    public static final String ALL_UNDELIVERABLE = "+9999900003";
    public static final String ALL_TIMED_OUT = "+9999900004";
    static final String ERROR_CODE = "simulator::undeliverable";

    private final Channel channel;
    private final Optional<Handset> handset;
    private final AccountClocks clocks;

    /**
     * @param handset where messages are recorded; empty when the simulator is off (nothing is kept then)
     * @param clocks each account's clock, for the time a message is recorded at
     */
    public SimulatorGateway(Channel channel, Optional<Handset> handset, AccountClocks clocks) {
        this.channel = channel;
        this.handset = handset;
        this.clocks = clocks;
    }

    @Override
    public DeliveryOutcome deliver(OutgoingMessage message) {
        DeliveryOutcome outcome = outcome(message.to(), message.attempt());
        handset.ifPresent(h -> h.record(new HandsetMessage(message.accountId(), channel, message.to(),
                message.sender(), message.text(), message.otpId(),
                clocks.clockFor(message.accountId()).instant().truncatedTo(ChronoUnit.MILLIS), outcome.status())));
        return outcome;
    }

    private DeliveryOutcome outcome(String to, int attempt) {
        boolean preferred = attempt == 0;
        if (to.startsWith(ALL_UNDELIVERABLE) || (preferred && to.startsWith(PREFERRED_UNDELIVERABLE))) {
            return DeliveryOutcome.undeliverable(ERROR_CODE,
                    "The recipient cannot be reached over " + channel + " (simulated)");
        }
        if (to.startsWith(ALL_TIMED_OUT) || (preferred && to.startsWith(PREFERRED_TIMED_OUT))) {
            return DeliveryOutcome.timedOut();
        }
        return DeliveryOutcome.delivered();
    }
}
