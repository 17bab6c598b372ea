package io.twofakit.server.domain.whatsapp;

import io.twofakit.server.domain.TemplateUsage;
import io.twofakit.server.domain.TemplateUsers;
import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ConflictException;
import io.twofakit.server.domain.NameAlreadyTakenException;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.ValidationFailedException;
import io.twofakit.server.domain.ValidationFailedException.Violation;
import io.twofakit.server.domain.clock.AccountClocks;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.OtpButtonType;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.ReviewStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The rules of WhatsApp templates. Guarantees: submitting, searching and deleting need the account's
 * WhatsApp configuration; a name and language pair is unique per account (also under concurrent requests);
 * a ONE_TAP template has a package name and a signature hash; a template starts PENDING and every template
 * this service returns shows the review's decision as of now (see {@link WhatsAppReview}), which is stored
 * the first time it is seen; a template that a profile uses is not deleted.
 */
public class WhatsAppTemplateService {

    public static final int DEFAULT_CODE_EXPIRATION_MINUTES = 3;
    public static final int MAX_CODE_EXPIRATION_MINUTES = 90;
    public static final int MAX_NAME_LENGTH = 512;
    public static final int MAX_BUTTON_TEXT_LENGTH = 25;
    public static final int MAX_APP_FIELD_LENGTH = 256;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    private final WhatsAppTemplateStore store;
    private final WhatsAppConfigurationService configurations;
    private final WhatsAppReview review;
    private final AccountClocks clocks;
    private final TemplateUsage usage;
    private final Supplier<String> ids;

    public WhatsAppTemplateService(WhatsAppTemplateStore store, WhatsAppConfigurationService configurations,
                                   WhatsAppReview review, AccountClocks clocks, TemplateUsers profiles) {
        this(store, configurations, review, clocks, profiles, () -> UUID.randomUUID().toString());
    }

