package io.twofakit.server.store;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.profile.ProfileStore;
import java.util.List;

/** Profiles looked up by name kept in memory ({@link CachedNamedStore}): for a database that only this process writes. */
public final class CachedProfileStore extends CachedNamedStore<Profile, ProfileStore> implements ProfileStore {

    public CachedProfileStore(ProfileStore store) {
        super(store, Profile::accountId);
    }

    @Override
    public List<String> profilesUsing(String accountId, Channel channel, String templateName, String language) {
        return store.profilesUsing(accountId, channel, templateName, language);
    }
}
