package io.twofakit.server.domain.otp;

import java.util.Objects;

/**
 * What a client asks for when it sends an OTP. Optional fields are null when not given.
 *
 * @param languageCode the language of the templates to use, e.g. {@code en_US}
 * @param otpCode the code to send; generated from the profile's rules when null
 * @param sender SMS sender
 * @param senderViber Viber service id
 * @param caller Voice caller
 * @param senderWhatsApp WhatsApp sender number
 */
public record OtpRequest(
        String to,
        String profileName,
        String priorityName,
        String languageCode,
        String otpCode,
        String sender,
        String senderViber,
        String caller,
        String senderWhatsApp) {

    public OtpRequest {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(profileName, "profileName");
    }
}
