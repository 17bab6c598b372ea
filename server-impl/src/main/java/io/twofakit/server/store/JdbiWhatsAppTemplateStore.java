package io.twofakit.server.store;

import io.twofakit.server.domain.whatsapp.WhatsAppTemplate;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.OtpButtonType;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplate.ReviewStatus;
import io.twofakit.server.domain.whatsapp.WhatsAppTemplateStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * WhatsApp templates in the table {@code whatsapp_template}. The unique key (account, name, language) is
 * what refuses a second template of one name and language.
 */
public final class JdbiWhatsAppTemplateStore implements WhatsAppTemplateStore {

    private static final String COLUMNS = "template_id, account_id, name, language, otp_type, package_name,"
            + " signature_hash, add_security_recommendation, code_expiration_minutes, autofill_button_text,"
            + " copy_button_text, status, created_at, updated_at";

    private final Jdbi jdbi;

    public JdbiWhatsAppTemplateStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void insert(WhatsAppTemplate t) {
        UniqueViolation.guardingName(t.name(), () -> jdbi.useHandle(handle -> handle.createUpdate(
                        "insert into whatsapp_template (" + COLUMNS + ") values (:templateId, :account, :name,"
                                + " :language, :otpType, :packageName, :signatureHash, :securityRecommendation,"
                                + " :minutes, :autofillText, :copyText, :status, :createdAt, :updatedAt)")
                .bind("templateId", t.templateId())
                .bind("account", t.accountId())
                .bind("name", t.name())
                .bind("language", t.language())
                .bind("otpType", t.otpType().name())
                .bind("packageName", t.packageName())
                .bind("signatureHash", t.signatureHash())
                .bind("securityRecommendation", t.addSecurityRecommendation())
                .bind("minutes", t.codeExpirationMinutes())
                .bind("autofillText", t.autofillButtonText())
                .bind("copyText", t.copyButtonText())
                .bind("status", t.status().name())
                .bind("createdAt", SqlTimes.utc(t.createdAt()))
                .bind("updatedAt", SqlTimes.utc(t.updatedAt()))
                .execute()));
    }

    @Override
    public Optional<WhatsAppTemplate> find(String accountId, String templateId) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from whatsapp_template"
                        + " where account_id = :account and template_id = :templateId")
                .bind("account", accountId)
                .bind("templateId", templateId)
                .map(JdbiWhatsAppTemplateStore::template)
                .findOne());
    }

    @Override
    public Optional<WhatsAppTemplate> findByNameAndLanguage(String accountId, String name, String language) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from whatsapp_template"
                        + " where account_id = :account and name = :name and language = :language")
                .bind("account", accountId)
                .bind("name", name)
                .bind("language", language)
                .map(JdbiWhatsAppTemplateStore::template)
                .findOne());
    }

    @Override
    public List<WhatsAppTemplate> search(String accountId, String name, String language) {
        FilteredSelect select = new FilteredSelect("select " + COLUMNS + " from whatsapp_template where account_id = :account",
                accountId)
                .where("name", name)
                .where("language", language);
        return jdbi.withHandle(handle -> select.query(handle, " order by position")
                .map(JdbiWhatsAppTemplateStore::template).list());
    }

    @Override
    public void updateStatus(String accountId, String templateId, ReviewStatus status, Instant updatedAt) {
        jdbi.useHandle(handle -> handle.createUpdate("update whatsapp_template set status = :status,"
                        + " updated_at = :updatedAt where account_id = :account and template_id = :templateId")
                .bind("status", status.name())
                .bind("updatedAt", SqlTimes.utc(updatedAt))
                .bind("account", accountId)
                .bind("templateId", templateId)
                .execute());
    }

    @Override
    public boolean delete(String accountId, String templateId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "delete from whatsapp_template where account_id = :account and template_id = :templateId")
                .bind("account", accountId)
                .bind("templateId", templateId)
                .execute()) > 0;
    }

    private static WhatsAppTemplate template(ResultSet row, StatementContext context) throws SQLException {
        return new WhatsAppTemplate(
                row.getString("template_id"),
                row.getString("account_id"),
                row.getString("name"),
                row.getString("language"),
                OtpButtonType.valueOf(row.getString("otp_type")),
                row.getString("package_name"),
                row.getString("signature_hash"),
                row.getBoolean("add_security_recommendation"),
                row.getInt("code_expiration_minutes"),
                row.getString("autofill_button_text"),
                row.getString("copy_button_text"),
                ReviewStatus.valueOf(row.getString("status")),
                SqlTimes.instant(row, "created_at"),
                SqlTimes.instant(row, "updated_at"));
    }
}
