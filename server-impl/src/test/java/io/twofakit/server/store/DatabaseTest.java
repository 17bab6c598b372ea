package io.twofakit.server.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store test whose one body runs once per database: on H2 (always) and on PostgreSQL (when
 * {@code TWOFA_TEST_POSTGRES_URL} or {@code -Dtwofa.test.postgresUrl} names a server; skipped with a message
 * otherwise). Each run gets a fresh, fully migrated {@link Database} as a parameter (or, with
 * {@code migrated = false}, an empty one that a test of the migrations brings to the version it needs):
 *
 * <pre>{@code
 * @DatabaseTest
 * void aSecondTemplateOfTheSameNameIsRefused(Database database) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(TestDatabases.class)
public @interface DatabaseTest {

    /** Whether the database is migrated to the newest version before the test; false: empty. */
    boolean migrated() default true;
}
