package io.twofakit.server.domain.callback;

import java.util.Map;
import java.util.UUID;

/**
 * What a patch of a callback configuration changes.
 *
 * @param url the new url (always given)
 * @param headers headers replacing the configured ones, or null to keep them
 * @param profileId the new profile, or null to keep the present one
 */
public record CallbackChanges(String url, Map<String, String> headers, UUID profileId) {
}
