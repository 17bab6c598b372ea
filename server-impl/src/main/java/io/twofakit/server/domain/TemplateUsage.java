package io.twofakit.server.domain;

import java.util.List;
import java.util.Objects;

/**
 * The rule "a template that a profile uses can be neither deleted nor renamed", for the template services of every
 * channel: profiles name their templates, so a profile must never name a template that is gone or that now has
 * another name.
 */
public final class TemplateUsage {

    private final TemplateUsers users;

    public TemplateUsage(TemplateUsers users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    /**
     * Refuses the deletion of a template that a profile of the account uses.
     *
     * @param language the template's language for WhatsApp (whose templates are told apart by name and
     *                 language), null for the other channels
     * @throws ConflictException naming the template and the (first, by name) profile that uses it
     */
    public void refuseDeletionIfUsed(String accountId, Channel channel, String templateName, String language) {
        refuseIfUsed(accountId, channel, templateName, language, "deleted");
    }

    /**
     * Refuses to rename an SMS, Viber or Voice template that a profile of the account uses. (WhatsApp templates
     * cannot be renamed at all.)
     *
     * @throws ConflictException naming the template and the (first, by name) profile that uses it
     */
    public void refuseRenamingIfUsed(String accountId, Channel channel, String templateName) {
        refuseIfUsed(accountId, channel, templateName, null, "renamed");
    }

    private void refuseIfUsed(String accountId, Channel channel, String templateName, String language, String what) {
        List<String> profiles = users.profilesUsing(accountId, channel, templateName, language);
        if (!profiles.isEmpty()) {
            String profile = profiles.get(0);
            String others = profiles.size() == 1 ? ""
                    : " (and " + (profiles.size() - 1) + " other profile" + (profiles.size() == 2 ? "" : "s") + ")";
            throw new ConflictException("Template with name " + templateName + " is used by profile " + profile
                    + others + " and cannot be " + what + ". Remove it from the profile first.")
                    .with("templateName", templateName)
                    .with("profileName", profile);
        }
    }
}
