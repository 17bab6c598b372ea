package io.twofakit.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The server secret that servers before schema version 6 kept in the table {@code server_secret}, beside the codes it
 * protects: a dump of the database then held both the code hashes and their key. Before the migrations run, the
 * secret is handed to whoever keeps it elsewhere (the key file) and only then deleted from the database; migration
 * V6 drops the table. Done before Flyway rather than in a migration, so that a failed hand-over leaves the database
 * exactly as it was, on H2 (whose failed migrations Flyway records) as on PostgreSQL.
 */
final class KeptServerSecret {

    /** The row's name, as the servers before version 6 wrote it. */
    static final String NAME = "otp-codes";
    static final String TABLE = "server_secret";

    private KeptServerSecret() {
    }

    /**
     * Hands the kept secret over, then deletes it; nothing happens on a database without one (new, or migrated
     * past version 5).
     *
     * @param keeper takes the secret and keeps it elsewhere; when it throws, the secret stays in the database
     */
    static void moveOut(DataSource dataSource, Consumer<String> keeper) {
        try (Connection connection = dataSource.getConnection()) {
            if (!tableExists(connection)) {
                return;
            }
            Optional<String> kept = read(connection);
            if (kept.isEmpty()) {
                return;
            }
            keeper.accept(kept.get());
            try (PreparedStatement delete = connection.prepareStatement("delete from " + TABLE)) {
                delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look for a server secret kept in the database: " + e.getMessage(), e);
        }
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(TABLE)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Optional<String> read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select secret_value from " + TABLE + " where name = ?")) {
            select.setString(1, NAME);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
