package io.twofakit.server.work;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkLoopTest {

    /** Work items queued by the test; each polled item becomes a task. */
    private static final class Queue implements WorkSource {
        final ConcurrentLinkedQueue<Runnable> items = new ConcurrentLinkedQueue<>();
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger largestPoll = new AtomicInteger();
        volatile Optional<java.time.Instant> nextDue = Optional.empty();

        @Override
        public Batch poll(int capacity) {
            polls.incrementAndGet();
            List<Runnable> tasks = new ArrayList<>();
            Runnable item;
            while (tasks.size() < capacity && (item = items.poll()) != null) {
                tasks.add(item);
            }
            largestPoll.accumulateAndGet(capacity, Math::max);
            return new Batch(tasks, nextDue);
        }
    }

    @Test
    void newWorkRunsAsSoonAsTheLoopIsWokenNotAtTheNextFallbackPoll() {
        Queue queue = new Queue();
        try (WorkLoop loop = new WorkLoop("test", 2, queue, Duration.ofMinutes(10), Duration.ofSeconds(5),
                Clock.systemUTC()).start()) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> queue.polls.get() >= 1);
            CountDownLatch ran = new CountDownLatch(1);
            queue.items.add(ran::countDown);

            loop.wake();

            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.getCount() == 0);
        }
    }

    @Test
    void neverRunsMoreTasksAtOnceThanItHasThreads() throws InterruptedException {
        Queue queue = new Queue();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            queue.items.add(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.incrementAndGet();
            });
        }
        try (WorkLoop loop = new WorkLoop("test", 3, queue, Duration.ofMinutes(10), Duration.ofSeconds(5),
                Clock.systemUTC()).start()) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> running.get() == 3);
            loop.wake();
            assertEquals(3, loop.running());
            release.countDown();
            await().atMost(5, TimeUnit.SECONDS).until(() -> done.get() == 10);
        }
        assertEquals(3, mostAtOnce.get());
        assertTrue(queue.largestPoll.get() <= 3, "polled for more than the free threads");
    }

    @Test
    void pollsAgainAtTheSourcesNextDueTime() {
        Queue queue = new Queue();
        queue.nextDue = Optional.of(java.time.Instant.now().plusMillis(200));
        try (WorkLoop loop = new WorkLoop("test", 1, queue, Duration.ofMinutes(10), Duration.ofSeconds(5),
                Clock.systemUTC()).start()) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> queue.polls.get() >= 2);
            assertTrue(loop.running() <= 1);
        }
    }

    @Test
    void aFailingPollOrTaskDoesNotStopTheLoop() {
        AtomicInteger polls = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        WorkSource flaky = capacity -> switch (polls.incrementAndGet()) {
            case 1 -> throw new IllegalStateException("database away");
            case 2 -> WorkSource.Batch.of(List.of(() -> {
                throw new IllegalStateException("task failed");
            }));
            case 3 -> WorkSource.Batch.of(List.of(ran::countDown));
            default -> WorkSource.Batch.of(List.of());
        };
        try (WorkLoop loop = new WorkLoop("test", 1, flaky, Duration.ofMillis(50), Duration.ofSeconds(5),
                Clock.systemUTC()).start()) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.getCount() == 0);
        }
    }

    @Test
    void closingWaitsForRunningTasksAndStopsPolling() throws InterruptedException {
        Queue queue = new Queue();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        queue.items.add(() -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
        });
        WorkLoop loop = new WorkLoop("test", 1, queue, Duration.ofMinutes(10), Duration.ofSeconds(5),
                Clock.systemUTC()).start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> started.getCount() == 0);

        Thread closer = new Thread(loop::close);
        closer.start();
        assertTrue(closer.isAlive(), "close returned while a task was running");
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(closer.isAlive());
        assertEquals(1, finished.get());
        int pollsAtClose = queue.polls.get();
        queue.items.add(finished::incrementAndGet);
        loop.wake();
        assertEquals(pollsAtClose, queue.polls.get());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("test-loop")),
                "the loop thread is gone");
    }
}
