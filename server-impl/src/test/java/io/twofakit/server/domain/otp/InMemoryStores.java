package io.twofakit.server.domain.otp;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.delivery.DeliveryQueue;
import io.twofakit.server.domain.delivery.DeliveryJob;
import io.twofakit.server.domain.limits.RecipientAdmission;
import io.twofakit.server.domain.priority.Priority;
import io.twofakit.server.domain.priority.PriorityStore;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.profile.ProfileStore;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.domain.template.TemplateStore;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** In-memory stand-ins for the stores the OTP rules read, for unit tests of the rules alone. */
final class InMemoryStores {

    private InMemoryStores() {
    }

    static final class Profiles implements ProfileStore {
        final Map<UUID, Profile> byId = new LinkedHashMap<>();

        @Override
        public synchronized void insert(Profile profile) {
            byId.put(profile.id(), profile);
        }

        @Override
        public synchronized Optional<Profile> find(String accountId, UUID id) {
            return Optional.ofNullable(byId.get(id)).filter(p -> p.accountId().equals(accountId));
        }

        @Override
        public synchronized Optional<Profile> findByName(String accountId, String name) {
            return byId.values().stream().filter(p -> p.accountId().equals(accountId) && p.name().equals(name)).findFirst();
        }

        @Override
        public synchronized List<Profile> list(String accountId, String name) {
            return byId.values().stream().filter(p -> p.accountId().equals(accountId)
                    && (name == null || p.name().equals(name))).toList();
        }

        @Override
        public synchronized void update(Profile profile) {
            byId.put(profile.id(), profile);
        }

        @Override
        public synchronized boolean delete(String accountId, UUID id) {
            return find(accountId, id).map(p -> byId.remove(id) != null).orElse(false);
        }

        @Override
        public synchronized List<String> profilesUsing(String accountId, Channel channel, String templateName,
                                                       String language) {
            return byId.values().stream().filter(p -> p.accountId().equals(accountId))
                    .filter(p -> p.channels().stream().anyMatch(c -> c.channel() == channel
                            && c.templates().stream().anyMatch(t -> t.name().equals(templateName)
                            && (language == null || t.language().equals(language)))))
                    .map(Profile::name).toList();
        }

        @Override
        public synchronized Optional<Profile> modify(String accountId, UUID id, UnaryOperator<Profile> change) {
            return find(accountId, id).map(change).map(changed -> {
                byId.put(id, changed);
                return changed;
            });
        }
    }

    static final class Priorities implements PriorityStore {
        final Map<UUID, Priority> byId = new LinkedHashMap<>();

        @Override
        public synchronized void insert(Priority priority) {
            byId.put(priority.id(), priority);
        }

        @Override
        public synchronized Optional<Priority> find(String accountId, UUID id) {
            return Optional.ofNullable(byId.get(id)).filter(p -> p.accountId().equals(accountId));
        }

        @Override
        public synchronized Optional<Priority> findByName(String accountId, String name) {
            return byId.values().stream().filter(p -> p.accountId().equals(accountId) && p.name().equals(name)).findFirst();
        }

        @Override
        public synchronized List<Priority> list(String accountId, String name) {
            return byId.values().stream().filter(p -> p.accountId().equals(accountId)
                    && (name == null || p.name().equals(name))).toList();
        }

        @Override
        public synchronized void update(Priority priority) {
            byId.put(priority.id(), priority);
        }

        @Override
        public synchronized Optional<Priority> modify(String accountId, UUID id, UnaryOperator<Priority> change) {
            return find(accountId, id).map(change).map(changed -> {
                byId.put(id, changed);
                return changed;
            });
        }

        @Override
        public synchronized boolean delete(String accountId, UUID id) {
            return find(accountId, id).map(p -> byId.remove(id) != null).orElse(false);
        }
    }

    static final class Templates implements TemplateStore {
        final Map<UUID, MessageTemplate> byId = new LinkedHashMap<>();

        @Override
        public synchronized void insert(MessageTemplate template) {
            byId.put(template.id(), template);
        }

        @Override
        public synchronized Optional<MessageTemplate> find(String accountId, Channel channel, UUID id) {
            return Optional.ofNullable(byId.get(id))
                    .filter(t -> t.accountId().equals(accountId) && t.channel() == channel);
        }

        @Override
        public synchronized Optional<MessageTemplate> findByName(String accountId, Channel channel, String name) {
            return byId.values().stream().filter(t -> t.accountId().equals(accountId) && t.channel() == channel
                    && t.name().equals(name)).findFirst();
        }

        @Override
        public synchronized List<MessageTemplate> list(String accountId, Channel channel, String name, String language) {
            return byId.values().stream().filter(t -> t.accountId().equals(accountId)
                    && (channel == null || t.channel() == channel)
                    && (name == null || t.name().equals(name))
                    && (language == null || t.language().equals(language))).toList();
        }

