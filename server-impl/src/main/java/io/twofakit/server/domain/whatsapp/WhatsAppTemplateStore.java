package io.twofakit.server.domain.whatsapp;

import java.util.List;
import java.util.Optional;

/** Durable storage of WhatsApp templates, scoped to one account in every method. */
public interface WhatsAppTemplateStore {

    /** Stores a submitted template; throws {@link io.twofakit.server.domain.NameAlreadyTakenException} when name and language are taken. */
    void insert(WhatsAppTemplate template);

    Optional<WhatsAppTemplate> find(String accountId, String templateId);

    Optional<WhatsAppTemplate> findByNameAndLanguage(String accountId, String name, String language);

    /** Templates filtered by exact name and/or language when given (the four search rules), oldest first. */
    List<WhatsAppTemplate> search(String accountId, String name, String language);

    /** Stores a new review status and update time. */
    void updateStatus(String accountId, String templateId, WhatsAppTemplate.ReviewStatus status, java.time.Instant updatedAt);

    /** @return whether a template was deleted */
    boolean delete(String accountId, String templateId);
}
