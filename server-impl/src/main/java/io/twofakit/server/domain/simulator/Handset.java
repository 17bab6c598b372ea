package io.twofakit.server.domain.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The simulator's stand-in for the recipients' phones: the newest messages the simulated channels sent,
 * at most {@code capacity} of them (the oldest are dropped first), in memory only.
 */
public final class Handset {

    /** Messages kept by default. */
    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final Deque<HandsetMessage> messages = new ArrayDeque<>();

    public Handset(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public synchronized void record(HandsetMessage message) {
        if (messages.size() == capacity) {
            messages.removeFirst();
        }
        messages.addLast(message);
    }

    /** The kept messages to {@code to} (all when null), oldest first. */
    public synchronized List<HandsetMessage> messages(String to) {
        List<HandsetMessage> found = new ArrayList<>();
        for (HandsetMessage message : messages) {
            if (to == null || to.equals(message.to())) {
                found.add(message);
            }
        }
        return found;
    }

    /** The newest {@code limit} messages, newest first. */
    public synchronized List<HandsetMessage> newest(int limit) {
        List<HandsetMessage> found = new ArrayList<>();
        var newestFirst = messages.descendingIterator();
        while (newestFirst.hasNext() && found.size() < limit) {
            found.add(newestFirst.next());
        }
        return found;
    }
}
