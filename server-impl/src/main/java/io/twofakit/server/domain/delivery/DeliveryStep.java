package io.twofakit.server.domain.delivery;

import io.twofakit.server.domain.Channel;
import java.util.Objects;

/**
 * One channel of a delivery job, in the order they are tried. The template is kept as written (with its
 * placeholders), so a step holds no code.
 *
 * @param position 0 for the preferred channel, then 1, 2, ...
 * @param sender who the message comes from on this channel (SMS sender, Viber service id, Voice caller,
 *               WhatsApp number); null when the request named none
 * @param template the text with {@code {{otp_code}}} and optionally {@code {{expiration_time}}}
 * @param validityMinutes the minutes that {@code {{expiration_time}}} renders
 */
public record DeliveryStep(int position, Channel channel, String sender, String template, int validityMinutes) {

    public DeliveryStep {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative");
        }
    }

    /** The message as the recipient reads it. */
    public String render(String code) {
        return template.replace("{{otp_code}}", code).replace("{{expiration_time}}", String.valueOf(validityMinutes));
    }
}
