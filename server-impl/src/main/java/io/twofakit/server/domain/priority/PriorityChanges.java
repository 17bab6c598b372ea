package io.twofakit.server.domain.priority;

import java.util.List;

/**
 * What a patch of a priority changes; a null component is left as it is.
 *
 * @param name the new name, or null
 * @param channels the new channel entries (replacing all of them, possibly with none), or null
 */
public record PriorityChanges(String name, List<ChannelRank> channels) {

    public PriorityChanges {
        channels = channels == null ? null : List.copyOf(channels);
    }
}
