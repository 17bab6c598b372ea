package io.twofakit.server.work;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Durable work that a {@link WorkLoop} runs: jobs, webhook deliveries. */
public interface WorkSource {

    /**
     * What one poll found.
     *
     * @param tasks claimed pieces of work, each to run on one of the loop's threads
     * @param nextDue when more work becomes due without anyone waking the loop, if known
     */
    record Batch(List<Runnable> tasks, Optional<Instant> nextDue) {

        public Batch {
            tasks = List.copyOf(tasks);
            nextDue = nextDue == null ? Optional.empty() : nextDue;
        }

        public static Batch of(List<Runnable> tasks) {
            return new Batch(tasks, Optional.empty());
        }
    }

    /** Claims at most {@code capacity} pieces of work that are due now. */
    Batch poll(int capacity);

    /**
     * Called once the loop has stopped and its tasks have ended: gives back work that the source holds but
     * never handed out. Does nothing unless overridden.
     */
    default void stopped() {
    }
}
