package io.twofakit.server;

import io.twofakit.server.config.DatabaseUrls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What the start-up makes sure of before it changes anything: that the port is free (it is bound at once and held
 * until the HTTP server takes it over) and that an embedded database is not open in another process.
 */
final class StartChecks {

    /** H2's error code for a database file that another process holds open (DATABASE_ALREADY_OPEN_1). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private StartChecks() {
    }

    /** The port, bound by this process until {@link #release()}; nothing is held for port 0 (any free port). */
    static final class PortReservation implements AutoCloseable {

        private ServerSocket socket;

        private PortReservation(ServerSocket socket) {
            this.socket = socket;
        }

        /** Lets the port go, for the HTTP server to bind it right after. */
        void release() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    socket = null;
                }
            }
        }

        @Override
        public void close() {
            release();
        }
    }

    /**
     * Binds {@code host:port}.
     *
     * @throws StartRefusedException when another program listens there, or the address is not one of this machine
     */
    static PortReservation reservePort(String host, int port) {
        if (port == 0) {
            return new PortReservation(null);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new StartRefusedException("cannot listen on " + host + ": no such host");
        }
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(address);
            return new PortReservation(socket);
        } catch (BindException e) {
            closeQuietly(socket);
            String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (reason.contains("assign")) {
                throw new StartRefusedException("cannot listen on " + host + ": not an address of this machine"
                        + " (--host)");
            }
            throw new StartRefusedException("port " + port + " on " + host + " is in use by another program"
                    + " (another twofa-server?): stop it, or choose another port with --port");
        } catch (IOException e) {
            closeQuietly(socket);
            throw new StartRefusedException("cannot listen on " + host + " port " + port + ": " + e.getMessage());
        }
    }

    /**
     * Refuses an embedded H2 database in a file that another process holds open: H2 lets one process have it.
     * Opens it (which creates an empty database where there was none) and keeps it open until the returned hold is
     * closed, so that the server's own first connection finds it open rather than opening it a second time; any
     * other trouble with the database is left to the start-up, which waits for a database that cannot be reached yet.
     *
     * @return what keeps the database open: close it once the server has connected
     * @throws StartRefusedException when the database is in use
     */
    static DatabaseHold ensureDatabaseFree(String jdbcUrl) {
        if (!isEmbeddedH2File(jdbcUrl)) {
            return new DatabaseHold(null);
        }
        try {
            return new DatabaseHold(DriverManager.getConnection(jdbcUrl));
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                throw new StartRefusedException("the database " + DatabaseUrls.masked(jdbcUrl.split(";", 2)[0])
                        + " is in use by another process (another twofa-server?): stop it, or give another database"
                        + " with --database");
            }
            return new DatabaseHold(null);
        }
    }

    /** A connection that keeps an embedded database open in this process until {@link #close()}, or nothing. */
    static final class DatabaseHold implements AutoCloseable {

        private final Connection connection;

        private DatabaseHold(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the server's own connections keep the database open, or report what is wrong with it
                }
            }
        }
    }

    /** An H2 database in a file opened by this process alone: not in memory, not over H2's TCP server. */
    static boolean isEmbeddedH2File(String jdbcUrl) {
        String url = jdbcUrl.toUpperCase(Locale.ROOT);
        return url.startsWith("JDBC:H2:") && !url.startsWith("JDBC:H2:MEM:") && !url.startsWith("JDBC:H2:TCP:")
                && !url.startsWith("JDBC:H2:SSL:") && !url.contains(";AUTO_SERVER=TRUE");
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // it was never bound
            }
        }
    }
}
