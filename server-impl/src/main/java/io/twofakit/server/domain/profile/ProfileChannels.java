package io.twofakit.server.domain.profile;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ConflictException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How channels given by a client join a profile's channels: an entry of a channel the profile has adds its
 * templates to that channel, an entry of a new channel is appended, so channels keep the order in which they
 * first appeared. A channel holds at most one template per language.
 */
final class ProfileChannels {

    private ProfileChannels() {
    }

    /**
     * Joins {@code added} to {@code existing}.
     *
     * @throws ConflictException when a channel would get a second template of one language
     */
    static List<ProfileChannel> join(List<ProfileChannel> existing, List<ProfileChannel> added) {
        Map<Channel, List<TemplateRef>> joined = new LinkedHashMap<>();
        for (ProfileChannel channel : existing) {
            joined.put(channel.channel(), new ArrayList<>(channel.templates()));
        }
        for (ProfileChannel entry : added) {
            List<TemplateRef> templates = joined.computeIfAbsent(entry.channel(), key -> new ArrayList<>());
            for (TemplateRef template : entry.templates()) {
                if (templates.stream().anyMatch(t -> t.language().equals(template.language()))) {
                    throw languageTaken(entry.channel(), template.language());
                }
                templates.add(template);
            }
        }
        List<ProfileChannel> channels = new ArrayList<>();
        joined.forEach((channel, templates) -> channels.add(new ProfileChannel(channel, templates)));
        return channels;
    }

    /** The channels without the templates named {@code templateName}; channels stay, even when left empty. */
    static List<ProfileChannel> without(List<ProfileChannel> channels, String templateName) {
        return channels.stream()
                .map(channel -> new ProfileChannel(channel.channel(), channel.templates().stream()
                        .filter(template -> !template.name().equals(templateName))
                        .toList()))
                .toList();
    }

    /** Whether any channel uses a template named {@code templateName}. */
    static boolean uses(List<ProfileChannel> channels, String templateName) {
        return channels.stream().flatMap(channel -> channel.templates().stream())
                .anyMatch(template -> template.name().equals(templateName));
    }

    private static ConflictException languageTaken(Channel channel, String language) {
        return new ConflictException("Template with language " + language + " for " + channel
                + " channel already exists. Only one language per channel is allowed.")
                .with("channel", channel.name())
                .with("language", language);
    }
}
