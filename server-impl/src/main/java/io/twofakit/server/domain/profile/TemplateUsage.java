package io.twofakit.server.domain.profile;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ConflictException;
import java.util.List;
import java.util.Objects;

/**
 * The rule "a template that a profile uses can be neither deleted nor renamed", for the template services of every
 * channel: profiles name their templates, so a profile must never name a template that is gone or that now has
 * another name.
 */
public final class TemplateUsage {

    private final ProfileStore profiles;

    public TemplateUsage(ProfileStore profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
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
        List<String> users = language == null
                ? profiles.profilesUsingTemplate(accountId, channel, templateName)
                : profiles.profilesUsingTemplate(accountId, channel, templateName, language);
        if (!users.isEmpty()) {
            String profile = users.get(0);
            String others = users.size() == 1 ? ""
                    : " (and " + (users.size() - 1) + " other profile" + (users.size() == 2 ? "" : "s") + ")";
            throw new ConflictException("Template with name " + templateName + " is used by profile " + profile
                    + others + " and cannot be " + what + ". Remove it from the profile first.")
                    .with("templateName", templateName)
                    .with("profileName", profile);
        }
    }
}
