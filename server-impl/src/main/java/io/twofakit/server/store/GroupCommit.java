package io.twofakit.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Transactions of many threads committed together. {@link #inTransaction} hands a unit of work to a writer thread,
 * which runs every unit waiting at that moment in one transaction and commits them with one write; each caller
 * returns once the commit that holds its unit is done, so what it acknowledges is as durable as after a commit of
 * its own.
 *
 * <p>Why: a commit is what a short transaction mostly costs (H2 writes a new chunk of its file for each commit, and a
 * PostgreSQL commit is a round trip and a WAL flush). Under load, units arrive while the writer commits the last
 * batch, so batches grow by themselves; when the server is idle, a batch is a single unit and waits for nothing.
 *
 * <p>Guarantees: a unit's changes are committed together with its batch or not at all. A unit that throws is left
 * out: the batch is rolled back and run again without it, and the caller gets its exception; the others do not see
 * it. A batch that the database gives up because of contention (a lock timeout, a deadlock, a serialization
 * failure) is run again whole ({@link ContentionRetry}); when that or the commit still fails, every caller in the
 * batch gets the failure. Units must therefore only change the database (they may run more than once) and must not
 * themselves call {@link #inTransaction}.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    /** The most units in one transaction: bounds how long a batch holds its locks and how large a rollback is. */
    static final int MAX_UNITS = 256;
    private static final long IDLE_POLL_MILLIS = 200;

    private final Jdbi jdbi;
    private final BlockingQueue<Unit<?>> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param writers how many transactions may commit at once: one suits an embedded database (it writes one chunk
     *                at a time anyway); a database over the network benefits from a few, since a batch mostly waits
     *                for round trips
     */
    GroupCommit(Jdbi jdbi, int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("writers must be positive");
        }
        this.jdbi = jdbi;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::write, "twofa-group-commit-" + (i + 1));
            writer.setDaemon(true);
            this.writers.add(writer);
            writer.start();
        }
    }

    /**
     * Runs {@code work} in a transaction shared with the units of other threads and returns its result once that
     * transaction is committed.
     *
     * @throws RuntimeException what {@code work} threw, or why the shared transaction failed
     */
    <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        if (writers.contains(Thread.currentThread())) {
            throw new IllegalStateException("a unit of a group commit cannot wait for another one");
        }
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
        Unit<R> unit = new Unit<>(work);
        waiting.add(unit);
        try {
            return unit.done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Lets the writers commit what is waiting, then stops them. */
    @Override
    public void close() {
        closed = true;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Unit<?> left;
        while ((left = waiting.poll()) != null) {
            left.done.completeExceptionally(new IllegalStateException("the database is closed"));
        }
    }

    private void write() {
        List<Unit<?>> batch = new ArrayList<>();
        while (!closed || !waiting.isEmpty()) {
            try {
                Unit<?> first = waiting.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_UNITS - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // commit() answers every unit; this is a bug of its own, which must not stop the writer
                LOG.log(Level.SEVERE, "Group commit failed unexpectedly", e);
                batch.forEach(unit -> unit.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** Commits the batch, leaving out each unit that throws; answers every unit. */
    private void commit(List<Unit<?>> batch) {
        List<Unit<?>> pending = new ArrayList<>(batch);
        while (!pending.isEmpty()) {
            try {
                ContentionRetry.retrying(() -> jdbi.inTransaction(handle -> {
                    for (Unit<?> unit : pending) {
                        unit.runOn(handle);
                    }
                    return null;
                }));
                pending.forEach(Unit::committed);
                return;
            } catch (UnitFailed failed) {
                failed.unit.done.completeExceptionally(failed.getCause());
                pending.remove(failed.unit);
            } catch (RuntimeException | Error e) {
                pending.forEach(unit -> unit.done.completeExceptionally(e));
                return;
            }
        }
    }

    /** One caller's work, its result once run, and the future its caller waits on. */
    private static final class Unit<R> {
        private final HandleCallback<R, RuntimeException> work;
        private final CompletableFuture<R> done = new CompletableFuture<>();
        private R result;

        Unit(HandleCallback<R, RuntimeException> work) {
            this.work = work;
        }

        /** Runs the work; a failure of its own (not contention, which concerns the batch) leaves this unit out. */
        void runOn(Handle handle) {
            try {
                result = work.withHandle(handle);
            } catch (RuntimeException e) {
                if (ContentionRetry.isRetryable(e)) {
                    throw e;
                }
                throw new UnitFailed(this, e);
            }
        }

        void committed() {
            done.complete(result);
        }
    }

    /** A unit threw: the batch is rolled back and run again without it. */
    private static final class UnitFailed extends RuntimeException {
        private final transient Unit<?> unit;

        UnitFailed(Unit<?> unit, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.unit = unit;
        }
    }
}
