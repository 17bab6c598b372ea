package io.twofakit.server.domain.delivery;

/**
 * Delivers messages over one channel (SMS, Viber, Voice or WhatsApp). The server has one per channel; the
 * default for every channel is the simulator.
 *
 * <p>{@link #deliver} is called from the delivery workers, never from request threads, and may block until
 * the channel reports the outcome. It must not log or keep the message's text.
 */
public interface ChannelGateway {

    /** Hands the message to the channel and answers how the attempt ended. */
    DeliveryOutcome deliver(OutgoingMessage message);
}
