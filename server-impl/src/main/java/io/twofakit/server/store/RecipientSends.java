package io.twofakit.server.store;

import io.twofakit.server.domain.limits.RecipientAdmission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The table {@code recipient_sends}: per account and number, the times of the recent sends, as milliseconds
 * since the epoch separated by commas, oldest first. Read with {@code select ... for update}, so that sends to
 * one number decide one after the other.
 */
final class RecipientSends {

    /**
     * A concurrent first send to the same new recipient inserted its row first. The transaction is given up (on
     * PostgreSQL a failed statement ends it anyway) and tried again, when the row exists and is locked.
     */
    static final class FirstSendRaced extends RuntimeException {
        FirstSendRaced(Throwable cause) {
            super("a concurrent first send to the same recipient created its record", cause);
        }
    }

    private RecipientSends() {
    }

    /**
     * Locks the recipient's record, lets {@code admission} decide about one more send and records its answer.
     *
     * @throws io.twofakit.server.domain.limits.LimitExceededException when {@code admission} refuses the send
     * @throws FirstSendRaced when a concurrent first send to the recipient created the record meanwhile
     */
    static void admit(Handle handle, String accountId, String to, RecipientAdmission admission) {
        Optional<String> recorded = handle.createQuery("select recent_sends from recipient_sends"
                        + " where account_id = :account and to_number = :to for update")
                .bind("account", accountId)
                .bind("to", to)
                .mapTo(String.class)
                .findOne();
        String kept = format(admission.admit(parse(recorded.orElse(""))));
        if (recorded.isPresent()) {
            handle.createUpdate("update recipient_sends set recent_sends = :sends"
                            + " where account_id = :account and to_number = :to")
                    .bind("sends", kept)
                    .bind("account", accountId)
                    .bind("to", to)
                    .execute();
            return;
        }
        try {
            handle.createUpdate("insert into recipient_sends (account_id, to_number, recent_sends)"
                            + " values (:account, :to, :sends)")
                    .bind("account", accountId)
                    .bind("to", to)
                    .bind("sends", kept)
                    .execute();
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                throw new FirstSendRaced(e);
            }
            throw e;
        }
    }

    static List<Instant> parse(String text) {
        List<Instant> sends = new ArrayList<>();
        for (String millis : text.split(",")) {
            if (!millis.isBlank()) {
                sends.add(Instant.ofEpochMilli(Long.parseLong(millis.trim())));
            }
        }
        return sends;
    }

    static String format(List<Instant> sends) {
        return sends.stream().map(sent -> Long.toString(sent.toEpochMilli())).collect(Collectors.joining(","));
    }
}
