package io.twofakit.server.domain.profile;

import io.twofakit.server.domain.Channel;
import java.util.List;

/** The templates a profile uses on one channel, at most one per language. */
public record ProfileChannel(Channel channel, List<TemplateRef> templates) {

    public ProfileChannel {
        templates = List.copyOf(templates);
    }
}
