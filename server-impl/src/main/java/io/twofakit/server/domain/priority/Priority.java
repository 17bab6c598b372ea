package io.twofakit.server.domain.priority;

import java.util.List;
import java.util.UUID;

/** A named order of a preferred and an optional backup channel. */
public record Priority(UUID id, String accountId, String name, List<ChannelRank> channels) {

    public Priority {
        channels = List.copyOf(channels);
    }
}
