package io.twofakit.server.domain.limits;

import java.time.Instant;
import java.util.List;

/**
 * Decides whether one more OTP may be sent to a recipient, from the times of the account's sends to that
 * recipient that are on record. The OTP store asks it while it holds the recipient's record locked, in the
 * transaction that stores the OTP, so concurrent sends to one number are decided one after the other.
 */
public interface RecipientAdmission {

    /** Admits every send and keeps no record: the limit of sends per recipient is switched off. */
    RecipientAdmission UNLIMITED = new RecipientAdmission() {
        @Override
        public List<Instant> admit(List<Instant> recorded) {
            return recorded;
        }

        @Override
        public boolean isLimited() {
            return false;
        }
    };

    /**
     * @param recorded the send times on record for the recipient (empty for a new one), oldest first
     * @return the send times to keep on record, this send included, oldest first
     * @throws LimitExceededException when the send is refused; nothing is then stored
     */
    List<Instant> admit(List<Instant> recorded);

    /** Whether sends are counted at all; when not, the store keeps no record of them. */
    default boolean isLimited() {
        return true;
    }
}
