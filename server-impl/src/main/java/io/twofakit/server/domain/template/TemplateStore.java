package io.twofakit.server.domain.template;

import io.twofakit.server.domain.Channel;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable storage of SMS, Viber and Voice templates. Every method is scoped to one account: a template
 * of another account is never found, changed or deleted.
 */
public interface TemplateStore {

    /** Stores a new template; throws {@link io.twofakit.server.domain.NameAlreadyTakenException} when the channel already has that name. */
    void insert(MessageTemplate template);

    Optional<MessageTemplate> find(String accountId, Channel channel, UUID id);

    Optional<MessageTemplate> findByName(String accountId, Channel channel, String name);

    /** Templates of one channel, or of every text channel when {@code channel} is null, filtered by name and language when given, oldest first. */
    List<MessageTemplate> list(String accountId, Channel channel, String name, String language);

    /**
     * Replaces name, message and expiry as they are given (a plain write: the last one wins, where the other
     * stores' {@code modify} locks the row for a read-change-write); throws
     * {@link io.twofakit.server.domain.NameAlreadyTakenException} on a rename onto a taken name.
     */
    void replace(MessageTemplate template);

    /** @return whether a template was deleted */
    boolean delete(String accountId, Channel channel, UUID id);
}
