package io.twofakit.server.work;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the work of a {@link WorkSource} on a fixed number of threads of its own, so that slow work never
 * holds a request thread and never piles up: the loop claims only as much work as it has free threads.
 *
 * <p>The loop sleeps until {@link #wake()} says there is new work, until a task finishes (a free thread, and
 * perhaps work that waited for it), until the source's next due time, or, at the latest, until the fallback
 * poll interval has passed (work left by another server process, or by a crash). No busy polling.
 * {@link #close()} stops the loop, lets running tasks finish for a grace period, and waits for the threads.
 */
public final class WorkLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkLoop.class.getName());

    private final String name;
    private final int threads;
    private final WorkSource source;
    private final Duration fallbackPoll;
    private final Duration grace;
    private final Clock clock;
    private final ExecutorService executor;
    private final Thread loop;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicInteger running = new AtomicInteger();
    private boolean woken;
    private volatile boolean stopping;

    /**
     * @param name names the threads, e.g. {@code delivery}
     * @param threads how many tasks may run at once
     * @param fallbackPoll the longest sleep between two polls
     * @param grace how long {@link #close()} waits for running tasks
     * @param clock real time (never the simulator's clock)
     */
    public WorkLoop(String name, int threads, WorkSource source, Duration fallbackPoll, Duration grace, Clock clock) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread");
        }
        this.name = name;
        this.threads = threads;
        this.source = source;
        this.fallbackPoll = fallbackPoll;
        this.grace = grace;
        this.clock = clock;
        this.executor = Executors.newFixedThreadPool(threads, namedThreads(name + "-worker-"));
        this.loop = namedThreads(name + "-loop").newThread(this::run);
    }

    /** Starts the loop; it polls at once. */
    public WorkLoop start() {
        loop.start();
        return this;
    }

    /** Says that there is new work: the loop polls without waiting. Cheap; may be called from any thread. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!stopping) {
            Duration sleep = fallbackPoll;
            int free = threads - running.get();
            if (free > 0) {
                sleep = pollAndSubmit(free);
            }
            await(sleep);
        }
    }

    private Duration pollAndSubmit(int free) {
        try {
            WorkSource.Batch batch = source.poll(free);
            for (Runnable task : batch.tasks()) {
                running.incrementAndGet();
                executor.execute(() -> runTask(task));
            }
            if (batch.tasks().size() == free) {
                // there may be more: poll again as soon as a thread is free (a finishing task wakes the loop)
                return fallbackPoll;
            }
            Duration sleep = fallbackPoll;
            if (batch.nextDue().isPresent()) {
                Duration untilDue = Duration.between(clock.instant(), batch.nextDue().get());
                if (untilDue.compareTo(sleep) < 0) {
                    sleep = untilDue.isNegative() ? Duration.ZERO : untilDue;
                }
            }
            return sleep;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": polling for work failed; trying again in " + fallbackPoll, e);
            return fallbackPoll;
        }
    }

    private void runTask(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, name + ": a task failed", e);
        } finally {
            running.decrementAndGet();
            wake();
        }
    }

    private void await(Duration sleep) {
        lock.lock();
        try {
            long nanos = sleep.toNanos();
            while (!woken && !stopping && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    /** How many tasks are running now. */
    public int running() {
        return running.get();
    }

    /**
     * Stops polling, waits up to the grace period for running tasks, then interrupts what is left, and lets the
     * source give back the work it holds ({@link WorkSource#stopped()}).
     */
    @Override
    public void close() {
        stopping = true;
        wake();
        try {
            loop.join(grace.toMillis() + 1000);
            executor.shutdown();
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning(() -> name + ": tasks still running after " + grace + "; interrupting them");
                executor.shutdownNow();
                executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        try {
            source.stopped();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": giving back unstarted work failed; it is taken up once its lease ends", e);
        }
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        return "WorkLoop[" + name + ", threads=" + threads + ", running=" + running.get() + "]";
    }
}
