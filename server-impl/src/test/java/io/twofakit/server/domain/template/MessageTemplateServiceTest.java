package io.twofakit.server.domain.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.JdbiProfileStore;
import io.twofakit.server.store.JdbiTemplateStore;
import io.twofakit.server.support.H2Databases;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageTemplateServiceTest {

    private static final String MESSAGE = "Your code is {{otp_code}}.";

    private Database database;
    private MessageTemplateService templates;

    @BeforeEach
    void openDatabase() {
        database = H2Databases.withAccounts("acme", "other");
        templates = new MessageTemplateService(new JdbiTemplateStore(database), new JdbiProfileStore(database));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private MessageTemplate create(Channel channel, String name, String language) {
        return templates.create("acme", channel, new TemplateDraft(name, language, MESSAGE, null));
    }

    private static List<Violation> violations(Executable call) {
        return assertThrows(ValidationFailedException.class, call).violations();
    }

    @ParameterizedTest
    @EnumSource(names = {"SMS", "VIBER", "VOICE"})
    void aCreatedTemplateIsReadBackWithTheDefaultExpiry(Channel channel) {
        MessageTemplate created = create(channel, "welcome", "en_US");

        MessageTemplate read = templates.read("acme", channel, created.id());
        assertEquals(new MessageTemplate(created.id(), "acme", channel, "welcome", "en_US", MESSAGE, 3), read);
    }

    @Test
    void aGivenExpiryIsKept() {
        MessageTemplate created = templates.create("acme", Channel.SMS, new TemplateDraft("welcome", "en", MESSAGE, 10));
        assertEquals(10, templates.read("acme", Channel.SMS, created.id()).codeExpirationMinutes());
    }

    @Test
    void aSecondTemplateOfOneNameInOneChannelIsAConflictNamingIt() {
        create(Channel.SMS, "welcome", "en");

        ConflictException conflict = assertThrows(ConflictException.class, () -> create(Channel.SMS, "welcome", "de"));
        assertEquals("Template with name welcome already exists in SMS channel. Template name must be unique.",
                conflict.detail());
        assertEquals(Map.of("templateName", "welcome"), conflict.properties());
    }

    @Test
    void theConflictNamesTheChannel() {
        create(Channel.VOICE, "welcome", "en");

        ConflictException conflict = assertThrows(ConflictException.class, () -> create(Channel.VOICE, "welcome", "en"));
        assertTrue(conflict.detail().contains(" in VOICE channel."), conflict.detail());
    }

    @Test
    void oneNameMayBeUsedInEveryChannelAndByEveryAccount() {
        create(Channel.SMS, "welcome", "en");
        create(Channel.VIBER, "welcome", "en");
        create(Channel.VOICE, "welcome", "en");
        templates.create("other", Channel.SMS, new TemplateDraft("welcome", "en", MESSAGE, null));

        assertEquals(3, templates.listAllChannels("acme").size());
        assertEquals(1, templates.listAllChannels("other").size());
    }

    @Test
    void aNewTemplateBreakingTheRulesIsRefusedNamingEveryBadField() {
        List<Violation> violations = violations(() -> templates.create("acme", Channel.SMS,
                new TemplateDraft("x".repeat(257), null, "no placeholder", 0)));

        assertEquals(List.of("name", "language", "message", "codeExpirationTime"),
                violations.stream().map(Violation::field).toList());
        assertTrue(templates.listAllChannels("acme").isEmpty());
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        String longMessage = "{{otp_code}}" + "x".repeat(500);
        MessageTemplate created = templates.create("acme", Channel.SMS,
                new TemplateDraft("n".repeat(256), "en", longMessage, 1));
        assertEquals(512, templates.read("acme", Channel.SMS, created.id()).message().length());
    }

    @Test
    void aMessageLongerThan512CharactersIsRefused() {
        List<Violation> violations = violations(() -> templates.create("acme", Channel.VIBER,
                new TemplateDraft("long", "en", "{{otp_code}}" + "x".repeat(501), null)));
        assertEquals(List.of(new Violation("message", "size must be between 0 and 512")), violations);
    }

    @Test
    void aBlankNameIsRefused() {
        assertEquals(List.of(new Violation("name", "must not be blank")),
                violations(() -> templates.create("acme", Channel.SMS, new TemplateDraft(" ", "en", MESSAGE, null))));
    }

    @Test
    void listFiltersByNameAndLanguageAndTreatsBlankFiltersAsAbsent() {
        MessageTemplate loginEn = create(Channel.SMS, "login", "en");
        MessageTemplate signupDe = create(Channel.SMS, "signup", "de");
        create(Channel.VIBER, "login", "en");

        assertEquals(List.of(loginEn, signupDe), templates.list("acme", Channel.SMS, null, null));
        assertEquals(List.of(loginEn, signupDe), templates.list("acme", Channel.SMS, "", " "));
        assertEquals(List.of(loginEn), templates.list("acme", Channel.SMS, "login", null));
        assertEquals(List.of(signupDe), templates.list("acme", Channel.SMS, null, "de"));
        assertEquals(List.of(), templates.list("acme", Channel.SMS, "login", "de"));
    }

    @Test
    void aPatchChangesOnlyTheGivenFields() {
        MessageTemplate created = create(Channel.SMS, "welcome", "en");

        templates.patch("acme", Channel.SMS, created.id(), new TemplateChanges(null, "New {{otp_code}}", null));
        assertEquals(new MessageTemplate(created.id(), "acme", Channel.SMS, "welcome", "en", "New {{otp_code}}", 3),
                templates.read("acme", Channel.SMS, created.id()));

        templates.patch("acme", Channel.SMS, created.id(), new TemplateChanges("hello", null, 7));
        assertEquals(new MessageTemplate(created.id(), "acme", Channel.SMS, "hello", "en", "New {{otp_code}}", 7),
                templates.read("acme", Channel.SMS, created.id()));
    }

    @Test
    void anEmptyPatchChangesNothing() {
        MessageTemplate created = create(Channel.VOICE, "welcome", "en");
        templates.patch("acme", Channel.VOICE, created.id(), new TemplateChanges(null, null, null));
        assertEquals(created, templates.read("acme", Channel.VOICE, created.id()));
    }

    @Test
    void renamingOntoATakenNameIsAConflictButKeepingOnesOwnNameIsNot() {
        create(Channel.SMS, "first", "en");
        MessageTemplate second = create(Channel.SMS, "second", "en");

        ConflictException conflict = assertThrows(ConflictException.class, () -> templates.patch("acme",
                Channel.SMS, second.id(), new TemplateChanges("first", null, null)));
        assertEquals(Map.of("templateName", "first"), conflict.properties());
        assertEquals("second", templates.read("acme", Channel.SMS, second.id()).name());

        templates.patch("acme", Channel.SMS, second.id(), new TemplateChanges("second", null, 4));
        assertEquals(4, templates.read("acme", Channel.SMS, second.id()).codeExpirationMinutes());
    }

    @Test
    void aPatchBreakingTheRulesIsRefusedAndChangesNothing() {
        MessageTemplate created = create(Channel.VIBER, "welcome", "en");

        List<Violation> violations = violations(() -> templates.patch("acme", Channel.VIBER, created.id(),
                new TemplateChanges("", "no placeholder", 0)));
        assertEquals(List.of("name", "message", "codeExpirationTime"), violations.stream().map(Violation::field).toList());
        assertEquals(created, templates.read("acme", Channel.VIBER, created.id()));
    }

    @Test
    void anUnknownIdIsNotFoundForReadPatchAndDelete() {
        UUID unknown = UUID.randomUUID();
        for (Executable call : List.<Executable>of(
                () -> templates.read("acme", Channel.SMS, unknown),
                () -> templates.patch("acme", Channel.SMS, unknown, new TemplateChanges("x", null, null)),
                () -> templates.delete("acme", Channel.SMS, unknown))) {
            ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, call);
            assertEquals(ResourceNotFoundException.Kind.TEMPLATE, missing.kind());
            assertEquals(unknown.toString(), missing.id());
        }
    }

    @Test
    void anotherAccountNeitherSeesNorChangesNorDeletesATemplate() {
        MessageTemplate created = create(Channel.SMS, "welcome", "en");

        assertThrows(ResourceNotFoundException.class, () -> templates.read("other", Channel.SMS, created.id()));
        assertThrows(ResourceNotFoundException.class, () -> templates.patch("other", Channel.SMS, created.id(),
                new TemplateChanges("stolen", null, null)));
        assertThrows(ResourceNotFoundException.class, () -> templates.delete("other", Channel.SMS, created.id()));
        assertTrue(templates.list("other", Channel.SMS, null, null).isEmpty());
        assertEquals(created, templates.read("acme", Channel.SMS, created.id()));
    }

    @Test
    void aTemplateIsOnlyFoundInItsOwnChannel() {
        MessageTemplate created = create(Channel.SMS, "welcome", "en");
        assertThrows(ResourceNotFoundException.class, () -> templates.read("acme", Channel.VIBER, created.id()));
        assertThrows(ResourceNotFoundException.class, () -> templates.delete("acme", Channel.VOICE, created.id()));
    }

    @Test
    void aDeletedTemplateIsGoneAndItsNameFree() {
        MessageTemplate created = create(Channel.SMS, "welcome", "en");

        templates.delete("acme", Channel.SMS, created.id());

        assertThrows(ResourceNotFoundException.class, () -> templates.read("acme", Channel.SMS, created.id()));
        assertThrows(ResourceNotFoundException.class, () -> templates.delete("acme", Channel.SMS, created.id()));
        create(Channel.SMS, "welcome", "en");
    }

    @Test
    void whatsAppIsNotAChannelOfTextTemplates() {
        assertThrows(IllegalArgumentException.class, () -> create(Channel.WHATSAPP, "welcome", "en"));
    }
}
