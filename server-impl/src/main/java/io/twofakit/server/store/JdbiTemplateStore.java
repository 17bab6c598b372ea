package io.twofakit.server.store;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.ResourceNotFoundException;
import io.twofakit.server.domain.template.MessageTemplate;
import io.twofakit.server.domain.template.TemplateStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SMS, Viber and Voice templates in the table {@code message_template}, one table for the three channels.
 * The unique key (account, channel, name) is what refuses a duplicate name.
 */
public final class JdbiTemplateStore implements TemplateStore {

    private static final String COLUMNS = "id, account_id, channel, name, language, message, code_expiration_minutes";

    private final Jdbi jdbi;

    public JdbiTemplateStore(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public void insert(MessageTemplate template) {
        UniqueViolation.guardingName(template.name(), () -> jdbi.useHandle(handle -> handle.createUpdate(
                        "insert into message_template (" + COLUMNS + ")"
                                + " values (:id, :account, :channel, :name, :language, :message, :minutes)")
                .bind("id", template.id())
                .bind("account", template.accountId())
                .bind("channel", template.channel().name())
                .bind("name", template.name())
                .bind("language", template.language())
                .bind("message", template.message())
                .bind("minutes", template.codeExpirationMinutes())
                .execute()));
    }

    @Override
    public Optional<MessageTemplate> find(String accountId, Channel channel, UUID id) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from message_template"
                        + " where account_id = :account and channel = :channel and id = :id")
                .bind("account", accountId)
                .bind("channel", channel.name())
                .bind("id", id)
                .map(JdbiTemplateStore::template)
                .findOne());
    }

    @Override
    public Optional<MessageTemplate> findByName(String accountId, Channel channel, String name) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + COLUMNS + " from message_template"
                        + " where account_id = :account and channel = :channel and name = :name")
                .bind("account", accountId)
                .bind("channel", channel.name())
                .bind("name", name)
                .map(JdbiTemplateStore::template)
                .findOne());
    }

    @Override
    public List<MessageTemplate> list(String accountId, Channel channel, String name, String language) {
        FilteredSelect select = new FilteredSelect("select " + COLUMNS + " from message_template where account_id = :account",
                accountId)
                .where("channel", channel == null ? null : channel.name())
                .where("name", name)
                .where("language", language);
        return jdbi.withHandle(handle -> select.query(handle, " order by position").map(JdbiTemplateStore::template).list());
    }

    /** {@inheritDoc} A template that is not there (any more) is not found. */
    @Override
    public void replace(MessageTemplate template) {
        int updated = UniqueViolation.guardingName(template.name(), () -> jdbi.withHandle(handle -> handle.createUpdate(
                        "update message_template set name = :name, message = :message, code_expiration_minutes = :minutes"
                                + " where account_id = :account and channel = :channel and id = :id")
                .bind("name", template.name())
                .bind("message", template.message())
                .bind("minutes", template.codeExpirationMinutes())
                .bind("account", template.accountId())
                .bind("channel", template.channel().name())
                .bind("id", template.id())
                .execute()));
        if (updated == 0) {
            throw new ResourceNotFoundException(ResourceNotFoundException.Kind.TEMPLATE, template.id().toString());
        }
    }

    @Override
    public boolean delete(String accountId, Channel channel, UUID id) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "delete from message_template where account_id = :account and channel = :channel and id = :id")
                .bind("account", accountId)
                .bind("channel", channel.name())
                .bind("id", id)
                .execute()) > 0;
    }

    private static MessageTemplate template(ResultSet row, StatementContext context) throws SQLException {
        return new MessageTemplate(
                row.getObject("id", UUID.class),
                row.getString("account_id"),
                Channel.valueOf(row.getString("channel")),
                row.getString("name"),
                row.getString("language"),
                row.getString("message"),
                row.getInt("code_expiration_minutes"));
    }
}
