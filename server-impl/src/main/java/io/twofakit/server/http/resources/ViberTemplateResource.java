package io.twofakit.server.http.resources;

import io.twofakit.api.ViberTemplatesApi;
import io.twofakit.api.model.LanguageCode;
import io.twofakit.api.model.NewMessageTemplate;
import io.twofakit.api.model.PatchMessageTemplate;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.template.MessageTemplateService;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** {@code /2fa/v4/templates/viber}: the VIBER channel's templates. */
public class ViberTemplateResource extends MessageTemplateResource implements ViberTemplatesApi {

    public ViberTemplateResource(MessageTemplateService templates) {
        super(Channel.VIBER, templates);
    }

    @Override
    public Response createViberTemplate(NewMessageTemplate body) {
        return create(body);
    }

    @Override
    public Response listViberTemplates(String name, LanguageCode language) {
        return list(name, language);
    }

    @Override
    public Response readViberTemplate(UUID id) {
        return read(id);
    }

    @Override
    public Response patchViberTemplate(UUID id, PatchMessageTemplate body) {
        return patch(id, body);
    }

    @Override
    public Response deleteViberTemplate(UUID id) {
        return delete(id);
    }
}
