package io.twofakit.server.domain.profile;

import io.twofakit.server.domain.AccountResources;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.Names;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.domain.template.TemplateStore;
import io.twofakit.server.domain.whatsapp.WhatsAppConfigurationService;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rules of profiles. Guarantees: a name unique per account (also under concurrent requests), at most
 * {@value Names#MAX_LENGTH} characters; {@code attempts} from {@value #MIN_ATTEMPTS} to {@value #MAX_ATTEMPTS}
 * (default {@value #DEFAULT_ATTEMPTS}); {@code otpCodeLength} from {@value #MIN_CODE_LENGTH} to
 * {@value #MAX_CODE_LENGTH} (default {@value #DEFAULT_CODE_LENGTH}); digits only unless alphanumeric. Every
 * referenced template exists (400 naming it), a channel holds one template per language (409), a WhatsApp
 * channel needs the WhatsApp configuration (403). Channels keep the order in which they were first given;
 * entries of one channel given twice are merged. Rules are checked in the order 404, 403, 400, 409.
 */
public final class ProfileService {

    public static final int DEFAULT_ATTEMPTS = 3;
    public static final int MIN_ATTEMPTS = 1;
    public static final int MAX_ATTEMPTS = 10;
    public static final int DEFAULT_CODE_LENGTH = 6;
    public static final int MIN_CODE_LENGTH = 4;
    public static final int MAX_CODE_LENGTH = 11;

    private final ProfileStore store;
    private final AccountResources<Profile> profiles;
    private final TemplateReferences references;

    public ProfileService(ProfileStore store, TemplateStore templates, WhatsAppTemplateStore whatsAppTemplates,
                          WhatsAppConfigurationService whatsAppConfigurations) {
        this.store = store;
        this.profiles = new AccountResources<>(store, ResourceNotFoundException.Kind.PROFILE, ProfileService::nameTaken);
        this.references = new TemplateReferences(templates, whatsAppTemplates, whatsAppConfigurations);
    }

    public UUID create(String accountId, NewProfile request) {
        int attempts = request.attempts() == null ? DEFAULT_ATTEMPTS : request.attempts();
        int codeLength = request.otpCodeLength() == null ? DEFAULT_CODE_LENGTH : request.otpCodeLength();
        List<Violation> violations = new ArrayList<>();
        Names.check("name", request.name(), violations);
        checkSettings(attempts, codeLength, violations);
        if (request.channels() == null) {
            violations.add(new Violation("channels", "must not be null"));
        } else {
            references.check(accountId, request.channels(), violations);
        }
        failOn(violations);

        Profile profile = new Profile(UUID.randomUUID(), accountId, request.name(), attempts, codeLength,
                Boolean.TRUE.equals(request.alphanumeric()), ProfileChannels.join(List.of(), request.channels()));
        profiles.insert(profile);
        return profile.id();
    }

    public Profile read(String accountId, UUID id) {
        return profiles.read(accountId, id);
    }

    /** The account's profiles, only the one named {@code name} when it is given, oldest first. */
    public List<Profile> list(String accountId, String name) {
        return store.list(accountId, name);
    }

    /** Changes the given fields; given channels replace the profile's channels. */
    public void patch(String accountId, UUID id, ProfileChanges changes) {
        read(accountId, id);
        List<Violation> violations = new ArrayList<>();
        if (changes.name() != null) {
            Names.check("name", changes.name(), violations);
        }
        checkSettings(changes.attempts(), changes.otpCodeLength(), violations);
        if (changes.channels() != null) {
            references.check(accountId, changes.channels(), violations);
        }
        failOn(violations);
        List<ProfileChannel> channels = changes.channels() == null ? null : ProfileChannels.join(List.of(), changes.channels());

        profiles.modify(accountId, id, current -> new Profile(current.id(), current.accountId(),
                changes.name() != null ? changes.name() : current.name(),
                changes.attempts() != null ? changes.attempts() : current.attempts(),
                changes.otpCodeLength() != null ? changes.otpCodeLength() : current.otpCodeLength(),
                changes.alphanumeric() != null ? changes.alphanumeric() : current.alphanumeric(),
                channels != null ? channels : current.channels()));
    }

    /** Adds templates to the profile's channels (appending channels it does not have yet). */
    public void addTemplates(String accountId, UUID id, List<ProfileChannel> added) {
        read(accountId, id);
        List<Violation> violations = new ArrayList<>();
        references.check(accountId, added, violations);
        failOn(violations);
        profiles.modify(accountId, id, current -> withChannels(current, ProfileChannels.join(current.channels(), added)));
    }

    /** Removes the templates named {@code templateName} from every channel of the profile; 404 when it uses none. */
    public void removeTemplate(String accountId, UUID id, String templateName) {
        profiles.modify(accountId, id, current -> {
            if (!ProfileChannels.uses(current.channels(), templateName)) {
                throw new ResourceNotFoundException(ResourceNotFoundException.Kind.PROFILE_TEMPLATE,
                        ResourceNotFoundException.Lookup.NAME, templateName);
            }
            return withChannels(current, ProfileChannels.without(current.channels(), templateName));
        });
    }

    /** Deletes the profile, and with it the callback configurations scoped to it. */
    public void delete(String accountId, UUID id) {
        profiles.delete(accountId, id);
    }

    private static Profile withChannels(Profile profile, List<ProfileChannel> channels) {
        return new Profile(profile.id(), profile.accountId(), profile.name(), profile.attempts(), profile.otpCodeLength(),
                profile.alphanumeric(), channels);
    }

    /** Checks the settings that are given (not null). */
    private static void checkSettings(Integer attempts, Integer codeLength, List<Violation> violations) {
        if (attempts != null && (attempts < MIN_ATTEMPTS || attempts > MAX_ATTEMPTS)) {
            violations.add(new Violation("attempts", "must be between " + MIN_ATTEMPTS + " and " + MAX_ATTEMPTS));
        }
        if (codeLength != null && (codeLength < MIN_CODE_LENGTH || codeLength > MAX_CODE_LENGTH)) {
            violations.add(new Violation("otpCodeLength", "must be between " + MIN_CODE_LENGTH + " and " + MAX_CODE_LENGTH));
        }
    }

    private static void failOn(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("Profile with name " + name + " already exists. Profile name must be unique.")
                .with("profileName", name);
    }
}
