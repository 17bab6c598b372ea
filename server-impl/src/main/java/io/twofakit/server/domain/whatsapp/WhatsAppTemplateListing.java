package io.twofakit.server.domain.whatsapp;

import java.util.List;
import java.util.UUID;

/** WhatsApp templates found for an account, with the WhatsApp account they belong to. */
public record WhatsAppTemplateListing(UUID whatsAppAccountId, List<WhatsAppTemplate> templates) {

    public WhatsAppTemplateListing {
        templates = List.copyOf(templates);
    }
}
