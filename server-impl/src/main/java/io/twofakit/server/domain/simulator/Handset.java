package io.twofakit.server.domain.simulator;

import java.util.List;

/**
 * The simulator's stand-in for the recipients' phones: the newest messages the simulated channels sent, kept per
 * account that sent them, at most a capacity per account (the oldest are dropped first). An account sees only its
 * own messages, and one account's many messages never push out another's.
 *
 * <p>{@link InMemoryHandset} keeps them in the server's memory (a server with a database of its own);
 * {@code store.JdbiHandset} in the database, so that every server sharing it shows the same messages.
 */
public interface Handset {

    /** Messages kept per account by default. */
    int DEFAULT_CAPACITY = 1000;

    void record(HandsetMessage message);

    /** The kept messages of {@code accountId} to {@code to} (all of its messages when null), oldest first. */
    List<HandsetMessage> messages(String accountId, String to);
}
