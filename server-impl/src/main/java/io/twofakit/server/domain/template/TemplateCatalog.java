package io.twofakit.server.domain.template;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Every template of an account, of every channel: the text templates oldest first, then the WhatsApp ones oldest first. */
public class TemplateCatalog {

    private final MessageTemplateService messageTemplates;
    private final WhatsAppTemplateService whatsAppTemplates;

    public TemplateCatalog(MessageTemplateService messageTemplates, WhatsAppTemplateService whatsAppTemplates) {
        this.messageTemplates = Objects.requireNonNull(messageTemplates, "messageTemplates");
        this.whatsAppTemplates = Objects.requireNonNull(whatsAppTemplates, "whatsAppTemplates");
    }

    public List<TemplateSummary> listAll(String accountId) {
        List<TemplateSummary> all = new ArrayList<>();
        for (MessageTemplate t : messageTemplates.listAllChannels(accountId)) {
            all.add(new TemplateSummary(t.channel(), t.id().toString(), t.name(), t.language(), t.message(),
                    t.codeExpirationMinutes()));
        }
        for (WhatsAppTemplate t : whatsAppTemplates.listAll(accountId)) {
            all.add(new TemplateSummary(Channel.WHATSAPP, t.templateId(), t.name(), t.language(), t.message(),
                    t.codeExpirationMinutes()));
        }
        return all;
    }
}
