package io.twofakit.server.domain.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.OtpButtonType;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.ReviewStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WhatsAppTemplateTest {

    private static WhatsAppTemplate template(OtpButtonType type, String packageName, String signatureHash,
                                             boolean securityRecommendation, int minutes) {
        Instant at = Instant.parse("2024-03-01T10:00:00Z");
        return new WhatsAppTemplate("t-1", "acme", "otp_login", "en", type, packageName, signatureHash,
                securityRecommendation, minutes, null, null, ReviewStatus.PENDING, at, at);
    }

    @Test
    void theMessageCarriesTheSecurityRecommendationWhenAsked() {
        assertEquals("*{{1}}* is your verification code. For your security, do not share this code.",
                template(OtpButtonType.COPY_CODE, null, null, true, 3).message());
        assertEquals("*{{1}}* is your verification code.",
                template(OtpButtonType.COPY_CODE, null, null, false, 3).message());
    }

    @Test
    void theExpirationTextNamesTheMinutes() {
        assertEquals("This code expires in 3 minutes.", template(OtpButtonType.COPY_CODE, null, null, true, 3).codeExpirationText());
        assertEquals("This code expires in 90 minutes.", template(OtpButtonType.COPY_CODE, null, null, true, 90).codeExpirationText());
    }

    @Test
    void aCopyCodeButtonCopiesTheCode() {
        assertEquals("https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}",
                template(OtpButtonType.COPY_CODE, "com.example.app", "abc", true, 3).buttonUrl());
    }

    @Test
    void aOneTapButtonNamesTheAppWithItsValuesEncoded() {
        assertEquals("https://www.whatsapp.com/otp/code/?otp_type=ONE_TAP&package_name=com.example.app"
                        + "&signature_hash=K8a%2FAINcGX7%3D&code=otp{{1}}",
                template(OtpButtonType.ONE_TAP, "com.example.app", "K8a/AINcGX7=", true, 3).buttonUrl());
    }

    @Test
    void withStatusChangesTheStatusAndUpdateTimeOnly() {
        WhatsAppTemplate pending = template(OtpButtonType.COPY_CODE, null, null, true, 3);
        Instant later = pending.createdAt().plusSeconds(2);

        WhatsAppTemplate approved = pending.withStatus(ReviewStatus.APPROVED, later);

        assertEquals(new WhatsAppTemplate("t-1", "acme", "otp_login", "en", OtpButtonType.COPY_CODE, null, null,
                true, 3, null, null, ReviewStatus.APPROVED, pending.createdAt(), later), approved);
    }
}
