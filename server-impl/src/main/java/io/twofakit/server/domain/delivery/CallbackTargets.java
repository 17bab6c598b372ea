package io.twofakit.server.domain.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The callback configurations, as the delivery of events needs them. */
public interface CallbackTargets {

    /** The account's callbacks that want events of OTPs sent with {@code profileId}: those without a profile, and those of that profile. */
    List<CallbackTarget> matching(String accountId, UUID profileId);

    /** The callback as configured now; empty when it was deleted. */
    Optional<CallbackTarget> find(String accountId, UUID callbackId);
}
