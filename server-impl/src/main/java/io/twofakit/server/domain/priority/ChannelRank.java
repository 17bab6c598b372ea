package io.twofakit.server.domain.priority;

import io.twofakit.server.domain.Channel;

/** One entry of a priority: a channel and its rank; a lower rank is tried first. */
public record ChannelRank(Channel channel, int priority) {
}