    WhatsAppTemplateService(WhatsAppTemplateStore store, WhatsAppConfigurationService configurations,
                            WhatsAppReview review, AccountClocks clocks, TemplateUsers profiles, Supplier<String> ids) {
        this.store = Objects.requireNonNull(store, "store");
        this.usage = new TemplateUsage(profiles);
        this.configurations = Objects.requireNonNull(configurations, "configurations");
        this.review = Objects.requireNonNull(review, "review");
        this.clocks = Objects.requireNonNull(clocks, "clocks");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Submits a template for review; it is stored as PENDING. Submitting again a template that is already
     * there with the same content (a client retrying) changes nothing and returns the stored one; the same
     * name and language with other content is a conflict.
     */
    public Submission submit(String accountId, WhatsAppTemplateDraft draft) {
        OtpButtonType otpType = draft.otpType() == null ? OtpButtonType.COPY_CODE : draft.otpType();
        int minutes = draft.codeExpirationMinutes() == null
                ? DEFAULT_CODE_EXPIRATION_MINUTES : draft.codeExpirationMinutes();
        validate(draft, otpType, minutes);
        configurations.require(accountId);

        Instant now = clocks.clockFor(accountId).instant().truncatedTo(ChronoUnit.MILLIS);
        WhatsAppTemplate template = new WhatsAppTemplate(ids.get(), accountId, draft.name(), draft.language(),
                otpType, draft.packageName(), draft.signatureHash(),
                draft.addSecurityRecommendation() == null || draft.addSecurityRecommendation(), minutes,
                draft.autofillButtonText(), draft.copyButtonText(), ReviewStatus.PENDING, now, now);
        try {
            store.insert(template);
            return new Submission(template, false);
        } catch (NameAlreadyTakenException e) {
            return store.findByNameAndLanguage(accountId, template.name(), template.language())
                    .filter(existing -> sameContent(existing, template))
                    .map(existing -> new Submission(reviewed(existing), true))
                    .orElseThrow(() -> new ConflictException("Template with name " + template.name() + " and language "
                            + template.language() + " already exists in WHATSAPP channel."
                            + " Template name must be unique per language.").with("templateName", template.name()));
        }
    }

    /** The outcome of a submission: the template, and whether it was there already with the same content. */
    public record Submission(WhatsAppTemplate template, boolean alreadySubmitted) {
    }

    private static boolean sameContent(WhatsAppTemplate a, WhatsAppTemplate b) {
        return a.otpType() == b.otpType()
                && Objects.equals(a.packageName(), b.packageName())
                && Objects.equals(a.signatureHash(), b.signatureHash())
                && a.addSecurityRecommendation() == b.addSecurityRecommendation()
                && a.codeExpirationMinutes() == b.codeExpirationMinutes()
                && Objects.equals(a.autofillButtonText(), b.autofillButtonText())
                && Objects.equals(a.copyButtonText(), b.copyButtonText());
    }

    /**
     * The search rules: no name and no language finds every template; a name finds that name's templates
     * (narrowed to one language when given), and is not found when there is none; a language alone finds
     * that language's templates. Blank filters count as not given.
     */
    public WhatsAppTemplateListing search(String accountId, String name, String language) {
        WhatsAppConfiguration configuration = configurations.require(accountId);
        String byName = blankToNull(name);
        List<WhatsAppTemplate> found = reviewed(store.search(accountId, byName, blankToNull(language)));
        if (byName != null && found.isEmpty()) {
            throw new ResourceNotFoundException(ResourceNotFoundException.Kind.WHATSAPP_TEMPLATE,
                    ResourceNotFoundException.Lookup.NAME, byName);
        }
        return new WhatsAppTemplateListing(configuration.whatsAppAccountId(), found);
    }

    /** Every template of the account, oldest first; none (rather than forbidden) without a configuration. */
    public List<WhatsAppTemplate> listAll(String accountId) {
        return reviewed(store.search(accountId, null, null));
    }

    /** The template of a name and language, as reviewed by now: for sending OTPs with it. */
    public Optional<WhatsAppTemplate> find(String accountId, String name, String language) {
        return store.findByNameAndLanguage(accountId, name, language).map(this::reviewed);
    }

    /**
     * Deletes a template. Every deletion of a WhatsApp template goes through here, so a rule about when a
     * template may not be deleted belongs here too.
     */
    public void delete(String accountId, String templateId) {
        configurations.require(accountId);
        WhatsAppTemplate template = store.find(accountId, templateId).orElseThrow(() -> notFound(templateId));
        usage.refuseDeletionIfUsed(accountId, Channel.WHATSAPP, template.name(), template.language());
        if (!store.delete(accountId, template.templateId())) {
            // deleted by a concurrent request between the read and the delete
            throw notFound(templateId);
        }
    }

    private List<WhatsAppTemplate> reviewed(List<WhatsAppTemplate> templates) {
        return templates.stream().map(this::reviewed).toList();
    }

    private WhatsAppTemplate reviewed(WhatsAppTemplate template) {
        Optional<WhatsAppTemplate> decided = review.decisionDue(template);
        decided.ifPresent(d -> store.updateStatus(d.accountId(), d.templateId(), d.status(), d.updatedAt()));
        return decided.orElse(template);
    }

    private static void validate(WhatsAppTemplateDraft draft, OtpButtonType otpType, int minutes) {
        List<Violation> violations = new ArrayList<>();
        if (draft.name() == null || draft.name().isEmpty()) {
            violations.add(new Violation("name", "must not be null"));
        } else if (draft.name().length() > MAX_NAME_LENGTH || !NAME.matcher(draft.name()).matches()) {
            violations.add(new Violation("name", "must be 1 to " + MAX_NAME_LENGTH
                    + " lowercase letters, digits and underscores"));
        }
        if (draft.language() == null || draft.language().isBlank()) {
            violations.add(new Violation("language", "must not be null"));
        }
        if (minutes < 1 || minutes > MAX_CODE_EXPIRATION_MINUTES) {
            violations.add(new Violation("codeExpirationTime", "must be between 1 and " + MAX_CODE_EXPIRATION_MINUTES));
        }
        checkLength("autofillButtonText", draft.autofillButtonText(), MAX_BUTTON_TEXT_LENGTH, violations);
        checkLength("copyButtonText", draft.copyButtonText(), MAX_BUTTON_TEXT_LENGTH, violations);
        checkLength("packageName", draft.packageName(), MAX_APP_FIELD_LENGTH, violations);
        checkLength("signatureHash", draft.signatureHash(), MAX_APP_FIELD_LENGTH, violations);
        if (otpType == OtpButtonType.ONE_TAP) {
            requireForOneTap("packageName", draft.packageName(), violations);
            requireForOneTap("signatureHash", draft.signatureHash(), violations);
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailedException(violations);
        }
    }

    private static void checkLength(String field, String value, int max, List<Violation> violations) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "size must be between 0 and " + max));
        }
    }

    private static void requireForOneTap(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "must not be blank when otpType is ONE_TAP"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ResourceNotFoundException notFound(String templateId) {
        return new ResourceNotFoundException(ResourceNotFoundException.Kind.WHATSAPP_TEMPLATE, templateId);
    }
}
