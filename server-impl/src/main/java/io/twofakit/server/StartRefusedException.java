package io.twofakit.server;

/**
 * The server cannot start for a reason the operator can fix at once, said in one sentence: its port is taken, its
 * database is open in another process. Found before anything is migrated or generated; {@code main} prints the
 * message as one line and exits with status 2.
 */
public final class StartRefusedException extends RuntimeException {

    public StartRefusedException(String message) {
        super(message);
    }
}
