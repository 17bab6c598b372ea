package io.twofakit.server.domain.otp;

import io.twofakit.server.domain.whatsapp.WhatsAppTemplate;
import java.util.Optional;

/**
 * The account's WhatsApp template of a name and language with its review status as of now (the simulated
 * review decides lazily): {@code WhatsAppTemplateService::find}.
 */
@FunctionalInterface
public interface ReviewedWhatsAppTemplates {

    Optional<WhatsAppTemplate> find(String accountId, String name, String language);
}
