package io.twofakit.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Provides the databases of {@link DatabaseTest}: a fresh H2 database, and a fresh PostgreSQL schema. */
public final class TestDatabases implements TestTemplateInvocationContextProvider {

    public static final String POSTGRES_URL_ENV = "TWOFA_TEST_POSTGRES_URL";
    static final String POSTGRES_URL_PROPERTY = "twofa.test.postgresUrl";

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(DatabaseTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        boolean migrated = context.getRequiredTestMethod().getAnnotation(DatabaseTest.class).migrated();
        return Stream.of(new Invocation(new H2(), migrated), new Invocation(new Postgres(postgresUrl()), migrated));
    }

    public static String postgresUrl() {
        String url = System.getProperty(POSTGRES_URL_PROPERTY);
        return url != null && !url.isBlank() ? url : System.getenv(POSTGRES_URL_ENV);
    }

    /** One kind of database: opens a fresh one (migrated or empty), and throws it away afterwards. */
    private interface Kind {
        String name();

        Database open(boolean migrated);

        void discard();
    }

    private static final class H2 implements Kind {
        @Override
        public String name() {
            return "H2";
        }

        @Override
        public Database open(boolean migrated) {
            String url = "jdbc:h2:mem:test-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            return migrated ? Database.open(url) : Database.connect(url);
        }

        @Override
        public void discard() {
            // An in-memory database with a unique name disappears when the pool closes its last connection.
        }
    }

    private static final class Postgres implements Kind {
        private final String serverUrl;
        private String schema;

        Postgres(String serverUrl) {
            this.serverUrl = serverUrl;
        }

        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public Database open(boolean migrated) {
            Assumptions.assumeTrue(serverUrl != null && !serverUrl.isBlank(),
                    "No PostgreSQL server given: set " + POSTGRES_URL_ENV + " (CI does) to run the store tests on PostgreSQL too");
            schema = "test_" + UUID.randomUUID().toString().replace("-", "");
            execute("create schema " + schema);
            String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return migrated ? Database.open(url) : Database.connect(url);
        }

        @Override
        public void discard() {
            if (schema != null) {
                execute("drop schema " + schema + " cascade");
            }
        }

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(serverUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + serverUrl + ": " + sql, e);
            }
        }
    }

    private static final class Invocation implements TestTemplateInvocationContext {
        private final Kind kind;
        private final boolean migrated;

        Invocation(Kind kind, boolean migrated) {
            this.kind = kind;
            this.migrated = migrated;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.name() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new OpenedDatabase(kind, migrated));
        }
    }

    /** Opens the database before the test (or skips it), and closes and discards it after the test. */
    private static final class OpenedDatabase implements BeforeEachCallback, ParameterResolver, AfterEachCallback {
        private final Kind kind;
        private final boolean migrated;
        private Database database;

        OpenedDatabase(Kind kind, boolean migrated) {
            this.kind = kind;
            this.migrated = migrated;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Database.class;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            database = kind.open(migrated);
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return database;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            try {
                if (database != null) {
                    database.close();
                }
            } finally {
                kind.discard();
            }
        }
    }
}
