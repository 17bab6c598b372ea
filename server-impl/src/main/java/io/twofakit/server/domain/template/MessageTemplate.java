package io.twofakit.server.domain.template;

import io.twofakit.server.domain.Channel;
import java.util.UUID;

/**
 * A text template of the SMS, Viber or Voice channel. {@code message} contains {@code {{otp_code}}}
 * and may contain {@code {{expiration_time}}} (rendered as minutes).
 */
public record MessageTemplate(
        UUID id,
        String accountId,
        Channel channel,
        String name,
        String language,
        String message,
        int codeExpirationMinutes) {
}
