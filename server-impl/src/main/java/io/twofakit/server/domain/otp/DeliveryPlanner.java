package io.twofakit.server.domain.otp;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.domain.priority.ChannelRank;
import io.twofakit.server.domain.priority.Priority;
import io.twofakit.server.domain.priority.PriorityStore;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.profile.ProfileStore;
import io.twofakit.server.domain.profile.ProfileChannel;
import io.twofakit.server.domain.profile.TemplateRef;
import io.twofakit.server.domain.template.TemplateStore;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides over which channels, in which order and with which templates an OTP is sent.
 *
 * <ul>
 *   <li>Order: the priority's channels by ascending {@code priority} when a priority is named (channels the
 *       profile does not have are left out), else the profile's channels in the profile's order.</li>
 *   <li>Template per channel: the profile's template for the requested language; else for its base language
 *       ({@code en_US} → {@code en}); else the channel is skipped. Without a requested language, the
 *       channel's first template in the profile.</li>
 *   <li>A WhatsApp template is used only once its review has approved it.</li>
 * </ul>
 */
final class DeliveryPlanner {

    /** The profile an OTP is sent with and its channels in order; never empty. */
    record Plan(Profile profile, List<PlannedChannel> channels) {
    }

    private final ProfileStore profiles;
    private final PriorityStore priorities;
    private final TemplateStore templates;
    private final ReviewedWhatsAppTemplates whatsAppTemplates;

    DeliveryPlanner(ProfileStore profiles, PriorityStore priorities, TemplateStore templates,
                    ReviewedWhatsAppTemplates whatsAppTemplates) {
        this.profiles = profiles;
        this.priorities = priorities;
        this.templates = templates;
        this.whatsAppTemplates = whatsAppTemplates;
    }

    /** @throws ValidationFailedException naming the profile, the priority or the language that make it impossible */
    Plan plan(String accountId, OtpRequest request) {
        Optional<Profile> profile = profiles.findByName(accountId, request.profileName());
        Optional<Priority> priority = request.priorityName() == null
                ? Optional.empty() : priorities.findByName(accountId, request.priorityName());
        List<Violation> unknown = new ArrayList<>();
        if (profile.isEmpty()) {
            unknown.add(new Violation("profileName", "no profile with this name exists"));
        }
        if (request.priorityName() != null && priority.isEmpty()) {
            unknown.add(new Violation("priorityName", "no priority with this name exists"));
        }
        if (!unknown.isEmpty()) {
            throw new ValidationFailedException(unknown);
        }

        List<ProfileChannel> ordered = order(profile.get(), priority);
        if (ordered.isEmpty()) {
            throw new ValidationFailedException("priorityName",
                    "none of the priority's channels is set up in the profile " + profile.get().name());
        }
        List<PlannedChannel> planned = new ArrayList<>();
        for (ProfileChannel channel : ordered) {
            pickTemplate(channel, request.languageCode())
                    .flatMap(ref -> resolve(accountId, channel.channel(), ref, request))
                    .ifPresent(planned::add);
        }
        if (planned.isEmpty()) {
            throw request.languageCode() == null
                    ? new ValidationFailedException("profileName", "the profile has no usable template on any channel")
                    : new ValidationFailedException("languageCode", "the profile has no usable template for "
                            + request.languageCode() + " or its base language on any channel");
        }
        return new Plan(profile.get(), planned);
    }

    private static List<ProfileChannel> order(Profile profile, Optional<Priority> priority) {
        if (priority.isEmpty()) {
            return profile.channels();
        }
        List<ProfileChannel> ordered = new ArrayList<>();
        priority.get().channels().stream()
                .sorted(Comparator.comparingInt(ChannelRank::priority))
                .forEach(rank -> profile.channels().stream()
                        .filter(c -> c.channel() == rank.channel())
                        .findFirst()
                        .ifPresent(ordered::add));
        return ordered;
    }

    /** The profile's template of one channel for the language, its base language, or (without a language) the first. */
    static Optional<TemplateRef> pickTemplate(ProfileChannel channel, String languageCode) {
        if (languageCode == null) {
            return channel.templates().stream().findFirst();
        }
        Optional<TemplateRef> exact = withLanguage(channel, languageCode);
        if (exact.isPresent()) {
            return exact;
        }
        int underscore = languageCode.indexOf('_');
        return underscore > 0 ? withLanguage(channel, languageCode.substring(0, underscore)) : Optional.empty();
    }

    private static Optional<TemplateRef> withLanguage(ProfileChannel channel, String language) {
        return channel.templates().stream().filter(t -> language.equals(t.language())).findFirst();
    }

    private Optional<PlannedChannel> resolve(String accountId, Channel channel, TemplateRef ref, OtpRequest request) {
        String sender = senderFor(channel, request);
        if (channel == Channel.WHATSAPP) {
            return whatsAppTemplates.find(accountId, ref.name(), ref.language())
                    .filter(t -> t.status() == WhatsAppTemplate.ReviewStatus.APPROVED)
                    .map(t -> new PlannedChannel(channel, whatsAppText(t), t.codeExpirationMinutes(), sender));
        }
        return templates.findByName(accountId, channel, ref.name())
                .map(t -> new PlannedChannel(channel, t.message(), t.codeExpirationMinutes(), sender));
    }

    /** A WhatsApp authentication message as WhatsApp shows it: the template's body and its expiry footer. */
    static String whatsAppText(WhatsAppTemplate template) {
        return template.message().replace(WhatsAppTemplate.CODE_PLACEHOLDER, "{{otp_code}}") + " "
                + template.codeExpirationText();
    }

    private static String senderFor(Channel channel, OtpRequest request) {
        return switch (channel) {
            case SMS -> request.sender();
            case VIBER -> request.senderViber();
            case VOICE -> request.caller();
            case WHATSAPP -> request.senderWhatsApp();
        };
    }
}
