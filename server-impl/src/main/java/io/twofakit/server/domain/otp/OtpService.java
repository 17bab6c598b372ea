package io.twofakit.server.domain.otp;

import io.twofakit.server.domain.codes.CodeProtection;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.TimeOrderedIds;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.clock.AccountClocks;
import io.twofakit.server.domain.delivery.DeliveryQueue;
import io.twofakit.server.domain.delivery.DeliveryJob;
import io.twofakit.server.domain.delivery.DeliveryStep;
import io.twofakit.server.domain.limits.SendLimits;
import io.twofakit.server.domain.priority.PriorityStore;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.profile.ProfileStore;
import io.twofakit.server.domain.template.TemplateStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rules of OTPs: sending, reading, listing, validating and deleting.
 *
 * <p>Sending stores the OTP (with a keyed hash of its code, never the code) together with a delivery job
 * (with the code sealed), queues the job for the delivery workers and returns at once; they deliver it. Validation follows the status
 * machine: a wrong code counts an attempt and answers WRONG_CODE, or TOO_MANY_ATTEMPTS when it used the last
 * one; the right code answers VERIFIED; an expired OTP answers EXPIRED without counting; later validations of
 * a verified OTP answer ALREADY_REPORTED and of an exhausted one TOO_MANY_ATTEMPTS. Validations of one OTP
 * run one after the other, so exactly one can verify it and no more codes are compared than allowed.
 *
 * <p>Sends are limited ({@link SendLimits}): the account's rate is counted first, before anything is looked up;
 * the sends to the recipient are counted in the transaction that stores the OTP, once everything else about
 * the request has been found right.
 */
public final class OtpService {

    /** The most OTPs a list answers: the newest ones. */
    public static final int LIST_LIMIT = 1000;
    /** The statuses a list can be filtered by: the final ones. */
    public static final List<OtpStatus> LIST_FILTERS = List.of(OtpStatus.VERIFIED, OtpStatus.TOO_MANY_ATTEMPTS);

    private final OtpStore otps;
    private final DeliveryPlanner planner;
    private final OtpCodeGenerator generator;
    private final CodeProtection codes;
    private final AccountClocks clocks;
    private final DeliveryQueue deliveries;
    private final SendLimits limits;

    /**
     * @param clocks each account's clock (the simulator can move one), for creation and expiry
     * @param deliveries where the delivery of each new OTP is queued
     * @param limits the limits on sending
     */
    public OtpService(OtpStore otps, ProfileStore profiles, PriorityStore priorities, TemplateStore templates,
                      ReviewedWhatsAppTemplates whatsAppTemplates, OtpCodeGenerator generator, CodeProtection codes,
                      AccountClocks clocks, DeliveryQueue deliveries, SendLimits limits) {
        this.otps = otps;
        this.planner = new DeliveryPlanner(profiles, priorities, templates, whatsAppTemplates);
        this.generator = generator;
        this.codes = codes;
        this.clocks = clocks;
        this.deliveries = deliveries;
        this.limits = limits;
    }

    /**
     * Stores a new OTP and queues its delivery.
     *
     * @return the new OTP's id
     * @throws io.twofakit.server.domain.ValidationFailedException for an unknown profile or priority, or when no
     *         channel has a usable template
     * @throws io.twofakit.server.domain.limits.LimitExceededException when the account sent too many OTPs, in
     *         all or to this recipient
     */
    public UUID send(String accountId, OtpRequest request) {
        limits.countAccountSend(accountId);
        DeliveryPlanner.Plan plan = planner.plan(accountId, request);
        Profile profile = plan.profile();
        String code = request.otpCode() != null
                ? request.otpCode() : generator.generate(profile.otpCodeLength(), profile.alphanumeric());

        UUID id = TimeOrderedIds.next();
        Instant created = clocks.clockFor(accountId).instant().truncatedTo(ChronoUnit.MILLIS);
        int validityMinutes = plan.channels().get(0).codeExpirationMinutes();
        Instant expires = created.plus(Duration.ofMinutes(validityMinutes));
        Otp otp = new Otp(id, accountId, profile.id(), request.to(), codes.hash(id, code), OtpStatus.ACTIVE, 0,
                profile.attempts(), created, expires);

        List<DeliveryStep> steps = new ArrayList<>();
        for (PlannedChannel channel : plan.channels()) {
            steps.add(new DeliveryStep(steps.size(), channel.channel(), channel.sender(), channel.template(),
                    validityMinutes));
        }
        DeliveryJob job = DeliveryJob.start(id, accountId, profile.id(), request.to(), codes.seal(id, code), steps);
        deliveries.enqueue(job, transaction -> otps.insert(transaction, otp, limits.recipient(request.to(), created)));
        return id;
    }

