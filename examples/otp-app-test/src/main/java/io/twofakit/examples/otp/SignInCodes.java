package io.twofakit.examples.otp;

import io.twofakit.client.ApiClient;
import io.twofakit.client.ApiException;
import io.twofakit.client.api.CallbackConfigurationsApi;
import io.twofakit.client.api.OtpApi;
import io.twofakit.client.api.ProfilesApi;
import io.twofakit.client.api.SmsTemplatesApi;
import io.twofakit.client.model.Channel;
import io.twofakit.client.model.LanguageCode;
import io.twofakit.client.model.NewCallbackConfigurationDTO;
import io.twofakit.client.model.NewChannelEntryDTO;
import io.twofakit.client.model.NewMessageTemplate;
import io.twofakit.client.model.NewOTPRequest;
import io.twofakit.client.model.NewProfileDTO;
import io.twofakit.client.model.NewTemplateChannel;
import io.twofakit.client.model.ValidateOTPRequest;
import java.util.List;
import java.util.UUID;

/**
 * The part of an application's sign-in that sends one-time codes by SMS and checks what the customer types, through
 * the tyntec 2FA API and twofa-kit's generated client. An example: its test ({@code SignInCodesTest}) runs it
 * against the sandbox.
 */
public final class SignInCodes {

    static final String PROFILE = "sign-in";

    /** What checking a code tells the sign-in. */
    public enum Check {
        /** the right code in time: sign the customer in */
        ACCEPTED,
        /** a wrong code; the customer may try again */
        WRONG_CODE,
        /** the code came too late: send a new one */
        EXPIRED,
        /** too many wrong codes, or the code was used already: send a new one */
        REFUSED
    }

    private final OtpApi otps;
    private final ApiClient api;

    public SignInCodes(ApiClient api) {
        this.api = api;
        this.otps = new OtpApi(api);
    }

    /**
     * What the codes need, set up once: the SMS text, a profile that sends it, and where the API posts the delivery
     * events of the codes (the application's webhook).
     */
    public void setUp(String deliveryEventsUrl) throws ApiException {
        new SmsTemplatesApi(api).createSmsTemplate(new NewMessageTemplate().name("sign_in").language(LanguageCode.EN)
                .message("Your sign-in code is {{otp_code}}. It expires in {{expiration_time}} minutes.")
                .codeExpirationTime(3));
        new ProfilesApi(api).createProfile(new NewProfileDTO().name(PROFILE).attempts(3).channels(List.of(
                new NewChannelEntryDTO().type(Channel.SMS).templates(List.of(
                        new NewTemplateChannel().name("sign_in").languageCode(LanguageCode.EN))))));
        new CallbackConfigurationsApi(api).createCallbackConfiguration(new NewCallbackConfigurationDTO()
                .url(deliveryEventsUrl));
    }

    /** Sends a new code to the phone; the answer identifies it for {@link #check}. */
    public UUID sendCode(String phone) throws ApiException {
        return otps.sendOtp(new NewOTPRequest().to(phone).profileName(PROFILE)).getId();
    }

    /** Checks the code the customer typed for the code sent as {@code otpId}. */
    public Check check(UUID otpId, String typed) throws ApiException {
        return switch (otps.validateOtp(otpId, new ValidateOTPRequest().otpCode(typed)).getOtpStatus()) {
            case VERIFIED -> Check.ACCEPTED;
            case WRONG_CODE -> Check.WRONG_CODE;
            case EXPIRED -> Check.EXPIRED;
            case TOO_MANY_ATTEMPTS, ALREADY_REPORTED -> Check.REFUSED;
        };
    }
}
