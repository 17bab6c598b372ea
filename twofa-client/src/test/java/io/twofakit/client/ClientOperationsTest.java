package io.twofakit.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.client.api.CallbackConfigurationsApi;
import io.twofakit.client.api.OtpApi;
import io.twofakit.client.api.PrioritiesApi;
import io.twofakit.client.api.ProfilesApi;
import io.twofakit.client.api.SmsTemplatesApi;
import io.twofakit.client.api.TemplatesApi;
import io.twofakit.client.api.ViberTemplatesApi;
import io.twofakit.client.api.VoiceTemplatesApi;
import io.twofakit.client.api.WhatsAppConfigurationApi;
import io.twofakit.client.api.WhatsAppTemplatesApi;
import io.twofakit.client.model.AddTemplateBodyDTO;
import io.twofakit.client.model.AddTemplateChannelDTO;
import io.twofakit.client.model.AddTemplateChannelEntryDTO;
import io.twofakit.client.model.CallbackConfigurationDTO;
import io.twofakit.client.model.Channel;
import io.twofakit.client.model.ChannelEntryDTO;
import io.twofakit.client.model.ChannelPriorityDTO;
import io.twofakit.client.model.CreatedTemplateDTO;
import io.twofakit.client.model.InputWhatsAppTemplate;
import io.twofakit.client.model.LanguageCode;
import io.twofakit.client.model.NewCallbackConfigurationDTO;
import io.twofakit.client.model.NewChannelEntryDTO;
import io.twofakit.client.model.NewChannelPriorityDTO;
import io.twofakit.client.model.NewMessageTemplate;
import io.twofakit.client.model.NewOTPRequest;
import io.twofakit.client.model.NewPriorityDTO;
import io.twofakit.client.model.NewProfileDTO;
import io.twofakit.client.model.NewTemplateChannel;
import io.twofakit.client.model.NewWhatsAppConfigRequest;
import io.twofakit.client.model.OTPGetResponse;
import io.twofakit.client.model.PatchCallbackConfigurationDTO;
import io.twofakit.client.model.PatchMessageTemplate;
import io.twofakit.client.model.PatchPriorityDTO;
import io.twofakit.client.model.PatchProfileDTO;
import io.twofakit.client.model.PriorityDTO;
import io.twofakit.client.model.ProfileDTO;
import io.twofakit.client.model.ResponseWhatsAppTemplate;
import io.twofakit.client.model.TemplateChannel;
import io.twofakit.client.model.TemplateDTO;
import io.twofakit.client.model.ValidateOTPRequest;
import io.twofakit.junit.TwofaSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated client against the server, through the sandbox: every one of the contract's 42 operations is
 * called and its result checked. {@link ContractOperations} records each answer, and the class ends by checking
 * that every operation was answered with a 2xx at least once.
 */
class ClientOperationsTest {

    @RegisterExtension
    static TwofaSandbox sandbox = TwofaSandbox.create();

    private static final ContractOperations OPERATIONS = ContractOperations.fromSpec();
    private static ApiClient client;

    @BeforeAll
    static void clientOfTheSandbox() {
        client = TwofaApi.client(sandbox.baseUrl(), sandbox.apiKey());
        client.setResponseInterceptor(OPERATIONS::record);
    }

    @AfterEach
    void noteTheTest(TestInfo test) {
        OPERATIONS.testRan(test.getTestMethod().orElseThrow());
    }

    @AfterAll
    static void everyOperationWasAnsweredWithSuccess() {
        OPERATIONS.assertEveryOneSucceededOnceEveryTestOf(ClientOperationsTest.class);
    }

    /** The text channels' templates: the same five operations each (15), and the list of them all. */
    enum TextChannel {
        SMS, VIBER, VOICE;

        Channel wire() {
            return Channel.valueOf(name());
        }
    }

    @ParameterizedTest
    @EnumSource(TextChannel.class)
    void aTextTemplateIsCreatedListedReadPatchedAndDeleted(TextChannel channel) throws ApiException {
        TextTemplates templates = TextTemplates.of(channel, client);
        String name = "welcome_" + channel.name().toLowerCase();

        UUID id = templates.create().apply(new NewMessageTemplate().name(name).language(LanguageCode.EN)
                .message("Welcome! Your code: {{otp_code}}").codeExpirationTime(5)).getId();

        assertEquals(List.of(id.toString()), templates.list().apply(name, LanguageCode.EN).stream().map(TemplateDTO::getId).toList());
        TemplateDTO read = templates.read().apply(id);
        assertEquals("Welcome! Your code: {{otp_code}}", read.getMessage());
        assertEquals(5, read.getCodeExpirationTime());
        assertEquals(LanguageCode.EN, read.getLanguage());
        assertTrue(new TemplatesApi(client).listTemplates().stream()
                .anyMatch(template -> template.getId().equals(id.toString()) && template.getChannel() == channel.wire()),
                "the list of every channel's templates has it");

        templates.patch().apply(id, new PatchMessageTemplate().message("Your code: {{otp_code}}, valid {{expiration_time}} min"));
        assertEquals("Your code: {{otp_code}}, valid {{expiration_time}} min", templates.read().apply(id).getMessage());

        templates.delete().apply(id);
        assertEquals(404, assertThrows(ApiException.class, () -> templates.read().apply(id)).getCode());
    }

