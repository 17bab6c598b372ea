package io.twofakit.server.domain.whatsapp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A WhatsApp authentication template, unique per account by name and language. It is submitted for
 * review as {@link ReviewStatus#PENDING}; the review decides it later.
 *
 * <p>WhatsApp writes the text of an authentication template itself; {@link #message()},
 * {@link #codeExpirationText()} and {@link #buttonUrl()} give it as WhatsApp shows it, with the placeholder
 * {@value #CODE_PLACEHOLDER} where the code goes.
 */
public record WhatsAppTemplate(
        String templateId,
        String accountId,
        String name,
        String language,
        OtpButtonType otpType,
        String packageName,
        String signatureHash,
        boolean addSecurityRecommendation,
        int codeExpirationMinutes,
        String autofillButtonText,
        String copyButtonText,
        ReviewStatus status,
        Instant createdAt,
        Instant updatedAt) {

    /** Where the code goes in the message and in the button's URL. */
    public static final String CODE_PLACEHOLDER = "{{1}}";
    public static final String SECURITY_RECOMMENDATION = "For your security, do not share this code.";
    private static final String BUTTON_URL = "https://www.whatsapp.com/otp/code/?otp_type=";

    /** The button a WhatsApp authentication template shows. */
    public enum OtpButtonType { COPY_CODE, ONE_TAP }

    /** Where the template is in WhatsApp's review. */
    public enum ReviewStatus { PENDING, APPROVED, REJECTED }

    /** The body of the message, e.g. {@code *{{1}}* is your verification code. For your security, do not share this code.} */
    public String message() {
        String body = "*" + CODE_PLACEHOLDER + "* is your verification code.";
        return addSecurityRecommendation ? body + " " + SECURITY_RECOMMENDATION : body;
    }

    /** The footer, e.g. {@code This code expires in 3 minutes.} */
    public String codeExpirationText() {
        return "This code expires in " + codeExpirationMinutes + " minutes.";
    }

    /** The URL behind the button; for ONE_TAP it names the Android app that receives the code. */
    public String buttonUrl() {
        if (otpType == OtpButtonType.ONE_TAP) {
            return BUTTON_URL + "ONE_TAP&package_name=" + encode(packageName) + "&signature_hash="
                    + encode(signatureHash) + "&code=otp" + CODE_PLACEHOLDER;
        }
        return BUTTON_URL + "COPY_CODE&code=otp" + CODE_PLACEHOLDER;
    }

    /** This template with another review status, changed at {@code at}. */
    public WhatsAppTemplate withStatus(ReviewStatus newStatus, Instant at) {
        return new WhatsAppTemplate(templateId, accountId, name, language, otpType, packageName, signatureHash,
                addSecurityRecommendation, codeExpirationMinutes, autofillButtonText, copyButtonText, newStatus,
                createdAt, at);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
