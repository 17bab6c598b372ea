package io.twofakit.server.domain.profile;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.NamedResourceStore;
import io.twofakit.server.domain.TemplateUsers;
import java.util.List;

/**
 * Durable storage of profiles, scoped to one account in every method. Channels keep the order given, and so
 * do the templates of each channel. Deleting a profile deletes the callback configurations scoped to it.
 */
public interface ProfileStore extends NamedResourceStore<Profile>, TemplateUsers {

    /**
     * Names of the account's profiles that reference the template {@code templateName} on {@code channel} (in
     * {@code language} when given: for WhatsApp, whose templates are told apart by name and language), by name.
     */
    @Override
    List<String> profilesUsing(String accountId, Channel channel, String templateName, String language);
}