    @Test
    void aProfileIsCreatedListedReadPatchedGivenAndRelievedOfATemplateAndDeleted() throws ApiException {
        SmsTemplatesApi sms = new SmsTemplatesApi(client);
        ViberTemplatesApi viber = new ViberTemplatesApi(client);
        sms.createSmsTemplate(new NewMessageTemplate().name("profile_sms").language(LanguageCode.EN)
                .message("Code {{otp_code}}"));
        viber.createViberTemplate(new NewMessageTemplate().name("profile_viber").language(LanguageCode.EN)
                .message("Code {{otp_code}}"));
        ProfilesApi profiles = new ProfilesApi(client);

        UUID id = profiles.createProfile(new NewProfileDTO().name("checkout").attempts(4).channels(List.of(
                new NewChannelEntryDTO().type(Channel.SMS).templates(List.of(
                        new NewTemplateChannel().name("profile_sms").languageCode(LanguageCode.EN)))))).getId();

        assertEquals(List.of(id), profiles.listProfiles("checkout").stream().map(ProfileDTO::getId).toList());
        ProfileDTO read = profiles.readProfile(id);
        assertEquals(4, read.getAttempts());
        assertEquals(List.of(Channel.SMS), read.getChannels().stream().map(ChannelEntryDTO::getType).toList());

        profiles.patchProfile(id, new PatchProfileDTO().attempts(2).otpCodeLength(8));
        assertEquals(2, profiles.readProfile(id).getAttempts());
        assertEquals(8, profiles.readProfile(id).getOtpCodeLength());

        profiles.addTemplatesToProfile(id, new AddTemplateBodyDTO().channels(List.of(
                new AddTemplateChannelEntryDTO().type(Channel.VIBER).templates(List.of(
                        new AddTemplateChannelDTO().name("profile_viber").languageCode(LanguageCode.EN))))));
        assertEquals(List.of("SMS [profile_sms]", "VIBER [profile_viber]"), templatesOf(profiles.readProfile(id)));

        profiles.removeTemplateFromProfile(id, "profile_viber");
        assertEquals(List.of("SMS [profile_sms]", "VIBER []"), templatesOf(profiles.readProfile(id)),
                "the channel stays, without the template");

        profiles.deleteProfile(id);
        assertEquals(404, assertThrows(ApiException.class, () -> profiles.readProfile(id)).getCode());
    }

    @Test
    void aPriorityIsCreatedListedReadPatchedAndDeleted() throws ApiException {
        PrioritiesApi priorities = new PrioritiesApi(client);

        UUID id = priorities.createPriority(new NewPriorityDTO().name("sms_first").channelPriority(List.of(
                new NewChannelPriorityDTO().channel(Channel.SMS).priority(1),
                new NewChannelPriorityDTO().channel(Channel.VIBER).priority(2)))).getId();

        assertEquals(List.of(id), priorities.listPriorities("sms_first").stream().map(PriorityDTO::getId).toList());
        assertEquals(List.of("SMS 1", "VIBER 2"), ranks(priorities.readPriority(id)));

        priorities.patchPriority(id, new PatchPriorityDTO().channelPriority(List.of(
                new NewChannelPriorityDTO().channel(Channel.VIBER).priority(1))));
        assertEquals(List.of("VIBER 1"), ranks(priorities.readPriority(id)));

        priorities.deletePriority(id);
        assertEquals(404, assertThrows(ApiException.class, () -> priorities.readPriority(id)).getCode());
    }

    @Test
    void aCallbackConfigurationIsCreatedListedPatchedAndDeleted() throws ApiException {
        CallbackConfigurationsApi callbacks = new CallbackConfigurationsApi(client);

        UUID id = callbacks.createCallbackConfiguration(new NewCallbackConfigurationDTO()
                .url(sandbox.webhooks().url()).headers(Map.of("Authorization", "Bearer app-token"))).getId();

        CallbackConfigurationDTO listed = callbacks.listCallbackConfigurations().stream()
                .filter(callback -> callback.getId().equals(id)).findFirst().orElseThrow();
        assertEquals(sandbox.webhooks().url(), listed.getUrl());
        assertEquals(Map.of("Authorization", "Bearer app-token"), listed.getHeaders());

        CallbackConfigurationDTO patched = callbacks.patchCallbackConfiguration(id,
                new PatchCallbackConfigurationDTO().url(sandbox.webhooks().url() + "/moved"));
        assertEquals(sandbox.webhooks().url() + "/moved", patched.getUrl());

        callbacks.deleteCallbackConfiguration(id);
        assertFalse(callbacks.listCallbackConfigurations().stream().anyMatch(callback -> callback.getId().equals(id)));
    }

