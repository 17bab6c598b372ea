package io.twofakit.server.http.resources;

import io.twofakit.server.domain.Channel;

/** The API's channel enum and the domain's, one to one by name. */
final class Channels {

    private Channels() {
    }

    static Channel toDomain(io.twofakit.api.model.Channel channel) {
        return Channel.valueOf(channel.name());
    }

    static io.twofakit.api.model.Channel toApi(Channel channel) {
        return io.twofakit.api.model.Channel.valueOf(channel.name());
    }
}
