package io.twofakit.server.store;

import io.twofakit.server.domain.StoreTransaction;
import io.twofakit.server.domain.limits.RecipientAdmission;
import io.twofakit.server.domain.otp.Otp;
import io.twofakit.server.domain.otp.OtpStatus;
import io.twofakit.server.domain.otp.OtpStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * OTPs in the table {@code otp}. {@link #update} reads the row with {@code select ... for update}, so that
 * concurrent validations of one OTP wait for each other (on H2 and PostgreSQL alike). The sends to each
 * recipient are on record in {@code recipient_sends}, locked the same way while a send decides.
 */
public final class JdbiOtpStore implements OtpStore {

    private static final String COLUMNS = "id, account_id, profile_id, to_number, code_hash, status, attempt_count,"
            + " allowed_attempts, created_at, expires_at";

    private final Jdbi jdbi;
    private final GroupCommit commits;

    public JdbiOtpStore(Database database) {
        this.jdbi = database.jdbi();
        this.commits = database.groupCommit();
    }

    @Override
    public void insert(StoreTransaction transaction, Otp otp, RecipientAdmission admission) {
        Handle handle = JdbiTransaction.handleOf(transaction);
        if (admission.isLimited()) {
            RecipientSends.admit(handle, otp.accountId(), otp.to(), admission);
        }
        handle.createUpdate("insert into otp (" + COLUMNS + ") values (:id, :account, :profile, :to, :hash,"
                        + " :status, :attempts, :allowed, :created, :expires)")
                .bind("id", otp.id())
                .bind("account", otp.accountId())
                .bindByType("profile", otp.profileId(), UUID.class)
                .bind("to", otp.to())
                .bind("hash", otp.codeHash())
                .bind("status", otp.status().name())
                .bind("attempts", otp.attemptCount())
                .bind("allowed", otp.allowedAttempts())
                .bind("created", SqlTimes.utc(otp.created()))
                .bind("expires", SqlTimes.utc(otp.expires()))
                .execute();
    }

    @Override
    public Optional<Otp> find(String accountId, UUID id) {
        return jdbi.withHandle(handle -> select(handle, accountId, id, ""));
    }

    @Override
    public List<Otp> list(String accountId, String to, OtpStatus status, int limit) {
        FilteredSelect select = new FilteredSelect("select " + COLUMNS + " from otp where account_id = :account", accountId)
                .where("to_number", to)
                .where("status", status == null ? null : status.name());
        return jdbi.withHandle(handle -> select.query(handle, " order by created_at desc, seq desc limit :limit")
                .bind("limit", limit)
                .map((row, ctx) -> otp(row))
                .list());
    }

    @Override
    public <R> Optional<R> modify(String accountId, UUID id, Function<Otp, Change<R>> change) {
        return commits.inTransaction(handle -> {
            Optional<Otp> locked = select(handle, accountId, id, " for update");
            if (locked.isEmpty()) {
                return Optional.<R>empty();
            }
            Change<R> decided = change.apply(locked.get());
            Otp replacement = decided.replacement();
            if (replacement != null) {
                handle.createUpdate("update otp set status = :status, attempt_count = :attempts"
                                + " where id = :id and account_id = :account")
                        .bind("status", replacement.status().name())
                        .bind("attempts", replacement.attemptCount())
                        .bind("id", id)
                        .bind("account", accountId)
                        .execute();
            }
            return Optional.ofNullable(decided.result());
        });
    }

    @Override
    public boolean delete(String accountId, UUID id) {
        // The row is locked first, as modify() does, so that the delete waits for a delivery worker that is ending
        // the OTP's job (which the delete's cascade reaches): without the lock, H2 may find no row to delete for
        // an OTP that exists. The delivery job and its steps go with the OTP (on delete cascade).
        return ContentionRetry.retrying(() -> jdbi.inTransaction(handle -> RowLock.lock(handle, "otp", accountId, id)
                && handle.createUpdate("delete from otp where id = :id and account_id = :account")
                        .bind("id", id)
                        .bind("account", accountId)
                        .execute() > 0));
    }

    private static Optional<Otp> select(Handle handle, String accountId, UUID id, String lock) {
        return handle.createQuery("select " + COLUMNS + " from otp where id = :id and account_id = :account" + lock)
                .bind("id", id)
                .bind("account", accountId)
                .map((row, ctx) -> otp(row))
                .findOne();
    }

    private static Otp otp(ResultSet row) throws SQLException {
        return new Otp(
                row.getObject("id", UUID.class),
                row.getString("account_id"),
                row.getObject("profile_id", UUID.class),
                row.getString("to_number"),
                row.getString("code_hash"),
                OtpStatus.valueOf(row.getString("status")),
                row.getInt("attempt_count"),
                row.getInt("allowed_attempts"),
                SqlTimes.instant(row, "created_at"),
                SqlTimes.instant(row, "expires_at"));
    }
}
