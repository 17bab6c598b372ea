package io.twofakit.server.domain.delivery;

import io.twofakit.server.domain.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One delivery event of an OTP, as posted to the callbacks.
 *
 * @param id stable id of the event (the same on every retry of its webhook)
 * @param sequence order of the event among the OTP's events: 2 × step position, +1 for the outcome
 * @param profileId the profile the OTP was sent with
 * @param error why the channel could not deliver; only for UNDELIVERABLE, null otherwise
 */
public record DeliveryEvent(
        UUID id,
        UUID otpId,
        String accountId,
        UUID profileId,
        int sequence,
        Channel channel,
        DeliveryEventStatus status,
        DeliveryError error,
        Instant occurred) {

    public DeliveryEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(otpId, "otpId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurred, "occurred");
        if ((status == DeliveryEventStatus.UNDELIVERABLE) != (error != null)) {
            throw new IllegalArgumentException("an UNDELIVERABLE event carries an error, and only it");
        }
    }

    /** The sequence number of the DISPATCHED event of the step at {@code position}. */
    public static int dispatchedSequence(int position) {
        return 2 * position;
    }

    /** The sequence number of the outcome event of the step at {@code position}. */
    public static int outcomeSequence(int position) {
        return 2 * position + 1;
    }
}
