package io.twofakit.server.domain.callback;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Where an account's OTP delivery events are posted: {@code POST url} with the custom {@code headers}.
 * A configuration with a {@code profileId} receives only the events of OTPs sent with that profile; one
 * without (null) receives the events of every profile.
 *
 * @param headers custom request headers, in the order the client gave them; never null
 * @param profileId the profile whose events are posted, or null for every profile
 */
public record CallbackConfiguration(UUID id, String accountId, String url, Map<String, String> headers, UUID profileId) {

    public CallbackConfiguration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(url, "url");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Whether the events of an OTP sent with {@code otpProfileId} are posted here. */
    public boolean receivesEventsOf(UUID otpProfileId) {
        return profileId == null || profileId.equals(otpProfileId);
    }
}
