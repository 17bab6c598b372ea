package io.twofakit.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.NameAlreadyTakenException;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.OtpButtonType;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.ReviewStatus;
import io.twofakit.server.support.Concurrently;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

class JdbiWhatsAppTemplateStoreTest {

    private static final Instant SUBMITTED = Instant.parse("2024-03-01T10:15:30.123Z");

    private static JdbiWhatsAppTemplateStore store(Database database) {
        database.registerAccounts(List.of("acme", "other"), Clock.systemUTC());
        return new JdbiWhatsAppTemplateStore(database);
    }

    private static WhatsAppTemplate copyCode(String account, String name, String language) {
        return new WhatsAppTemplate(UUID.randomUUID().toString(), account, name, language, OtpButtonType.COPY_CODE,
                null, null, true, 3, null, null, ReviewStatus.PENDING, SUBMITTED, SUBMITTED);
    }

    @DatabaseTest
    void aStoredTemplateIsFoundWithEveryField(Database database) {
        JdbiWhatsAppTemplateStore store = store(database);
        WhatsAppTemplate oneTap = new WhatsAppTemplate("t-1", "acme", "otp_login", "en_US", OtpButtonType.ONE_TAP,
                "com.example.app", "K8a/AINcGX7", false, 10, "Fill in", "Copy it", ReviewStatus.PENDING,
                SUBMITTED, SUBMITTED.plusMillis(1));
        store.insert(oneTap);

        assertEquals(Optional.of(oneTap), store.find("acme", "t-1"));
        assertEquals(Optional.of(oneTap), store.findByNameAndLanguage("acme", "otp_login", "en_US"));
    }

    @DatabaseTest
    void optionalFieldsStayEmpty(Database database) {
        JdbiWhatsAppTemplateStore store = store(database);
        WhatsAppTemplate plain = copyCode("acme", "otp_plain", "de");
        store.insert(plain);

        assertEquals(Optional.of(plain), store.find("acme", plain.templateId()));
    }

    @DatabaseTest
    void aTemplateIsFoundOnlyInItsAccount(Database database) {
        JdbiWhatsAppTemplateStore store = store(database);
        WhatsAppTemplate template = copyCode("acme", "otp_login", "en");
        store.insert(template);

        assertTrue(store.find("other", template.templateId()).isEmpty());
        assertTrue(store.findByNameAndLanguage("other", "otp_login", "en").isEmpty());
        assertTrue(store.search("other", null, null).isEmpty());
        assertFalse(store.delete("other", template.templateId()));
        store.updateStatus("other", template.templateId(), ReviewStatus.REJECTED, SUBMITTED.plusSeconds(1));
        assertEquals(Optional.of(template), store.find("acme", template.templateId()));
    }

    @DatabaseTest
    void aNameIsUniquePerLanguageAndAccount(Database database) {
        JdbiWhatsAppTemplateStore store = store(database);
        store.insert(copyCode("acme", "otp_login", "en"));

        NameAlreadyTakenException taken = assertThrows(NameAlreadyTakenException.class,
                () -> store.insert(copyCode("acme", "otp_login", "en")));
        assertEquals("otp_login", taken.name());
        store.insert(copyCode("acme", "otp_login", "de"));
        store.insert(copyCode("other", "otp_login", "en"));
        assertEquals(2, store.search("acme", "otp_login", null).size());
    }

    @DatabaseTest
    void ofTwoConcurrentSubmissionsOfOneNameAndLanguageExactlyOneIsStored(Database database) {
        JdbiWhatsAppTemplateStore store = store(database);
        List<Throwable> outcomes = Concurrently.run(List.of(
                () -> store.insert(copyCode("acme", "otp_race", "en")),
                () -> store.insert(copyCode("acme", "otp_race", "en"))));

        assertEquals(1, outcomes.stream().filter(o -> o == null).count(), outcomes::toString);
        assertInstanceOf(NameAlreadyTakenException.class,
                outcomes.stream().filter(o -> o != null).findFirst().orElseThrow());
        assertEquals(1, store.search("acme", "otp_race", "en").size());
    }

    @DatabaseTest
    void searchFollowsTheFourRulesOldestFirst(Database database) {
        JdbiWhatsAppTemplateStore store = store(database);
        WhatsAppTemplate loginEn = copyCode("acme", "otp_login", "en");
        WhatsAppTemplate loginDe = copyCode("acme", "otp_login", "de");
        WhatsAppTemplate signupEn = copyCode("acme", "otp_signup", "en");
        for (WhatsAppTemplate t : List.of(loginEn, loginDe, signupEn)) {
            store.insert(t);
        }

        assertEquals(List.of(loginEn, loginDe, signupEn), store.search("acme", null, null));
        assertEquals(List.of(loginEn, loginDe), store.search("acme", "otp_login", null));
        assertEquals(List.of(loginDe), store.search("acme", "otp_login", "de"));
        assertEquals(List.of(loginEn, signupEn), store.search("acme", null, "en"));
        assertEquals(List.of(), store.search("acme", "otp_none", null));
    }

    @DatabaseTest
    void updateStatusStoresTheDecisionAndItsTime(Database database) {
        JdbiWhatsAppTemplateStore store = store(database);
        WhatsAppTemplate template = copyCode("acme", "otp_login", "en");
        store.insert(template);

        Instant approvedAt = SUBMITTED.plusSeconds(2);
        store.updateStatus("acme", template.templateId(), ReviewStatus.APPROVED, approvedAt);

        assertEquals(Optional.of(template.withStatus(ReviewStatus.APPROVED, approvedAt)),
                store.find("acme", template.templateId()));
    }

    @DatabaseTest
    void deleteRemovesOnce(Database database) {
        JdbiWhatsAppTemplateStore store = store(database);
        WhatsAppTemplate template = copyCode("acme", "otp_login", "en");
        store.insert(template);

        assertTrue(store.delete("acme", template.templateId()));
        assertFalse(store.delete("acme", template.templateId()));
        assertTrue(store.find("acme", template.templateId()).isEmpty());
    }

    @DatabaseTest
    void keysLongerThanTheirColumnsFindNothingRatherThanFailing(Database database) {
        JdbiWhatsAppTemplateStore store = store(database);
        store.insert(copyCode("acme", "otp_login", "en"));

        String huge = "x".repeat(5000);
        assertTrue(store.find("acme", huge).isEmpty());
        assertFalse(store.delete("acme", huge));
        assertEquals(List.of(), store.search("acme", huge, huge));
        assertTrue(store.findByNameAndLanguage("acme", huge, huge).isEmpty());
    }
}
