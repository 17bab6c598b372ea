package io.twofakit.server.domain.priority;

import io.twofakit.server.domain.AccountResources;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.Names;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of priorities: a name unique per account, and one to two channel entries (none after a patch
 * that empties them), each channel at most once, each rank at least 1. Entries keep the order given;
 * a lower rank is tried first.
 */
public final class PriorityService {

    /** A preferred and a backup channel. */
    public static final int MAX_CHANNELS = 2;
    static final String CHANNELS_FIELD = "channelPriority";

    private final PriorityStore store;
    private final AccountResources<Priority> priorities;

    public PriorityService(PriorityStore store) {
        this.store = store;
        this.priorities = new AccountResources<>(store, ResourceNotFoundException.Kind.PRIORITY, PriorityService::nameTaken);
    }

    /** Creates a priority; 400 for a broken rule, 409 for a taken name. */
    public UUID create(String accountId, String name, List<ChannelRank> channels) {
        List<Violation> violations = new ArrayList<>();
        Names.check("name", name, violations);
        checkChannels(channels, 1, violations);
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        Priority priority = new Priority(UUID.randomUUID(), accountId, name, channels);
        priorities.insert(priority);
        return priority.id();
    }

    public Priority read(String accountId, UUID id) {
        return priorities.read(accountId, id);
    }

    /** The account's priorities, only the one named {@code name} when it is given, oldest first. */
    public List<Priority> list(String accountId, String name) {
        return store.list(accountId, name);
    }

    /** Changes the given fields of a priority; 404 when the account has no such priority. */
    public void patch(String accountId, UUID id, PriorityChanges changes) {
        List<Violation> violations = new ArrayList<>();
        if (changes.name() != null) {
            Names.check("name", changes.name(), violations);
        }
        if (changes.channels() != null) {
            checkChannels(changes.channels(), 0, violations);
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
        priorities.modify(accountId, id, current -> new Priority(current.id(), current.accountId(),
                changes.name() != null ? changes.name() : current.name(),
                changes.channels() != null ? changes.channels() : current.channels()));
    }

    public void delete(String accountId, UUID id) {
        priorities.delete(accountId, id);
    }

    private static void checkChannels(List<ChannelRank> channels, int min, List<Violation> violations) {
        if (channels.size() < min || channels.size() > MAX_CHANNELS) {
            violations.add(new Violation(CHANNELS_FIELD, "size must be between " + min + " and " + MAX_CHANNELS));
        }
        Set<Channel> seen = EnumSet.noneOf(Channel.class);
        for (int i = 0; i < channels.size(); i++) {
            ChannelRank entry = channels.get(i);
            if (entry.priority() < 1) {
                violations.add(new Violation(CHANNELS_FIELD + "[" + i + "].priority", "must be greater than or equal to 1"));
            }
            if (!seen.add(entry.channel())) {
                violations.add(new Violation(CHANNELS_FIELD, "must not name the channel " + entry.channel() + " twice"));
            }
        }
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("Priority with name " + name + " already exists. Priority name must be unique.")
                .with("priorityName", name);
    }
}
