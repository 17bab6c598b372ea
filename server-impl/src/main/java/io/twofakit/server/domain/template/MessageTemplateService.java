package io.twofakit.server.domain.template;

import io.twofakit.server.domain.TemplateUsage;
import io.twofakit.server.domain.TemplateUsers;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.NameAlreadyTakenException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The rules of SMS, Viber and Voice templates; one service for the three channels, each call naming its
 * channel. Guarantees: a name is unique per account and channel (also under concurrent requests, through
 * the store's unique key), at most {@value #MAX_NAME_LENGTH} characters; a message contains
 * {@value #OTP_CODE_PLACEHOLDER} and has at most {@value #MAX_MESSAGE_LENGTH} characters; a code expires
 * after at least one minute; a template that a profile uses is neither deleted nor renamed. Another account's
 * template is never found.
 */
public class MessageTemplateService {

    public static final int DEFAULT_CODE_EXPIRATION_MINUTES = 3;
    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_MESSAGE_LENGTH = 512;
    public static final String OTP_CODE_PLACEHOLDER = "{{otp_code}}";

    private static final Set<Channel> TEXT_CHANNELS = Set.of(Channel.SMS, Channel.VIBER, Channel.VOICE);

    private final TemplateStore store;
    private final TemplateUsage usage;
    private final Supplier<UUID> ids;

    public MessageTemplateService(TemplateStore store, TemplateUsers profiles) {
        this(store, profiles, UUID::randomUUID);
    }

    MessageTemplateService(TemplateStore store, TemplateUsers profiles, Supplier<UUID> ids) {
        this.store = Objects.requireNonNull(store, "store");
        this.usage = new TemplateUsage(profiles);
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** Stores a new template; a missing expiry gets the default. */
    public MessageTemplate create(String accountId, Channel channel, TemplateDraft draft) {
        requireTextChannel(channel);
        int minutes = draft.codeExpirationMinutes() == null
                ? DEFAULT_CODE_EXPIRATION_MINUTES : draft.codeExpirationMinutes();
        List<Violation> violations = new ArrayList<>();
        checkName(draft.name(), violations);
        if (draft.language() == null || draft.language().isBlank()) {
            violations.add(new Violation("language", "must not be null"));
        }
        checkMessage(draft.message(), violations);
        checkCodeExpiration(minutes, violations);
        failOn(violations);

        MessageTemplate template = new MessageTemplate(ids.get(), accountId, channel, draft.name(), draft.language(),
                draft.message(), minutes);
        try {
            store.insert(template);
        } catch (NameAlreadyTakenException e) {
            throw nameTaken(channel, template.name());
        }
        return template;
    }

    public MessageTemplate read(String accountId, Channel channel, UUID id) {
        requireTextChannel(channel);
        return store.find(accountId, channel, id).orElseThrow(() -> notFound(id));
    }

    /** The channel's templates, oldest first; {@code name} and {@code language} filter exactly when given (not blank). */
    public List<MessageTemplate> list(String accountId, Channel channel, String name, String language) {
        requireTextChannel(channel);
        return store.list(accountId, channel, blankToNull(name), blankToNull(language));
    }

    /** The templates of every text channel, oldest first. */
    public List<MessageTemplate> listAllChannels(String accountId) {
        return store.list(accountId, null, null, null);
    }

    /**
     * Changes the given fields only; the language of a template never changes. A template that a profile uses keeps
     * its name (a conflict, as for its deletion).
     */
    public MessageTemplate patch(String accountId, Channel channel, UUID id, TemplateChanges changes) {
        MessageTemplate current = read(accountId, channel, id);
        List<Violation> violations = new ArrayList<>();
        if (changes.name() != null) {
            checkName(changes.name(), violations);
        }
        if (changes.message() != null) {
            checkMessage(changes.message(), violations);
        }
        if (changes.codeExpirationMinutes() != null) {
            checkCodeExpiration(changes.codeExpirationMinutes(), violations);
        }
        failOn(violations);
        if (changes.name() != null && !changes.name().equals(current.name())) {
            // profiles name their templates: a profile would be left naming a template that is not there
            usage.refuseRenamingIfUsed(accountId, channel, current.name());
        }

        MessageTemplate patched = new MessageTemplate(current.id(), current.accountId(), current.channel(),
                changes.name() != null ? changes.name() : current.name(),
                current.language(),
                changes.message() != null ? changes.message() : current.message(),
                changes.codeExpirationMinutes() != null ? changes.codeExpirationMinutes() : current.codeExpirationMinutes());
        try {
            store.replace(patched);
        } catch (NameAlreadyTakenException e) {
            throw nameTaken(channel, patched.name());
        }
        return patched;
    }

    /**
     * Deletes a template. Every deletion of a text template goes through here, so a rule about when a
     * template may not be deleted belongs here too; the template is read first so that such a rule can look
     * at it.
     */
    public void delete(String accountId, Channel channel, UUID id) {
        MessageTemplate template = read(accountId, channel, id);
        usage.refuseDeletionIfUsed(accountId, channel, template.name(), null);
        if (!store.delete(accountId, channel, template.id())) {
            // deleted by a concurrent request between the read and the delete
            throw notFound(id);
        }
    }

    private static void requireTextChannel(Channel channel) {
        if (!TEXT_CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("not a channel of text templates: " + channel);
        }
    }

    private static void checkName(String name, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", "must not be blank"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            violations.add(new Violation("name", "size must be between 1 and " + MAX_NAME_LENGTH));
        }
    }

    private static void checkMessage(String message, List<Violation> violations) {
        if (message == null) {
            violations.add(new Violation("message", "must not be null"));
            return;
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            violations.add(new Violation("message", "size must be between 0 and " + MAX_MESSAGE_LENGTH));
        }
        if (!message.contains(OTP_CODE_PLACEHOLDER)) {
            violations.add(new Violation("message", "must contain " + OTP_CODE_PLACEHOLDER));
        }
    }

    private static void checkCodeExpiration(int minutes, List<Violation> violations) {
        if (minutes < 1) {
            violations.add(new Violation("codeExpirationTime", "must be greater than or equal to 1"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void failOn(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }

    private static ConflictException nameTaken(Channel channel, String name) {
        return new ConflictException("Template with name " + name + " already exists in " + channel
                + " channel. Template name must be unique.").with("templateName", name);
    }

    private static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException(ResourceNotFoundException.Kind.TEMPLATE, id.toString());
    }
}
