package io.twofakit.server.domain.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ForbiddenException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.domain.clock.AccountClocks;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.OtpButtonType;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.ReviewStatus;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.JdbiProfileStore;
import io.twofakit.server.store.JdbiWhatsAppConfigurationStore;
import io.twofakit.server.store.JdbiWhatsAppTemplateStore;
import io.twofakit.server.support.H2Databases;
import io.twofakit.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WhatsAppTemplateServiceTest {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00.123456Z");
    private static final Duration REVIEW = Duration.ofSeconds(2);
    private static final UUID WHATSAPP_ACCOUNT = UUID.fromString("289a1c20-06c5-4964-b32d-24d214a78ae5");

    private Database database;
    private MutableClock clock;
    private WhatsAppConfigurationService configurations;
    private WhatsAppTemplateService templates;

    @BeforeEach
    void openDatabase() {
        database = H2Databases.withAccounts("acme", "other", "unconfigured");
        clock = new MutableClock(START);
        configurations = new WhatsAppConfigurationService(new JdbiWhatsAppConfigurationStore(database),
                AccountClocks.shared(clock));
        templates = service(REVIEW);
        configurations.create("acme", WHATSAPP_ACCOUNT);
        configurations.create("other", UUID.randomUUID());
    }

    private WhatsAppTemplateService service(Duration reviewDelay) {
        return new WhatsAppTemplateService(new JdbiWhatsAppTemplateStore(database), configurations,
                new WhatsAppReview(AccountClocks.shared(clock), reviewDelay), AccountClocks.shared(clock),
                new JdbiProfileStore(database));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static WhatsAppTemplateDraft copyCode(String name, String language) {
        return new WhatsAppTemplateDraft(name, language, null, null, null, null, null, null, null);
    }

    private static WhatsAppTemplateDraft oneTap(String packageName, String signatureHash) {
        return new WhatsAppTemplateDraft("otp_app", "en", OtpButtonType.ONE_TAP, packageName, signatureHash, false,
                10, "Fill in", "Copy");
    }

    private List<WhatsAppTemplate> search(String name, String language) {
        return templates.search("acme", name, language).templates();
    }

    @Test
    void aSubmittedTemplateStartsPendingWithTheDefaults() {
        WhatsAppTemplate submitted = templates.submit("acme", copyCode("otp_login", "en_US")).template();

        Instant now = START.truncatedTo(ChronoUnit.MILLIS);
        assertEquals(new WhatsAppTemplate(submitted.templateId(), "acme", "otp_login", "en_US",
                OtpButtonType.COPY_CODE, null, null, true, 3, null, null, ReviewStatus.PENDING, now, now), submitted);
        assertEquals(List.of(submitted), search(null, null));
    }

    @Test
    void aOneTapTemplateKeepsWhatWasGiven() {
        WhatsAppTemplate submitted = templates.submit("acme", oneTap("com.example.app", "K8a/AINcGX7")).template();

        assertEquals(OtpButtonType.ONE_TAP, submitted.otpType());
        assertEquals("com.example.app", submitted.packageName());
        assertEquals("K8a/AINcGX7", submitted.signatureHash());
        assertEquals(false, submitted.addSecurityRecommendation());
        assertEquals(10, submitted.codeExpirationMinutes());
        assertEquals("Fill in", submitted.autofillButtonText());
        assertEquals("Copy", submitted.copyButtonText());
    }

    @Test
    void aOneTapTemplateNeedsPackageNameAndSignatureHashEachNamed() {
        assertEquals(List.of(
                        new Violation("packageName", "must not be blank when otpType is ONE_TAP"),
                        new Violation("signatureHash", "must not be blank when otpType is ONE_TAP")),
                assertThrows(ValidationFailedException.class, () -> templates.submit("acme", oneTap(null, " ")))
                        .violations());
        assertEquals(List.of("signatureHash"), assertThrows(ValidationFailedException.class,
                () -> templates.submit("acme", oneTap("com.example.app", null))).violations().stream()
                .map(Violation::field).toList());
        assertEquals(List.of("packageName"), assertThrows(ValidationFailedException.class,
                () -> templates.submit("acme", oneTap("", "hash"))).violations().stream()
                .map(Violation::field).toList());
        assertTrue(search(null, null).isEmpty());
    }

    @Test
    void aTemplateBreakingTheFieldRulesIsRefusedNamingEachField() {
        WhatsAppTemplateDraft bad = new WhatsAppTemplateDraft("Otp-Login", null, OtpButtonType.COPY_CODE, null, null,
                null, 91, "x".repeat(26), "y".repeat(26));
        List<String> fields = assertThrows(ValidationFailedException.class, () -> templates.submit("acme", bad))
                .violations().stream().map(Violation::field).toList();
        assertEquals(List.of("name", "language", "codeExpirationTime", "autofillButtonText", "copyButtonText"), fields);
    }

    @Test
    void withoutAConfigurationSubmittingSearchingAndDeletingAreForbidden() {
        assertThrows(ForbiddenException.class, () -> templates.submit("unconfigured", copyCode("otp_login", "en")));
        assertThrows(ForbiddenException.class, () -> templates.search("unconfigured", null, null));
        assertThrows(ForbiddenException.class, () -> templates.delete("unconfigured", "any"));
        assertEquals(List.of(), templates.listAll("unconfigured"));
    }

    @Test
    void submittingTheSameTemplateAgainReturnsTheStoredOneUnchanged() {
        WhatsAppTemplate first = templates.submit("acme", copyCode("otp_login", "en")).template();
        clock.advance(Duration.ofSeconds(1));

        WhatsAppTemplateService.Submission again = templates.submit("acme", copyCode("otp_login", "en"));

        assertTrue(again.alreadySubmitted());
        assertEquals(first.templateId(), again.template().templateId());
        assertEquals(first.createdAt(), again.template().createdAt());
        assertEquals(1, search("otp_login", "en").size());
    }

    @Test
    void aNameAndLanguageAreUniquePerAccount() {
        templates.submit("acme", copyCode("otp_login", "en"));
        WhatsAppTemplateDraft otherContent = oneTap("com.example.app", "K8a/AINcGX7");

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> templates.submit("acme", new WhatsAppTemplateDraft("otp_login", "en", otherContent.otpType(),
                        otherContent.packageName(), otherContent.signatureHash(), null, null, null, null)));
        assertEquals("Template with name otp_login and language en already exists in WHATSAPP channel."
                + " Template name must be unique per language.", conflict.detail());
        assertEquals(Map.of("templateName", "otp_login"), conflict.properties());

        templates.submit("acme", copyCode("otp_login", "de"));
        templates.submit("other", copyCode("otp_login", "en"));
        assertEquals(2, search("otp_login", null).size());
    }

    @Test
    void theReviewApprovesOnceItsDelayHasPassedAndStoresTheDecision() {
        WhatsAppTemplate submitted = templates.submit("acme", copyCode("otp_login", "en")).template();

        clock.advance(REVIEW.minusMillis(1));
        assertEquals(ReviewStatus.PENDING, search("otp_login", "en").get(0).status());

        clock.advance(Duration.ofMillis(1));
        WhatsAppTemplate approved = search("otp_login", "en").get(0);
        assertEquals(ReviewStatus.APPROVED, approved.status());
        assertEquals(submitted.createdAt(), approved.createdAt());
        assertEquals(submitted.createdAt().plus(REVIEW), approved.updatedAt());

        // the decision is stored: a service that has not seen it yet, with a slower review, reads it as decided
        WhatsAppTemplate reread = service(Duration.ofHours(1)).search("acme", "otp_login", "en").templates().get(0);
        assertEquals(approved, reread);
    }

    @Test
    void everyWayOfReadingShowsTheReviewsDecision() {
        templates.submit("acme", copyCode("otp_login", "en"));
        clock.advance(REVIEW);

        assertEquals(ReviewStatus.APPROVED, templates.listAll("acme").get(0).status());
        assertEquals(ReviewStatus.APPROVED, templates.find("acme", "otp_login", "en").orElseThrow().status());
        assertTrue(templates.find("acme", "otp_login", "de").isEmpty());
    }

    @Test
    void searchFollowsTheFourRules() {
        WhatsAppTemplate loginEn = templates.submit("acme", copyCode("otp_login", "en")).template();
        WhatsAppTemplate loginDe = templates.submit("acme", copyCode("otp_login", "de")).template();
        WhatsAppTemplate signupEn = templates.submit("acme", copyCode("otp_signup", "en")).template();
        templates.submit("other", copyCode("otp_other", "en"));

        assertEquals(List.of(loginEn, loginDe, signupEn), search(null, null));
        assertEquals(List.of(loginEn, loginDe, signupEn), search("", " "));
        assertEquals(List.of(loginEn, loginDe), search("otp_login", null));
        assertEquals(List.of(loginDe), search("otp_login", "de"));
        assertEquals(List.of(loginEn, signupEn), search(null, "en"));
        assertEquals(List.of(), search(null, "fr"));
        assertEquals(WHATSAPP_ACCOUNT, templates.search("acme", null, null).whatsAppAccountId());
    }

    @Test
    void aNameThatMatchesNothingIsNotFoundAlsoWhenTheLanguageNarrowsItToNothing() {
        templates.submit("acme", copyCode("otp_login", "en"));

        assertNotFoundByName("otp_none", null);
        assertNotFoundByName("otp_login", "de");
    }

    private void assertNotFoundByName(String name, String language) {
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> search(name, language));
        assertEquals(ResourceNotFoundException.Kind.WHATSAPP_TEMPLATE, missing.kind());
        assertEquals(ResourceNotFoundException.Lookup.NAME, missing.lookup());
        assertEquals(name, missing.id());
    }

    @Test
    void deleteRemovesTheTemplateOnceAndOnlyInItsAccount() {
        WhatsAppTemplate submitted = templates.submit("acme", copyCode("otp_login", "en")).template();

        ResourceNotFoundException foreign = assertThrows(ResourceNotFoundException.class,
                () -> templates.delete("other", submitted.templateId()));
        assertEquals(ResourceNotFoundException.Lookup.ID, foreign.lookup());
        assertEquals(1, search(null, null).size());

        templates.delete("acme", submitted.templateId());
        assertTrue(search(null, null).isEmpty());
        ResourceNotFoundException again = assertThrows(ResourceNotFoundException.class,
                () -> templates.delete("acme", submitted.templateId()));
        assertEquals(submitted.templateId(), again.id());
        templates.submit("acme", copyCode("otp_login", "en"));
    }

    @Test
    void anotherAccountDoesNotSeeTheTemplates() {
        templates.submit("acme", copyCode("otp_login", "en"));

        assertTrue(templates.search("other", null, null).templates().isEmpty());
        assertThrows(ResourceNotFoundException.class, () -> templates.search("other", "otp_login", null));
        assertTrue(templates.listAll("other").isEmpty());
    }
}
