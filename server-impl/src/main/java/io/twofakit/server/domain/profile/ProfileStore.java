package io.twofakit.server.domain.profile;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.NamedResourceStore;
import java.util.List;

/**
 * Durable storage of profiles, scoped to one account in every method. Channels keep the order given, and so
 * do the templates of each channel. Deleting a profile deletes the callback configurations scoped to it.
 */
public interface ProfileStore extends NamedResourceStore<Profile> {

    /** Names of the account's profiles that reference the template {@code templateName} on {@code channel}. */
    List<String> profilesUsingTemplate(String accountId, Channel channel, String templateName);

    /**
     * Names of the account's profiles that reference the template {@code templateName} in {@code language}
     * on {@code channel}: for WhatsApp, whose templates are told apart by name and language.
     */
    List<String> profilesUsingTemplate(String accountId, Channel channel, String templateName, String language);
}
