package io.twofakit.server.domain.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's stand-in for the recipients' phones: the newest messages the simulated channels sent, kept
 * per account that sent them, at most {@code capacity} per account (the oldest are dropped first), in memory only.
 * An account sees only its own messages, and one account's many messages never push out another's.
 */
public final class Handset {

    /** Messages kept per account by default. */
    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final Map<String, Deque<HandsetMessage>> messagesByAccount = new HashMap<>();

    public Handset(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public synchronized void record(HandsetMessage message) {
        Deque<HandsetMessage> messages = messagesByAccount.computeIfAbsent(message.accountId(), a -> new ArrayDeque<>());
        if (messages.size() == capacity) {
            messages.removeFirst();
        }
        messages.addLast(message);
    }

    /** The kept messages of {@code accountId} to {@code to} (all of its messages when null), oldest first. */
    public synchronized List<HandsetMessage> messages(String accountId, String to) {
        List<HandsetMessage> found = new ArrayList<>();
        for (HandsetMessage message : messagesByAccount.getOrDefault(accountId, new ArrayDeque<>())) {
            if (to == null || to.equals(message.to())) {
                found.add(message);
            }
        }
        return found;
    }
}
