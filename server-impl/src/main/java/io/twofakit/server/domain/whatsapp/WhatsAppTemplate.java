package io.twofakit.server.domain.whatsapp;

import java.time.Instant;

/**
 * A WhatsApp authentication template, unique per account by name and language. It is submitted for
 * review as {@link ReviewStatus#PENDING}; the review decides it later.
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

    /** The button a WhatsApp authentication template shows. */
    public enum OtpButtonType { COPY_CODE, ONE_TAP }

    /** Where the template is in WhatsApp's review. */
    public enum ReviewStatus { PENDING, APPROVED, REJECTED }
}
