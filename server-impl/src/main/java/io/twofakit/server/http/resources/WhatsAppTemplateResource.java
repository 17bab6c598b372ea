package io.twofakit.server.http.resources;

import io.twofakit.api.WhatsAppTemplatesApi;
import io.twofakit.api.model.InputWhatsAppTemplate;
import io.twofakit.api.model.LanguageCode;
import io.twofakit.api.model.ResponseWhatsAppTemplate;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.OtpButtonType;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateDraft;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateListing;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateService;
import io.twofakit.server.http.RequestAccount;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** {@code /2fa/v4/templates/whatsapp}: WhatsApp authentication templates, submitted for review. */
public class WhatsAppTemplateResource implements WhatsAppTemplatesApi {

    /** ISO-8601 without a zone, to the second, as tyntec shows it; the time is UTC. */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final String TEMPLATE_TYPE = "OTP";

    private final WhatsAppTemplateService templates;

    @Context
    private SecurityContext security;

    public WhatsAppTemplateResource(WhatsAppTemplateService templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    @Override
    public Response submitWhatsAppTemplate(InputWhatsAppTemplate body) {
        WhatsAppTemplateService.Submission submission = templates.submit(RequestAccount.id(security), new WhatsAppTemplateDraft(
                body.getName(),
                TemplateDtos.language(body.getLanguage()),
                body.getOtpType() == null ? null : OtpButtonType.valueOf(body.getOtpType().name()),
                body.getPackageName(),
                body.getSignatureHash(),
                body.getAddSecurityRecommendation(),
                body.getCodeExpirationTime(),
                body.getAutofillButtonText(),
                body.getCopyButtonText()));
        return Response.status(submission.alreadySubmitted() ? Response.Status.OK : Response.Status.CREATED).build();
    }

    @Override
    public Response searchWhatsAppTemplates(String name, LanguageCode language) {
        WhatsAppTemplateListing found = templates.search(RequestAccount.id(security), name,
                TemplateDtos.language(language));
        String whatsAppAccountId = found.whatsAppAccountId().toString();
        return Response.ok(found.templates().stream()
                .map(t -> response(t, whatsAppAccountId))
                .toList()).build();
    }

    @Override
    public Response deleteWhatsAppTemplate(String templateId) {
        templates.delete(RequestAccount.id(security), templateId);
        return Response.noContent().build();
    }

    private static ResponseWhatsAppTemplate response(WhatsAppTemplate t, String whatsAppAccountId) {
        return ResponseWhatsAppTemplate.builder()
                .accountId(whatsAppAccountId)
                .templateId(t.templateId())
                .name(t.name())
                .language(t.language())
                .type(TEMPLATE_TYPE)
                .otpType(t.otpType().name())
                .status(t.status().name())
                .message(t.message())
                .isAddSecurityRecommendation(t.addSecurityRecommendation())
                .codeExpirationTime(t.codeExpirationMinutes())
                .codeExpirationText(t.codeExpirationText())
                .buttonUrl(t.buttonUrl())
                .autofillButtonText(t.autofillButtonText())
                .copyButtonText(t.copyButtonText())
                .packageName(t.packageName())
                .signatureHash(t.signatureHash())
                .createdAt(localTime(t.createdAt()))
                .updatedAt(localTime(t.updatedAt()))
                .build();
    }

    private static String localTime(Instant instant) {
        return LOCAL_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
