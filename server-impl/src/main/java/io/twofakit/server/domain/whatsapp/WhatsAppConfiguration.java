package io.twofakit.server.domain.whatsapp;

import java.time.Instant;
import java.util.UUID;

/** The WhatsApp account an account sends its WhatsApp OTPs from; at most one per account. */
public record WhatsAppConfiguration(String accountId, UUID whatsAppAccountId, Instant createdAt) {
}
