package twofabench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one load shape for a bounded time over a fixed number of keep-alive connections, one thread each.
 *
 * <p>Closed loop (rate 0): each connection sends its next operation as soon as the previous one is answered,
 * which finds the saturation rate. Fixed rate: the operations are spread evenly over the connections at
 * planned instants, and a latency is measured from the planned instant, so that a server that falls behind is
 * charged for the waiting too (no coordinated omission). Every latency is kept, so percentiles are exact.
 */
final class Load {

    /** What an operation answers when it has nothing left to work on: the run ends there. */
    static final String EXHAUSTED = "(nothing left to do)";

    /** One operation (one request, or one OTP flow of several): null when it went as expected, else what did not. */
    @FunctionalInterface
    interface Op {
        String run(HttpConnection http) throws IOException;
    }

    /** The measured outcome of one run. */
    record Result(String name, int connections, double targetRate, double seconds, long ok, long failed,
                  String firstFailure, long reconnects, long[] sortedNanos, CpuUse cpu) {

        /** The same result with the CPU time that the server and this client used during the run. */
        Result with(CpuUse used) {
            return new Result(name, connections, targetRate, seconds, ok, failed, firstFailure, reconnects, sortedNanos,
                    used);
        }

        /** Operations that went as expected, per second. */
        double rate() {
            return ok / seconds;
        }

        /** The latency at {@code fraction} (0.99 for p99), in milliseconds. */
        double percentileMillis(double fraction) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(fraction * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
        }

        double maxMillis() {
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }

    /** CPU time used during a run, in milliseconds (-1 when unknown). */
    record CpuUse(long serverMillis, long clientMillis) {
        static final CpuUse UNKNOWN = new CpuUse(-1, -1);
    }

    /** Where the load goes. Only addresses of this machine are accepted. */
    record Target(String host, int port, String apiKey) {
        Target {
            if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
                throw new IllegalArgumentException("load goes to this machine only, not to " + host);
            }
        }
    }

    private Load() {
    }

    /** As many operations as the connections can complete in {@code duration}. */
    static Result closedLoop(String name, Target target, int connections, Duration duration, Op op) {
        return run(name, target, connections, duration, 0, op);
    }

    /** {@code rate} operations per second in total, for {@code duration}. */
    static Result fixedRate(String name, Target target, int connections, Duration duration, double rate, Op op) {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        return run(name, target, connections, duration, rate, op);
    }

    private static Result run(String name, Target target, int connections, Duration duration, double rate, Op op) {
        long start = System.nanoTime() + 20_000_000L;
        long deadline = start + duration.toNanos();
        double perConnectionInterval = rate > 0 ? connections * 1e9 / rate : 0;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            double offset = perConnectionInterval * i / connections;
            Worker worker = new Worker(target, op, start, deadline, perConnectionInterval, offset, stop, firstFailure);
            workers.add(worker);
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Thread thread = new Thread(workers.get(i), name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join(duration.toMillis() + 120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
            }
        }
        stop.set(true);
        long ok = 0;
        long failed = 0;
        long reconnects = 0;
        long lastEnd = start;
        int total = 0;
        for (Worker worker : workers) {
            total += worker.latencies.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (Worker worker : workers) {
            ok += worker.ok;
            failed += worker.failed;
            reconnects += worker.reconnects;
            lastEnd = Math.max(lastEnd, worker.lastEnd);
            System.arraycopy(worker.latencies.values, 0, all, at, worker.latencies.size);
            at += worker.latencies.size;
        }
        Arrays.sort(all);
        double seconds = Math.max(1, lastEnd - start) / 1e9;
        return new Result(name, connections, rate, seconds, ok, failed, firstFailure.get(), reconnects, all,
                CpuUse.UNKNOWN);
    }

    private static final class Worker implements Runnable {
        private final Target target;
        private final Op op;
        private final long start;
        private final long deadline;
        private final double interval;
        private final double offset;
        private final AtomicBoolean stop;
        private final AtomicReference<String> firstFailure;
        final LongList latencies = new LongList();
        long ok;
        long failed;
        long reconnects;
        long lastEnd;

        Worker(Target target, Op op, long start, long deadline, double interval, double offset, AtomicBoolean stop,
               AtomicReference<String> firstFailure) {
            this.target = target;
            this.op = op;
            this.start = start;
            this.deadline = deadline;
            this.interval = interval;
            this.offset = offset;
            this.stop = stop;
            this.firstFailure = firstFailure;
        }

        @Override
        public void run() {
            HttpConnection http = new HttpConnection(target.host(), target.port(), target.apiKey());
            try {
                waitUntil(start);
                for (long i = 0; !stop.get(); i++) {
                    long begin;
                    if (interval > 0) {
                        begin = start + (long) (offset + i * interval);
                        if (begin >= deadline) {
                            break;
                        }
                        waitUntil(begin);
                    } else {
                        begin = System.nanoTime();
                        if (begin >= deadline) {
                            break;
                        }
                    }
                    String failure;
                    try {
                        failure = op.run(http);
                    } catch (IOException | RuntimeException e) {
                        failure = e.toString();
                        http.close();
                    }
                    long end = System.nanoTime();
                    if (failure == EXHAUSTED) {
                        stop.set(true);
                        break;
                    }
                    lastEnd = end;
                    if (failure == null) {
                        ok++;
                        latencies.add(end - begin);
                    } else {
                        failed++;
                        firstFailure.compareAndSet(null, failure);
                    }
                }
            } finally {
                reconnects = http.reconnects();
                http.close();
            }
        }

        private static void waitUntil(long instant) {
            long left;
            while ((left = instant - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
        }
    }

    /** A growable array of longs, so that keeping every latency costs no boxing. */
    private static final class LongList {
        long[] values = new long[4096];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
