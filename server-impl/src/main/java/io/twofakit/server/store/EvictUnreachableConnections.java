package io.twofakit.server.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells HikariCP to throw away a connection whose database could not be reached, whatever the driver's error code
 * (HikariCP knows PostgreSQL's codes, not H2's "connection broken"): otherwise a busy pool keeps lending out dead
 * connections after the database is back, and the server never recovers. Built by HikariCP by its class name.
 */
public final class EvictUnreachableConnections implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return DatabaseUnreachable.causes(failure) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