    /** The OTP as it stands now (EXPIRED once its expiry has passed, unless final before). */
    public OtpView read(String accountId, UUID id) {
        Instant now = clocks.clockFor(accountId).instant();
        return otps.find(accountId, id)
                .map(otp -> OtpView.of(otp, now))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * The account's newest OTPs first, at most {@link #LIST_LIMIT}.
     *
     * @param to only those sent to this number, when not null
     * @param status only those in this status, one of {@link #LIST_FILTERS}, when not null
     */
    public List<OtpView> list(String accountId, String to, OtpStatus status) {
        if (status != null && !LIST_FILTERS.contains(status)) {
            throw notAListFilter();
        }
        Instant now = clocks.clockFor(accountId).instant();
        return otps.list(accountId, to, status, LIST_LIMIT).stream().map(otp -> OtpView.of(otp, now)).toList();
    }

    /** Checks {@code code} against the OTP and answers the validation's outcome. */
    public ValidationOutcome validate(String accountId, UUID id, String code) {
        Instant now = clocks.clockFor(accountId).instant();
        return otps.modify(accountId, id, otp -> decide(otp, code, now)).orElseThrow(() -> notFound(id));
    }

    /** The refusal of a list filter that is not one of {@link #LIST_FILTERS}. */
    public static ValidationFailedException notAListFilter() {
        return new ValidationFailedException("otpStatus", "must be one of " + LIST_FILTERS);
    }

    /** The status machine of one validation; compares the code only when the OTP can still be verified. */
    private OtpStore.Change<ValidationOutcome> decide(Otp otp, String code, Instant now) {
        if (otp.status() == OtpStatus.VERIFIED) {
            return new OtpStore.Change<>(null, ValidationOutcome.ALREADY_REPORTED);
        }
        if (otp.status() == OtpStatus.TOO_MANY_ATTEMPTS || otp.attemptCount() >= otp.allowedAttempts()) {
            return new OtpStore.Change<>(null, ValidationOutcome.TOO_MANY_ATTEMPTS);
        }
        if (otp.isExpiredAt(now)) {
            return new OtpStore.Change<>(null, ValidationOutcome.EXPIRED);
        }
        if (codes.matches(otp.id(), code, otp.codeHash())) {
            return new OtpStore.Change<>(otp.afterAttempt(OtpStatus.VERIFIED), ValidationOutcome.VERIFIED);
        }
        if (otp.attemptCount() + 1 >= otp.allowedAttempts()) {
            return new OtpStore.Change<>(otp.afterAttempt(OtpStatus.TOO_MANY_ATTEMPTS),
                    ValidationOutcome.TOO_MANY_ATTEMPTS);
        }
        return new OtpStore.Change<>(otp.afterAttempt(OtpStatus.WRONG_CODE), ValidationOutcome.WRONG_CODE);
    }

    /** Deletes the OTP; a delivery still pending stops. */
    public void delete(String accountId, UUID id) {
        if (!otps.delete(accountId, id)) {
            throw notFound(id);
        }
    }

    private static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException(ResourceNotFoundException.Kind.OTP, id.toString());
    }
}
