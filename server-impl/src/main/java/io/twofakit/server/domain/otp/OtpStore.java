package io.twofakit.server.domain.otp;

import io.twofakit.server.domain.StoreTransaction;
import io.twofakit.server.domain.limits.RecipientAdmission;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Durable storage of OTPs, scoped to one account in every method. */
public interface OtpStore {

    /**
     * What a {@link #modify} decided: the OTP to store instead (null to leave it as it is) and the answer.
     */
    record Change<R>(Otp replacement, R result) {
    }

    /**
     * Stores a new OTP in {@code transaction} (the one its delivery job is stored in, see
     * {@code DeliveryQueue.enqueue}), if {@code admission} admits one more send to the OTP's recipient. The
     * account's send times on record for the recipient are read and locked (concurrent sends to one number wait
     * for each other, also on other servers sharing the database), handed to {@code admission}, and what it answers
     * is recorded in the same transaction. Deleting the OTP later leaves the record as it is.
     *
     * @throws io.twofakit.server.domain.limits.LimitExceededException when {@code admission} refuses the send;
     *         the transaction then stores nothing
     */
    void insert(StoreTransaction transaction, Otp otp, RecipientAdmission admission);

    Optional<Otp> find(String accountId, UUID id);

    /**
     * The account's OTPs, newest first, at most {@code limit}.
     *
     * @param to only OTPs sent to this number, when not null
     * @param status only OTPs with this stored status, when not null
     */
    List<Otp> list(String accountId, String to, OtpStatus status, int limit);

    /**
     * Reads the OTP and applies {@code change} to it while no one else can: concurrent modifications of one OTP
     * run one after the other, each seeing the result of the one before. The replacement's status and
     * attempt count are stored.
     *
     * @return the change's answer; empty when there is no such OTP
     */
    <R> Optional<R> modify(String accountId, UUID id, Function<Otp, Change<R>> change);

    /** Removes the OTP and its pending delivery job. @return whether it existed */
    boolean delete(String accountId, UUID id);
}
