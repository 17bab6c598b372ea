package io.twofakit.server.domain.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link Handset} in this server's memory: gone when the server stops, seen by no other server. */
public final class InMemoryHandset implements Handset {

    private final int capacity;
    private final Map<String, Deque<HandsetMessage>> messagesByAccount = new HashMap<>();

    public InMemoryHandset(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void record(HandsetMessage message) {
        Deque<HandsetMessage> messages = messagesByAccount.computeIfAbsent(message.accountId(), a -> new ArrayDeque<>());
        if (messages.size() == capacity) {
            messages.removeFirst();
        }
        messages.addLast(message);
    }

    @Override
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
