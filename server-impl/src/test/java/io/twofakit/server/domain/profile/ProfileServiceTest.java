package io.twofakit.server.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.clock.AccountClocks;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.ForbiddenException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.domain.template.MessageTemplateService;
import io.twofakit.server.domain.template.TemplateChanges;
import io.twofakit.server.domain.template.TemplateDraft;
import io.twofakit.server.domain.whatsapp.WhatsAppConfigurationService;
import io.twofakit.server.domain.whatsapp.WhatsAppReview;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateDraft;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateService;
import io.twofakit.server.store.Database;
import io.twofakit.server.store.JdbiProfileStore;
import io.twofakit.server.store.JdbiTemplateStore;
import io.twofakit.server.store.JdbiWhatsAppConfigurationStore;
import io.twofakit.server.store.JdbiWhatsAppTemplateStore;
import io.twofakit.server.support.H2Databases;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProfileServiceTest {

    private static final String ACCOUNT = "acme";
    private static final String OTHER = "other";
    private static final String MESSAGE = "Your code is {{otp_code}}";

    private Database database;
    private MessageTemplateService templates;
    private WhatsAppConfigurationService whatsAppConfigurations;
    private WhatsAppTemplateService whatsAppTemplates;
    private ProfileService profiles;

    @BeforeEach
    void open() {
        database = H2Databases.withAccounts(ACCOUNT, OTHER);
        AccountClocks clock = AccountClocks.shared(Clock.systemUTC());
        JdbiProfileStore profileStore = new JdbiProfileStore(database);
        JdbiTemplateStore templateStore = new JdbiTemplateStore(database);
        JdbiWhatsAppTemplateStore whatsAppTemplateStore = new JdbiWhatsAppTemplateStore(database);
        templates = new MessageTemplateService(templateStore, profileStore);
        whatsAppConfigurations = new WhatsAppConfigurationService(new JdbiWhatsAppConfigurationStore(database), clock);
        whatsAppTemplates = new WhatsAppTemplateService(whatsAppTemplateStore, whatsAppConfigurations,
                new WhatsAppReview(clock, Duration.ofSeconds(1)), clock, profileStore);
        profiles = new ProfileService(profileStore, templateStore, whatsAppTemplateStore, whatsAppConfigurations);

        sms("welcome_sms", "en_US");
        sms("welcome_sms_es", "es");
        template(Channel.VOICE, "welcome_call", "en");
        template(Channel.VIBER, "welcome_viber", "de");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private MessageTemplate sms(String name, String language) {
        return template(Channel.SMS, name, language);
    }

    private MessageTemplate template(Channel channel, String name, String language) {
        return templates.create(ACCOUNT, channel, new TemplateDraft(name, language, MESSAGE, null));
    }

    private WhatsAppTemplate whatsApp(String name, String language) {
        return whatsAppTemplates.submit(ACCOUNT, new WhatsAppTemplateDraft(name, language, null, null, null, null, null, null, null))
                .template();
    }

    private static ProfileChannel channel(Channel channel, TemplateRef... templates) {
        return new ProfileChannel(channel, List.of(templates));
    }

    private static TemplateRef ref(String name, String language) {
        return new TemplateRef(name, language);
    }

    private UUID create(String name, ProfileChannel... channels) {
        return profiles.create(ACCOUNT, new NewProfile(name, null, null, null, List.of(channels)));
    }

    @Test
    void aProfileGetsTheDefaultsForWhatIsNotGiven() {
        UUID id = create("register", channel(Channel.SMS, ref("welcome_sms", "en_US")));

        assertEquals(new Profile(id, ACCOUNT, "register", 3, 6, false, List.of(channel(Channel.SMS, ref("welcome_sms", "en_US")))),
                profiles.read(ACCOUNT, id));
    }

    @Test
    void aProfileKeepsItsSettingsAndTheOrderOfItsChannels() {
        UUID id = profiles.create(ACCOUNT, new NewProfile("login", 10, 11, true, List.of(
                channel(Channel.VOICE, ref("welcome_call", "en")),
                channel(Channel.SMS, ref("welcome_sms_es", "es"), ref("welcome_sms", "en_US")),
                channel(Channel.VIBER))));

        assertEquals(new Profile(id, ACCOUNT, "login", 10, 11, true, List.of(
                        channel(Channel.VOICE, ref("welcome_call", "en")),
                        channel(Channel.SMS, ref("welcome_sms_es", "es"), ref("welcome_sms", "en_US")),
                        channel(Channel.VIBER))),
                profiles.read(ACCOUNT, id));
    }

    @Test
    void settingsOutsideTheirRangesAreRefused() {
        assertEquals(List.of(new Violation("attempts", "must be between 1 and 10"),
                        new Violation("otpCodeLength", "must be between 4 and 11")),
                violations(() -> profiles.create(ACCOUNT, new NewProfile("p", 0, 12, null, List.of()))));
        assertEquals(List.of(new Violation("attempts", "must be between 1 and 10"),
                        new Violation("otpCodeLength", "must be between 4 and 11")),
                violations(() -> profiles.create(ACCOUNT, new NewProfile("p", 11, 3, null, List.of()))));
        assertEquals(List.of(new Violation("name", "must not be blank"), new Violation("channels", "must not be null")),
                violations(() -> profiles.create(ACCOUNT, new NewProfile("", null, null, null, null))));
        assertEquals(List.of(new Violation("name", "size must be between 1 and 256")),
                violations(() -> create("p".repeat(257))));
    }

    @Test
    void aSecondProfileOfTheSameNameIsAConflictNamingIt() {
        create("twice");

        ConflictException conflict = assertThrows(ConflictException.class, () -> create("twice"));
        assertEquals("Profile with name twice already exists. Profile name must be unique.", conflict.detail());
        assertEquals(Map.of("profileName", "twice"), conflict.properties());
        profiles.create(OTHER, new NewProfile("twice", null, null, null, List.of()));
    }

    @Test
    void everyTemplateThatDoesNotExistInItsChannelIsNamed() {
        assertEquals(List.of(
                        new Violation("channels[0].templates[1].name", "SMS template missing_sms does not exist"),
                        new Violation("channels[1].templates[0].name", "VOICE template welcome_sms does not exist")),
                violations(() -> create("p",
                        channel(Channel.SMS, ref("welcome_sms", "en_US"), ref("missing_sms", "en")),
                        channel(Channel.VOICE, ref("welcome_sms", "en_US")))));
        assertEquals(List.of(), profiles.list(ACCOUNT, null));
    }

    @Test
    void aTextTemplateServesTheLanguageTheProfileGivesIt() {
        UUID id = create("p", channel(Channel.SMS, ref("welcome_sms", "en_GB")));

        assertEquals(List.of(channel(Channel.SMS, ref("welcome_sms", "en_GB"))), profiles.read(ACCOUNT, id).channels());
    }

    @Test
    void anotherAccountsTemplateDoesNotExist() {
        templates.create(OTHER, Channel.SMS, new TemplateDraft("theirs", "en", MESSAGE, null));

        assertEquals(List.of(new Violation("channels[0].templates[0].name", "SMS template theirs does not exist")),
                violations(() -> create("p", channel(Channel.SMS, ref("theirs", "en")))));
    }

    @Test
    void twoTemplatesOfOneLanguageInOneChannelAreAConflictNamingChannelAndLanguage() {
        sms("welcome_sms_2", "en");

        ConflictException conflict = assertThrows(ConflictException.class, () -> create("p",
                channel(Channel.SMS, ref("welcome_sms", "en_US"), ref("welcome_sms_2", "en_US"))));
        assertEquals("Template with language en_US for SMS channel already exists. Only one language per channel is allowed.",
                conflict.detail());
        assertEquals(Map.of("channel", "SMS", "language", "en_US"), conflict.properties());
        assertEquals(List.of(), profiles.list(ACCOUNT, null));
    }

    @Test
    void entriesOfOneChannelGivenTwiceAreMergedIntoTheFirst() {
        UUID id = create("p",
                channel(Channel.SMS, ref("welcome_sms", "en_US")),
                channel(Channel.VOICE, ref("welcome_call", "en")),
                channel(Channel.SMS, ref("welcome_sms_es", "es")));

        assertEquals(List.of(
                        channel(Channel.SMS, ref("welcome_sms", "en_US"), ref("welcome_sms_es", "es")),
                        channel(Channel.VOICE, ref("welcome_call", "en"))),
                profiles.read(ACCOUNT, id).channels());
        assertThrows(ConflictException.class, () -> create("q",
                channel(Channel.SMS, ref("welcome_sms", "en_US")),
                channel(Channel.SMS, ref("welcome_sms_es", "en_US"))));
    }

    @Test
    void aWhatsAppChannelNeedsTheWhatsAppConfiguration() {
        ForbiddenException forbidden = assertThrows(ForbiddenException.class, () -> create("p",
                channel(Channel.WHATSAPP, ref("welcome_wa", "en"))));
        assertEquals("Missing WhatsApp Configuration", forbidden.title());
        assertEquals("Account is not allowed to use WhatsApp functionality", forbidden.detail());
    }

    @Test
    void aWhatsAppTemplateIsFoundByNameAndLanguage() {
        whatsAppConfigurations.create(ACCOUNT, UUID.randomUUID());
        whatsApp("welcome_wa", "en");

        UUID id = create("p", channel(Channel.WHATSAPP, ref("welcome_wa", "en")));
        assertEquals(List.of(channel(Channel.WHATSAPP, ref("welcome_wa", "en"))), profiles.read(ACCOUNT, id).channels());
        assertEquals(List.of(new Violation("channels[0].templates[0].name",
                        "WHATSAPP template welcome_wa in language de does not exist")),
                violations(() -> create("q", channel(Channel.WHATSAPP, ref("welcome_wa", "de")))));
    }

    @Test
    void aPatchChangesOnlyTheGivenFieldsAndGivenChannelsReplaceAll() {
        UUID id = profiles.create(ACCOUNT, new NewProfile("before", 5, 8, true, List.of(channel(Channel.SMS, ref("welcome_sms", "en")))));

        profiles.patch(ACCOUNT, id, new ProfileChanges("after", null, null, null, null));
        assertEquals(new Profile(id, ACCOUNT, "after", 5, 8, true, List.of(channel(Channel.SMS, ref("welcome_sms", "en")))),
                profiles.read(ACCOUNT, id));

        profiles.patch(ACCOUNT, id, new ProfileChanges(null, 1, 4, false, List.of(channel(Channel.VOICE, ref("welcome_call", "en")))));
        assertEquals(new Profile(id, ACCOUNT, "after", 1, 4, false, List.of(channel(Channel.VOICE, ref("welcome_call", "en")))),
                profiles.read(ACCOUNT, id));

        profiles.patch(ACCOUNT, id, new ProfileChanges(null, null, null, null, List.of()));
        assertEquals(List.of(), profiles.read(ACCOUNT, id).channels());
    }

    @Test
    void aPatchFollowsTheRulesOfCreationAndChangesNothingWhenItBreaksOne() {
        create("taken");
        UUID id = create("mine", channel(Channel.SMS, ref("welcome_sms", "en")));
        Profile before = profiles.read(ACCOUNT, id);

        assertEquals(Map.of("profileName", "taken"), assertThrows(ConflictException.class,
                () -> profiles.patch(ACCOUNT, id, new ProfileChanges("taken", null, null, null, null))).properties());
        assertEquals(List.of(new Violation("attempts", "must be between 1 and 10"),
                        new Violation("channels[0].templates[0].name", "VIBER template nope does not exist")),
                violations(() -> profiles.patch(ACCOUNT, id, new ProfileChanges(null, 0, null, null,
                        List.of(channel(Channel.VIBER, ref("nope", "en")))))));
        assertThrows(ForbiddenException.class, () -> profiles.patch(ACCOUNT, id, new ProfileChanges(null, null, null, null,
                List.of(channel(Channel.WHATSAPP)))));
        assertThrows(ConflictException.class, () -> profiles.patch(ACCOUNT, id, new ProfileChanges(null, null, null, null,
                List.of(channel(Channel.SMS, ref("welcome_sms", "en"), ref("welcome_sms_es", "en"))))));
        assertEquals(before, profiles.read(ACCOUNT, id));
    }

    @Test
    void addedTemplatesJoinTheirChannelOrAppendANewOne() {
        UUID id = create("p", channel(Channel.SMS, ref("welcome_sms", "en_US")));

        profiles.addTemplates(ACCOUNT, id, List.of(
                channel(Channel.VOICE, ref("welcome_call", "en")),
                channel(Channel.SMS, ref("welcome_sms_es", "es"))));

        assertEquals(List.of(
                        channel(Channel.SMS, ref("welcome_sms", "en_US"), ref("welcome_sms_es", "es")),
                        channel(Channel.VOICE, ref("welcome_call", "en"))),
                profiles.read(ACCOUNT, id).channels());
    }

    @Test
    void addingATemplateOfALanguageTheChannelHasIsAConflict() {
        UUID id = create("p", channel(Channel.VOICE, ref("welcome_call", "en_US")));

        ConflictException conflict = assertThrows(ConflictException.class, () -> profiles.addTemplates(ACCOUNT, id,
                List.of(channel(Channel.VOICE, ref("welcome_call", "en_US")))));
        assertEquals("Template with language en_US for VOICE channel already exists. Only one language per channel is allowed.",
                conflict.detail());
        assertEquals(List.of(channel(Channel.VOICE, ref("welcome_call", "en_US"))), profiles.read(ACCOUNT, id).channels());
    }

    @Test
    void addingATemplateThatDoesNotExistOrToAnUnknownProfileIsRefused() {
        UUID id = create("p");

        assertEquals(List.of(new Violation("channels[0].templates[0].name", "SMS template nope does not exist")),
                violations(() -> profiles.addTemplates(ACCOUNT, id, List.of(channel(Channel.SMS, ref("nope", "en"))))));
        UUID unknown = UUID.randomUUID();
        assertEquals(unknown.toString(), assertThrows(ResourceNotFoundException.class, () -> profiles.addTemplates(ACCOUNT,
                unknown, List.of(channel(Channel.SMS, ref("nope", "en"))))).id());
    }

    @Test
    void removingATemplateRemovesItFromEveryChannel() {
        template(Channel.VOICE, "welcome", "en");
        template(Channel.SMS, "welcome", "en");
        UUID id = create("p",
                channel(Channel.SMS, ref("welcome", "en"), ref("welcome_sms", "de")),
                channel(Channel.VOICE, ref("welcome", "en")));

        profiles.removeTemplate(ACCOUNT, id, "welcome");

        assertEquals(List.of(channel(Channel.SMS, ref("welcome_sms", "de")), channel(Channel.VOICE)),
                profiles.read(ACCOUNT, id).channels());
        ResourceNotFoundException notUsed = assertThrows(ResourceNotFoundException.class,
                () -> profiles.removeTemplate(ACCOUNT, id, "welcome"));
        assertEquals(ResourceNotFoundException.Kind.PROFILE_TEMPLATE, notUsed.kind());
        assertEquals("welcome", notUsed.id());
    }

    @Test
    void aTemplateThatAProfileUsesCannotBeDeleted() {
        MessageTemplate used = sms("used", "en");
        create("zeta", channel(Channel.SMS, ref("used", "en")));
        UUID alpha = create("alpha", channel(Channel.SMS, ref("used", "en")));

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> templates.delete(ACCOUNT, Channel.SMS, used.id()));
        assertEquals("Template with name used is used by profile alpha (and 1 other profile) and cannot be deleted."
                + " Remove it from the profile first.", conflict.detail());
        assertEquals(Map.of("templateName", "used", "profileName", "alpha"), conflict.properties());

        profiles.removeTemplate(ACCOUNT, alpha, "used");
        assertEquals(Map.of("templateName", "used", "profileName", "zeta"), assertThrows(ConflictException.class,
                () -> templates.delete(ACCOUNT, Channel.SMS, used.id())).properties());
        profiles.delete(ACCOUNT, profiles.list(ACCOUNT, "zeta").get(0).id());
        templates.delete(ACCOUNT, Channel.SMS, used.id());
    }

    @Test
    void aTemplateThatAProfileUsesCannotBeRenamedButItsOtherFieldsChange() {
        MessageTemplate used = template(Channel.VIBER, "used", "en");
        create("alpha", channel(Channel.VIBER, ref("used", "en")));

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> templates.patch(ACCOUNT, Channel.VIBER, used.id(), new TemplateChanges("renamed", null, null)));
        assertEquals("Template with name used is used by profile alpha and cannot be renamed."
                + " Remove it from the profile first.", conflict.detail());
        assertEquals(Map.of("templateName", "used", "profileName", "alpha"), conflict.properties());
        assertEquals("used", templates.read(ACCOUNT, Channel.VIBER, used.id()).name());

        // keeping its name is no rename; the message and the expiry may change
        templates.patch(ACCOUNT, Channel.VIBER, used.id(), new TemplateChanges("used", "New {{otp_code}}", 9));
        MessageTemplate changed = templates.read(ACCOUNT, Channel.VIBER, used.id());
        assertEquals(List.of("used", "New {{otp_code}}", 9),
                List.of(changed.name(), changed.message(), changed.codeExpirationMinutes()));

        profiles.removeTemplate(ACCOUNT, profiles.list(ACCOUNT, "alpha").get(0).id(), "used");
        templates.patch(ACCOUNT, Channel.VIBER, used.id(), new TemplateChanges("renamed", null, null));
        assertEquals("renamed", templates.read(ACCOUNT, Channel.VIBER, used.id()).name());
    }

    @Test
    void aTemplateOfAnotherChannelWithTheSameNameCanBeRenamed() {
        MessageTemplate voice = template(Channel.VOICE, "welcome_sms", "en");
        create("p", channel(Channel.SMS, ref("welcome_sms", "en")));

        templates.patch(ACCOUNT, Channel.VOICE, voice.id(), new TemplateChanges("welcome_voice", null, null));
        assertEquals("welcome_voice", templates.read(ACCOUNT, Channel.VOICE, voice.id()).name());
    }

    @Test
    void aTemplateOfAnotherChannelWithTheSameNameCanBeDeleted() {
        MessageTemplate voice = template(Channel.VOICE, "welcome_sms", "en");
        create("p", channel(Channel.SMS, ref("welcome_sms", "en")));

        templates.delete(ACCOUNT, Channel.VOICE, voice.id());
    }

    @Test
    void aWhatsAppTemplateThatAProfileUsesInItsLanguageCannotBeDeleted() {
        whatsAppConfigurations.create(ACCOUNT, UUID.randomUUID());
        WhatsAppTemplate english = whatsApp("welcome_wa", "en");
        WhatsAppTemplate german = whatsApp("welcome_wa", "de");
        create("p", channel(Channel.WHATSAPP, ref("welcome_wa", "en")));

        ConflictException conflict = assertThrows(ConflictException.class,
                () -> whatsAppTemplates.delete(ACCOUNT, english.templateId()));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("templateName", "welcome_wa");
        expected.put("profileName", "p");
        assertEquals(expected, conflict.properties());
        whatsAppTemplates.delete(ACCOUNT, german.templateId());
    }

    @Test
    void anotherAccountsProfileIsNotFound() {
        UUID id = create("mine", channel(Channel.SMS, ref("welcome_sms", "en")));

        assertNotFound(id, () -> profiles.read(OTHER, id));
        assertNotFound(id, () -> profiles.patch(OTHER, id, new ProfileChanges("x", null, null, null, null)));
        assertNotFound(id, () -> profiles.addTemplates(OTHER, id, List.of()));
        assertNotFound(id, () -> profiles.removeTemplate(OTHER, id, "welcome_sms"));
        assertNotFound(id, () -> profiles.delete(OTHER, id));
        assertEquals(List.of(), profiles.list(OTHER, null));
        assertEquals("mine", profiles.read(ACCOUNT, id).name());
    }

    @Test
    void aDeletedProfileIsGone() {
        UUID id = create("short-lived");

        profiles.delete(ACCOUNT, id);
        assertNotFound(id, () -> profiles.read(ACCOUNT, id));
        assertNotFound(id, () -> profiles.delete(ACCOUNT, id));
    }

    private static List<Violation> violations(Runnable call) {
        return assertThrows(ValidationFailedException.class, call::run).violations();
    }

    private static void assertNotFound(UUID id, Runnable call) {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, call::run);
        assertEquals(ResourceNotFoundException.Kind.PROFILE, e.kind());
        assertEquals(id.toString(), e.id());
    }
}
