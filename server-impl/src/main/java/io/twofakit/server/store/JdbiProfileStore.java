package io.twofakit.server.store;

import io.twofakit.server.domain.Channel;
import io.twofakit.server.domain.profile.Profile;
import io.twofakit.server.domain.profile.ProfileChannel;
import io.twofakit.server.domain.profile.ProfileStore;
import io.twofakit.server.domain.profile.TemplateRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** {@link ProfileStore} on the tables {@code profile}, {@code profile_channel} and {@code profile_template}. */
public final class JdbiProfileStore extends JdbiAccountResourceStore<Profile> implements ProfileStore {

    private static final String SELECT = """
            select p.id, p.account_id, p.name, p.attempts, p.otp_code_length, p.alphanumeric,
                   c.channel, t.language, t.template_name
              from profile p
              left join profile_channel c on c.profile_id = p.id
              left join profile_template t on t.profile_id = c.profile_id and t.channel = c.channel
             where p.account_id = :account""";

    public JdbiProfileStore(Database database) {
        super(database, "profile", SELECT, "p", " order by p.seq, c.position, t.position");
    }

    @Override
    public void insert(Profile profile) {
        jdbi.useTransaction(handle -> {
            UniqueViolation.guardingName(profile.name(), () -> handle.createUpdate("""
                            insert into profile (id, account_id, name, attempts, otp_code_length, alphanumeric)
                            values (:id, :account, :name, :attempts, :length, :alphanumeric)""")
                    .bind("id", profile.id())
                    .bind("account", profile.accountId())
                    .bind("name", profile.name())
                    .bind("attempts", profile.attempts())
                    .bind("length", profile.otpCodeLength())
                    .bind("alphanumeric", profile.alphanumeric())
                    .execute());
            insertChannels(handle, profile);
        });
    }

    @Override
    public List<Profile> list(String accountId, String name) {
        return list(accountId, "name", name);
    }

    @Override
    public List<String> profilesUsing(String accountId, Channel channel, String templateName, String language) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("""
                            select distinct p.name
                              from profile p
                              join profile_template t on t.profile_id = p.id
                             where p.account_id = :account and t.channel = :channel and t.template_name = :template"""
                            + (language == null ? "" : " and t.language = :language")
                            + " order by p.name")
                    .bind("account", accountId)
                    .bind("channel", channel.name())
                    .bind("template", templateName);
            return (language == null ? query : query.bind("language", language)).mapTo(String.class).list();
        });
    }

    @Override
    protected void write(Handle handle, Profile profile) {
        UniqueViolation.guardingName(profile.name(), () -> handle.createUpdate("""
                        update profile set name = :name, attempts = :attempts, otp_code_length = :length,
                               alphanumeric = :alphanumeric
                         where account_id = :account and id = :id""")
                .bind("name", profile.name())
                .bind("attempts", profile.attempts())
                .bind("length", profile.otpCodeLength())
                .bind("alphanumeric", profile.alphanumeric())
                .bind("account", profile.accountId())
                .bind("id", profile.id())
                .execute());
        handle.createUpdate("delete from profile_channel where profile_id = :id").bind("id", profile.id()).execute();
        insertChannels(handle, profile);
    }

    private static void insertChannels(Handle handle, Profile profile) {
        if (profile.channels().isEmpty()) {
            return;
        }
        PreparedBatch channels = handle.prepareBatch(
                "insert into profile_channel (profile_id, position, channel) values (:profile, :position, :channel)");
        PreparedBatch templates = handle.prepareBatch("""
                insert into profile_template (profile_id, channel, position, language, template_name)
                values (:profile, :channel, :position, :language, :name)""");
        boolean anyTemplate = false;
        for (int c = 0; c < profile.channels().size(); c++) {
            ProfileChannel channel = profile.channels().get(c);
            channels.bind("profile", profile.id()).bind("position", c).bind("channel", channel.channel().name()).add();
            for (int t = 0; t < channel.templates().size(); t++) {
                TemplateRef template = channel.templates().get(t);
                templates.bind("profile", profile.id())
                        .bind("channel", channel.channel().name())
                        .bind("position", t)
                        .bind("language", template.language())
                        .bind("name", template.name())
                        .add();
                anyTemplate = true;
            }
        }
        channels.execute();
        if (anyTemplate) {
            templates.execute();
        }
    }

    /** Folds the joined rows (one per template, channel without template, or profile without channel) into profiles. */
    @Override
    protected List<Profile> read(Query query) {
        Map<UUID, Profile> profiles = new LinkedHashMap<>();
        Map<UUID, Map<Channel, List<TemplateRef>>> channels = new LinkedHashMap<>();
        query.map((rs, ctx) -> new JoinedRow(
                        new Profile(rs.getObject("id", UUID.class), rs.getString("account_id"), rs.getString("name"),
                                rs.getInt("attempts"), rs.getInt("otp_code_length"), rs.getBoolean("alphanumeric"), List.of()),
                        rs.getString("channel"),
                        rs.getString("template_name"),
                        rs.getString("language")))
                .forEach(row -> {
                    UUID id = row.profile.id();
                    profiles.putIfAbsent(id, row.profile);
                    Map<Channel, List<TemplateRef>> own = channels.computeIfAbsent(id, key -> new LinkedHashMap<>());
                    if (row.channel != null) {
                        List<TemplateRef> templates = own.computeIfAbsent(Channel.valueOf(row.channel), key -> new ArrayList<>());
                        if (row.templateName != null) {
                            templates.add(new TemplateRef(row.templateName, row.language));
                        }
                    }
                });
        return profiles.values().stream()
                .map(p -> new Profile(p.id(), p.accountId(), p.name(), p.attempts(), p.otpCodeLength(), p.alphanumeric(),
                        channels.get(p.id()).entrySet().stream()
                                .map(entry -> new ProfileChannel(entry.getKey(), entry.getValue()))
                                .toList()))
                .toList();
    }

    /** One row of the join: a profile (without channels), and one channel and template of it, if any. */
    private record JoinedRow(Profile profile, String channel, String templateName, String language) {
    }
}
