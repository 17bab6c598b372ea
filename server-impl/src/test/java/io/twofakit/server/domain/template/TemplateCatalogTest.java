package io.twofakit.server.domain.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.clock.AccountClocks;
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
import io.twofakit.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TemplateCatalogTest {

    private Database database;
    private MessageTemplateService messageTemplates;
    private WhatsAppTemplateService whatsAppTemplates;
    private TemplateCatalog catalog;

    @BeforeEach
    void openDatabase() {
        database = H2Databases.withAccounts("acme", "other");
        MutableClock clock = new MutableClock(Instant.parse("2024-03-01T10:00:00Z"));
        WhatsAppConfigurationService configurations =
                new WhatsAppConfigurationService(new JdbiWhatsAppConfigurationStore(database),
                        AccountClocks.shared(clock));
        configurations.create("acme", UUID.randomUUID());
        messageTemplates = new MessageTemplateService(new JdbiTemplateStore(database), new JdbiProfileStore(database));
        whatsAppTemplates = new WhatsAppTemplateService(new JdbiWhatsAppTemplateStore(database), configurations,
                new WhatsAppReview(AccountClocks.shared(clock), Duration.ofSeconds(2)), AccountClocks.shared(clock),
                new JdbiProfileStore(database));
        catalog = new TemplateCatalog(messageTemplates, whatsAppTemplates);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void everyChannelIsListedInTheCommonShapeTextTemplatesFirst() {
        WhatsAppTemplate whatsApp = whatsAppTemplates.submit("acme", new WhatsAppTemplateDraft("otp_login", "en",
                null, null, null, false, 5, null, null)).template();
        MessageTemplate voice = messageTemplates.create("acme", Channel.VOICE,
                new TemplateDraft("call", "de", "Ihr Code ist {{otp_code}}", 4));
        MessageTemplate sms = messageTemplates.create("acme", Channel.SMS,
                new TemplateDraft("text", "en", "Code {{otp_code}}", null));

        assertEquals(List.of(
                new TemplateSummary(Channel.VOICE, voice.id().toString(), "call", "de", "Ihr Code ist {{otp_code}}", 4),
                new TemplateSummary(Channel.SMS, sms.id().toString(), "text", "en", "Code {{otp_code}}", 3),
                new TemplateSummary(Channel.WHATSAPP, whatsApp.templateId(), "otp_login", "en",
                        "*{{1}}* is your verification code.", 5)),
                catalog.listAll("acme"));
    }

    @Test
    void anAccountSeesOnlyItsOwnTemplates() {
        messageTemplates.create("acme", Channel.SMS, new TemplateDraft("text", "en", "Code {{otp_code}}", null));
        whatsAppTemplates.submit("acme", new WhatsAppTemplateDraft("otp_login", "en", null, null, null, null, null,
                null, null));

        assertEquals(List.of(), catalog.listAll("other"));
    }
}
