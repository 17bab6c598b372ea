package io.twofakit.server.http.resources;

import io.twofakit.api.OtpApi;
import io.twofakit.api.model.CreatedOTPResponse;
import io.twofakit.api.model.NewOTPRequest;
import io.twofakit.api.model.OTPGetResponse;
import io.twofakit.api.model.ValidateOTPRequest;
import io.twofakit.api.model.ValidateOTPResponse;
import io.twofakit.server.domain.otp.OtpRequest;
import io.twofakit.server.domain.otp.OtpService;
import io.twofakit.server.domain.otp.OtpStatus;
import io.twofakit.server.domain.otp.OtpView;
import io.twofakit.server.domain.otp.ValidationOutcome;
import io.twofakit.server.http.RequestAccount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** {@code /2fa/v4/otp}: send, read, list, validate and delete OTPs. */
public class OtpResource implements OtpApi {

    private final OtpService otps;
    private final Consumer<ValidationOutcome> validated;

    @Context
    private SecurityContext security;

    public OtpResource(OtpService otps) {
        this(otps, outcome -> { });
    }

    /** @param validated told the result of each validation answered (the metrics count them) */
    public OtpResource(OtpService otps, Consumer<ValidationOutcome> validated) {
        this.otps = otps;
        this.validated = validated;
    }

    @Override
    public Response sendOtp(NewOTPRequest request) {
        UUID id = otps.send(account(), new OtpRequest(
                request.getTo(),
                request.getProfileName(),
                request.getPriorityName(),
                request.getLanguageCode() == null ? null : request.getLanguageCode().toString(),
                request.getOtpCode(),
                request.getSender(),
                request.getSenderViber(),
                request.getCaller(),
                request.getSenderWA()));
        return Response.status(Response.Status.ACCEPTED).entity(CreatedOTPResponse.builder().id(id).build()).build();
    }

    @Override
    public Response readOtp(UUID otpId) {
        return Response.ok(view(otps.read(account(), otpId))).build();
    }

    @Override
    public Response listOtps(String to, String otpStatus) {
        List<OTPGetResponse> found = otps.list(account(), to, listFilter(otpStatus)).stream()
                .map(OtpResource::view)
                .toList();
        return Response.ok(found).build();
    }

    @Override
    public Response validateOtp(UUID otpId, ValidateOTPRequest request) {
        ValidationOutcome result = otps.validate(account(), otpId, request.getOtpCode());
        validated.accept(result);
        ValidateOTPResponse.OtpStatusEnum outcome = ValidateOTPResponse.OtpStatusEnum.fromValue(result.name());
        return Response.ok(ValidateOTPResponse.builder().otpStatus(outcome).build()).build();
    }

    @Override
    public Response deleteOtp(UUID otpId) {
        otps.delete(account(), otpId);
        return Response.ok().build();
    }

    /**
     * The status the {@code otpStatus} filter names (the generator leaves inline query enums unchecked); which
     * statuses a list can be filtered by is the service's rule.
     */
    private static OtpStatus listFilter(String otpStatus) {
        if (otpStatus == null) {
            return null;
        }
        return Arrays.stream(OtpStatus.values()).filter(status -> status.name().equals(otpStatus)).findFirst()
                .orElseThrow(() -> OtpService.notAListFilter());
    }

    private static OTPGetResponse view(OtpView otp) {
        return OTPGetResponse.builder()
                .otpId(otp.id())
                .to(otp.to())
                .otpStatus(OTPGetResponse.OtpStatusEnum.fromValue(otp.status().name()))
                .attemptCount(otp.attemptCount())
                .allowedAttempts(otp.allowedAttempts())
                .otpCreated(utc(otp.created()))
                .otpExpire(utc(otp.expires()))
                .build();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private String account() {
        return RequestAccount.id(security);
    }
}
