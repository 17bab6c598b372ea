package io.twofakit.server.domain.whatsapp;

/**
 * A WhatsApp template as a client submits it for review. Null means "not given": {@code otpType} defaults
 * to COPY_CODE, {@code addSecurityRecommendation} to true, {@code codeExpirationMinutes} to 3.
 */
public record WhatsAppTemplateDraft(
        String name,
        String language,
        WhatsAppTemplate.OtpButtonType otpType,
        String packageName,
        String signatureHash,
        Boolean addSecurityRecommendation,
        Integer codeExpirationMinutes,
        String autofillButtonText,
        String copyButtonText) {
}
