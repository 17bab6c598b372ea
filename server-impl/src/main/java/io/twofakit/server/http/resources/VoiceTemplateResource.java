package io.twofakit.server.http.resources;

import io.twofakit.api.VoiceTemplatesApi;
import io.twofakit.api.model.LanguageCode;
import io.twofakit.api.model.NewMessageTemplate;
import io.twofakit.api.model.PatchMessageTemplate;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.template.MessageTemplateService;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** {@code /2fa/v4/templates/voice}: the VOICE channel's templates. */
public class VoiceTemplateResource extends MessageTemplateResource implements VoiceTemplatesApi {

    public VoiceTemplateResource(MessageTemplateService templates) {
        super(Channel.VOICE, templates);
    }

    @Override
    public Response createVoiceTemplate(NewMessageTemplate body) {
        return create(body);
    }

    @Override
    public Response listVoiceTemplates(String name, LanguageCode language) {
        return list(name, language);
    }

    @Override
    public Response readVoiceTemplate(UUID id) {
        return read(id);
    }

    @Override
    public Response patchVoiceTemplate(UUID id, PatchMessageTemplate body) {
        return patch(id, body);
    }

    @Override
    public Response deleteVoiceTemplate(UUID id) {
        return delete(id);
    }
}
