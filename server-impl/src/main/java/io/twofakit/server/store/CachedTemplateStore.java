package io.twofakit.server.store;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.domain.template.TemplateStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link TemplateStore} that keeps the templates each send looks up by channel and name in memory
 * ({@link NameLookups}): for a database that only this process writes. Every write forgets the account's entries;
 * every other call goes to the store it wraps.
 */
public final class CachedTemplateStore implements TemplateStore {

    private record ChannelName(Channel channel, String name) {
    }

    private final TemplateStore store;
    private final NameLookups<ChannelName, MessageTemplate> byName = new NameLookups<>();

    public CachedTemplateStore(TemplateStore store) {
        this.store = store;
    }

    @Override
    public Optional<MessageTemplate> findByName(String accountId, Channel channel, String name) {
        return byName.find(accountId, new ChannelName(channel, name), () -> store.findByName(accountId, channel, name));
    }

    @Override
    public void insert(MessageTemplate template) {
        try {
            store.insert(template);
        } finally {
            byName.changed(template.accountId());
        }
    }

    @Override
    public void replace(MessageTemplate template) {
        try {
            store.replace(template);
        } finally {
            byName.changed(template.accountId());
        }
    }

    @Override
    public boolean delete(String accountId, Channel channel, UUID id) {
        try {
            return store.delete(accountId, channel, id);
        } finally {
            byName.changed(accountId);
        }
    }

    @Override
    public Optional<MessageTemplate> find(String accountId, Channel channel, UUID id) {
        return store.find(accountId, channel, id);
    }

    @Override
    public List<MessageTemplate> list(String accountId, Channel channel, String name, String language) {
        return store.list(accountId, channel, name, language);
    }
}
