package io.twofakit.server.domain.whatsapp;

import io.twofakit.server.domain.clock.AccountClocks;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.ReviewStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated review of WhatsApp templates: a template is approved {@code delay} after it was submitted.
 * The decision follows from the submission time and the clock alone, so it needs no background work, is
 * the same after a restart, and moves with the account's clock (which the simulator can move).
 */
public final class WhatsAppReview {

    private final AccountClocks clocks;
    private final Duration delay;

    public WhatsAppReview(AccountClocks clocks, Duration delay) {
        this.clocks = Objects.requireNonNull(clocks, "clocks");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a review cannot take negative time: " + delay);
        }
        this.delay = delay;
    }

    /** The template as the review has decided it by now, when that differs from what is stored. */
    public Optional<WhatsAppTemplate> decisionDue(WhatsAppTemplate template) {
        if (template.status() != ReviewStatus.PENDING) {
            return Optional.empty();
        }
        Instant approvedAt = template.createdAt().plus(delay);
        if (clocks.clockFor(template.accountId()).instant().isBefore(approvedAt)) {
            return Optional.empty();
        }
        return Optional.of(template.withStatus(ReviewStatus.APPROVED, approvedAt));
    }
}