    @Test
    void anOtpIsSentReadListedValidatedWithTheDeliveredCodeAndDeleted() throws ApiException {
        new SmsTemplatesApi(client).createSmsTemplate(new NewMessageTemplate().name("otp_sms").language(LanguageCode.EN)
                .message("Your code is {{otp_code}}"));
        new ProfilesApi(client).createProfile(new NewProfileDTO().name("otp").channels(List.of(
                new NewChannelEntryDTO().type(Channel.SMS).templates(List.of(
                        new NewTemplateChannel().name("otp_sms").languageCode(LanguageCode.EN))))));
        OtpApi otps = new OtpApi(client);

        UUID id = otps.sendOtp(new NewOTPRequest().to("+4917612349001").profileName("otp")).getId();

        OTPGetResponse read = otps.readOtp(id);
        assertEquals(OTPGetResponse.OtpStatusEnum.ACTIVE, read.getOtpStatus());
        assertEquals("+4917612349001", read.getTo());
        assertEquals(List.of(id), otps.listOtps("+4917612349001", null).stream().map(OTPGetResponse::getOtpId).toList());

        String code = sandbox.handset().lastCodeFor("+4917612349001");
        assertEquals("VERIFIED", otps.validateOtp(id, new ValidateOTPRequest().otpCode(code)).getOtpStatus().getValue());
        assertTrue(otps.listOtps(null, "VERIFIED").stream().anyMatch(otp -> otp.getOtpId().equals(id)));

        otps.deleteOtp(id);
        assertEquals(404, assertThrows(ApiException.class, () -> otps.readOtp(id)).getCode());
    }

    @Test
    void aWhatsAppConfigurationIsCreatedAndATemplateSubmittedApprovedFoundAndDeleted() throws ApiException {
        WhatsAppConfigurationApi configuration = new WhatsAppConfigurationApi(client);
        assertEquals(404, assertThrows(ApiException.class, configuration::readWhatsAppConfiguration).getCode());
        UUID account = UUID.randomUUID();

        configuration.createWhatsAppConfiguration(new NewWhatsAppConfigRequest().whatsAppAccountId(account));
        assertEquals(account, configuration.readWhatsAppConfiguration().getWhatsAppAccountId());

        WhatsAppTemplatesApi templates = new WhatsAppTemplatesApi(client);
        templates.submitWhatsAppTemplate(new InputWhatsAppTemplate().name("wa_login").language(LanguageCode.EN));
        ResponseWhatsAppTemplate approved = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> templates.searchWhatsAppTemplates("wa_login", LanguageCode.EN).get(0),
                        template -> "APPROVED".equals(template.getStatus()));
        assertEquals("wa_login", approved.getName());
        assertTrue(approved.getMessage().contains("{{1}}"), approved::getMessage);

        templates.deleteWhatsAppTemplate(approved.getTemplateId());
        assertEquals(404, assertThrows(ApiException.class,
                () -> templates.searchWhatsAppTemplates("wa_login", LanguageCode.EN)).getCode());
    }

    /** Each channel of the profile with the names of its templates, e.g. {@code SMS [login_sms]}. */
    private static List<String> templatesOf(ProfileDTO profile) {
        return profile.getChannels().stream()
                .map(channel -> channel.getType() + " " + Optional.ofNullable(channel.getTemplates()).orElse(List.of())
                        .stream().map(TemplateChannel::getName).toList())
                .toList();
    }

    private static List<String> ranks(PriorityDTO priority) {
        return priority.getChannelPriority().stream()
                .map((ChannelPriorityDTO rank) -> rank.getChannel() + " " + rank.getPriority()).toList();
    }

    /** The five operations of one text channel's templates, whatever its generated API class. */
    private record TextTemplates(Create create, Lister list, Reader read, Patcher patch, Deleter delete) {

        static TextTemplates of(TextChannel channel, ApiClient client) {
            return switch (channel) {
                case SMS -> {
                    SmsTemplatesApi api = new SmsTemplatesApi(client);
                    yield new TextTemplates(api::createSmsTemplate, api::listSmsTemplates, api::readSmsTemplate,
                            api::patchSmsTemplate, api::deleteSmsTemplate);
                }
                case VIBER -> {
                    ViberTemplatesApi api = new ViberTemplatesApi(client);
                    yield new TextTemplates(api::createViberTemplate, api::listViberTemplates, api::readViberTemplate,
                            api::patchViberTemplate, api::deleteViberTemplate);
                }
                case VOICE -> {
                    VoiceTemplatesApi api = new VoiceTemplatesApi(client);
                    yield new TextTemplates(api::createVoiceTemplate, api::listVoiceTemplates, api::readVoiceTemplate,
                            api::patchVoiceTemplate, api::deleteVoiceTemplate);
                }
            };
        }

        interface Create {
            CreatedTemplateDTO apply(NewMessageTemplate template) throws ApiException;
        }

        interface Lister {
            List<TemplateDTO> apply(String name, LanguageCode language) throws ApiException;
        }

        interface Reader {
            TemplateDTO apply(UUID id) throws ApiException;
        }

        interface Patcher {
            void apply(UUID id, PatchMessageTemplate patch) throws ApiException;
        }

        interface Deleter {
            void apply(UUID id) throws ApiException;
        }
    }
}