        @Override
        public synchronized void update(MessageTemplate template) {
            byId.put(template.id(), template);
        }

        @Override
        public synchronized boolean delete(String accountId, Channel channel, UUID id) {
            return find(accountId, channel, id).map(t -> byId.remove(id) != null).orElse(false);
        }
    }

    static final class WhatsAppTemplates implements WhatsAppTemplateStore {
        final Map<String, WhatsAppTemplate> byId = new LinkedHashMap<>();

        @Override
        public synchronized void insert(WhatsAppTemplate template) {
            byId.put(template.templateId(), template);
        }

        @Override
        public synchronized Optional<WhatsAppTemplate> find(String accountId, String templateId) {
            return Optional.ofNullable(byId.get(templateId)).filter(t -> t.accountId().equals(accountId));
        }

        @Override
        public synchronized Optional<WhatsAppTemplate> findByNameAndLanguage(String accountId, String name, String language) {
            return byId.values().stream().filter(t -> t.accountId().equals(accountId) && t.name().equals(name)
                    && t.language().equals(language)).findFirst();
        }

        @Override
        public synchronized List<WhatsAppTemplate> search(String accountId, String name, String language) {
            return byId.values().stream().filter(t -> t.accountId().equals(accountId)
                    && (name == null || t.name().equals(name))
                    && (language == null || t.language().equals(language))).toList();
        }

        @Override
        public synchronized void updateStatus(String accountId, String templateId, WhatsAppTemplate.ReviewStatus status,
                                              Instant updatedAt) {
            WhatsAppTemplate t = byId.get(templateId);
            byId.put(templateId, new WhatsAppTemplate(t.templateId(), t.accountId(), t.name(), t.language(),
                    t.otpType(), t.packageName(), t.signatureHash(), t.addSecurityRecommendation(),
                    t.codeExpirationMinutes(), t.autofillButtonText(), t.copyButtonText(), status, t.createdAt(),
                    updatedAt));
        }

        @Override
        public synchronized boolean delete(String accountId, String templateId) {
            return find(accountId, templateId).map(t -> byId.remove(templateId) != null).orElse(false);
        }
    }

    /** OTPs in a map; {@link #update} holds the store's lock, as the database's row lock would. */
    static final class Otps implements OtpStore {
        final Map<UUID, Otp> byId = new LinkedHashMap<>();
        final List<DeliveryJob> jobs = new ArrayList<>();
        /** The lease each job was stored with, by OTP id; absent for a job stored unleased. */
        final Map<UUID, DeliveryQueue.Lease> leases = new LinkedHashMap<>();
        /** The send times on record, by account and recipient ({@code account/to}). */
        final Map<String, List<Instant>> recipientSends = new LinkedHashMap<>();

        @Override
        public synchronized void insert(Otp otp, DeliveryJob job, Optional<DeliveryQueue.Lease> lease,
                                        RecipientAdmission admission) {
            if (admission.isLimited()) {
                String recipient = otp.accountId() + "/" + otp.to();
                recipientSends.put(recipient, List.copyOf(
                        admission.admit(recipientSends.getOrDefault(recipient, List.of()))));
            }
            byId.put(otp.id(), otp);
            jobs.add(job);
            lease.ifPresent(held -> leases.put(otp.id(), held));
        }

        @Override
        public synchronized Optional<Otp> find(String accountId, UUID id) {
            return Optional.ofNullable(byId.get(id)).filter(o -> o.accountId().equals(accountId));
        }

        @Override
        public synchronized List<Otp> list(String accountId, String to, OtpStatus status, int limit) {
            List<Otp> newestFirst = new ArrayList<>(byId.values());
            java.util.Collections.reverse(newestFirst);
            return newestFirst.stream()
                    .filter(o -> o.accountId().equals(accountId))
                    .filter(o -> to == null || o.to().equals(to))
                    .filter(o -> status == null || o.status() == status)
                    .sorted(Comparator.comparing(Otp::created).reversed())
                    .limit(limit)
                    .toList();
        }

        @Override
        public synchronized <R> Optional<R> update(String accountId, UUID id, Function<Otp, Change<R>> change) {
            return find(accountId, id).map(otp -> {
                Change<R> decided = change.apply(otp);
                if (decided.replacement() != null) {
                    byId.put(id, decided.replacement());
                }
                return Objects.requireNonNull(decided.result());
            });
        }

        @Override
        public synchronized boolean delete(String accountId, UUID id) {
            return find(accountId, id).map(o -> byId.remove(id) != null).orElse(false);
        }
    }
}
