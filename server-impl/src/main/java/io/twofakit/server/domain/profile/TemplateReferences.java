package io.twofakit.server.domain.profile;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.domain.template.TemplateStore;
import io.twofakit.server.domain.whatsapp.WhatsAppConfigurationService;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateStore;
import java.util.List;

/**
 * Whether the templates a client names for a profile exist: SMS, Viber and Voice templates by name in their
 * channel (the profile's language decides which language a template serves), WhatsApp templates by name and
 * language, as WhatsApp tells them apart. A WhatsApp channel needs the account's WhatsApp configuration.
 */
final class TemplateReferences {

    private final TemplateStore templates;
    private final WhatsAppTemplateStore whatsAppTemplates;
    private final WhatsAppConfigurationService whatsAppConfigurations;

    TemplateReferences(TemplateStore templates, WhatsAppTemplateStore whatsAppTemplates,
                       WhatsAppConfigurationService whatsAppConfigurations) {
        this.templates = templates;
        this.whatsAppTemplates = whatsAppTemplates;
        this.whatsAppConfigurations = whatsAppConfigurations;
    }

    /**
     * Adds a violation {@code channels[i].templates[j].name} for each template of {@code channels} that does not
     * exist.
     *
     * @throws io.twofakit.server.domain.ForbiddenException when a WhatsApp channel is given without the configuration
     */
    void check(String accountId, List<ProfileChannel> channels, List<Violation> violations) {
        if (channels.stream().anyMatch(channel -> channel.channel() == Channel.WHATSAPP)) {
            whatsAppConfigurations.require(accountId);
        }
        for (int i = 0; i < channels.size(); i++) {
            ProfileChannel channel = channels.get(i);
            for (int j = 0; j < channel.templates().size(); j++) {
                TemplateRef template = channel.templates().get(j);
                if (!exists(accountId, channel.channel(), template)) {
                    violations.add(new Violation("channels[" + i + "].templates[" + j + "].name", missing(channel.channel(), template)));
                }
            }
        }
    }

    private boolean exists(String accountId, Channel channel, TemplateRef template) {
        if (channel == Channel.WHATSAPP) {
            return whatsAppTemplates.findByNameAndLanguage(accountId, template.name(), template.language()).isPresent();
        }
        return templates.findByName(accountId, channel, template.name()).isPresent();
    }

    private static String missing(Channel channel, TemplateRef template) {
        if (channel == Channel.WHATSAPP) {
            return "WHATSAPP template " + template.name() + " in language " + template.language() + " does not exist";
        }
        return channel + " template " + template.name() + " does not exist";
    }
}
