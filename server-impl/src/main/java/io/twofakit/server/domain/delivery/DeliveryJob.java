package io.twofakit.server.domain.delivery;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The pending delivery of one OTP: its channels in order and where it stands. It is stored with the OTP
 * in one transaction and removed when the delivery ends, and with it the sealed code.
 *
 * @param sealedCode the code, encrypted (see {@code CodeProtection.seal})
 * @param nextPosition the step to try next
 */
public record DeliveryJob(
        UUID otpId,
        String accountId,
        UUID profileId,
        String to,
        byte[] sealedCode,
        List<DeliveryStep> steps,
        int nextPosition) {

    public DeliveryJob {
        Objects.requireNonNull(otpId, "otpId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(sealedCode, "sealedCode");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a delivery job needs at least one step");
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).position() != i) {
                throw new IllegalArgumentException("steps must be numbered 0, 1, ... in order");
            }
        }
    }

    /** A new job that starts with the first step. */
    public static DeliveryJob start(UUID otpId, String accountId, UUID profileId, String to, byte[] sealedCode,
                                    List<DeliveryStep> steps) {
        return new DeliveryJob(otpId, accountId, profileId, to, sealedCode, steps, 0);
    }
}
