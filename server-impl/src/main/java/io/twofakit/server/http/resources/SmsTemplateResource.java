package io.twofakit.server.http.resources;

import io.twofakit.api.SmsTemplatesApi;
import io.twofakit.api.model.LanguageCode;
import io.twofakit.api.model.NewMessageTemplate;
import io.twofakit.api.model.PatchMessageTemplate;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.template.MessageTemplateService;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** {@code /2fa/v4/templates/sms}: the SMS channel's templates. */
public class SmsTemplateResource extends MessageTemplateResource implements SmsTemplatesApi {

    public SmsTemplateResource(MessageTemplateService templates) {
        super(Channel.SMS, templates);
    }

    @Override
    public Response createSmsTemplate(NewMessageTemplate body) {
        return create(body);
    }

    @Override
    public Response listSmsTemplates(String name, LanguageCode language) {
        return list(name, language);
    }

    @Override
    public Response readSmsTemplate(UUID id) {
        return read(id);
    }

    @Override
    public Response patchSmsTemplate(UUID id, PatchMessageTemplate body) {
        return patch(id, body);
    }

    @Override
    public Response deleteSmsTemplate(UUID id) {
        return delete(id);
    }
}
