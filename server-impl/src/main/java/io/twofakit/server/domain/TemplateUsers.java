package io.twofakit.server.domain;

import java.util.List;

/**
 * Which profiles name a template. The template services of every channel ask before a template is deleted or
 * renamed ({@link TemplateUsage}); the profiles answer ({@code profile.ProfileStore}), so that templates need not
 * know profiles.
 */
@FunctionalInterface
public interface TemplateUsers {

    /**
     * The names of the account's profiles that use the channel's template {@code templateName}, in name order.
     *
     * @param language the template's language for WhatsApp (whose templates are told apart by name and language),
     *                 null for the other channels
     */
    List<String> profilesUsing(String accountId, Channel channel, String templateName, String language);
}
