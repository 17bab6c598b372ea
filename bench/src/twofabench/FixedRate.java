package twofabench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * OTP flows at a fixed rate with java.net.http: flow number i is planned at start + i / rate, and its latency is
 * measured from that planned instant to its validation's answer, so that a server that falls behind is charged
 * for the waiting too (corrected for coordinated omission). At most {@code connections} flows are under way at a
 * time (the HTTP client keeps that many keep-alive connections); a flow waiting for one waits on the clock.
 * Latencies go into an HdrHistogram (3 significant digits).
 */
final class FixedRate {

    private FixedRate() {
    }

    static Result flows(String name, Api api, OtpWorkload workload, int connections, Duration duration, double rate)
            throws InterruptedException {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        Histogram latencies = new ConcurrentHistogram(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        Map<String, Long> failures = new TreeMap<>();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Semaphore underWay = new Semaphore(connections);
        long self = ProcessHandle.current().pid();
        long cpuBefore = ChildProcess.cpuMillis(self);

        long interval = Math.round(1e9 / rate);
        long start = System.nanoTime() + 20_000_000L;
        long deadline = start + duration.toNanos();
        lastEnd.set(start);
        for (long i = 0; ; i++) {
            long planned = start + i * interval;
            if (planned >= deadline) {
                break;
            }
            waitUntil(planned);
            underWay.acquire();
            flow(api, workload).whenComplete((failure, error) -> {
                long end = System.nanoTime();
                String what = error != null ? "error " + error.getClass().getSimpleName() : failure;
                if (what == null) {
                    ok.incrementAndGet();
                } else {
                    synchronized (failures) {
                        String kind = what.contains(":") ? what.substring(0, what.indexOf(':')) : what;
                        failures.merge(kind, 1L, Long::sum);
                    }
                    firstFailure.compareAndSet(null, error != null ? error.toString() : failure);
                }
                latencies.recordValue(end - planned);
                lastEnd.accumulateAndGet(end, Math::max);
                underWay.release();
            });
        }
        if (!underWay.tryAcquire(connections, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": flows still under way 60 s after the end");
        }
        long cpuAfter = ChildProcess.cpuMillis(self);
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        return new Result(name, "java.net.http", connections, 0, rate, (lastEnd.get() - start) / 1e9, ok.get(),
                failed, failures, firstFailure.get(), "flow from its planned start",
                millis(latencies, 50), millis(latencies, 99), millis(latencies, 99.9),
                latencies.getTotalCount() == 0 ? Double.NaN : latencies.getMaxValue() / 1e6,
                new Result.CpuUse(-1, cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore));
    }

    /** Send, then validate with that code: null when it answered VERIFIED, else what answered otherwise. */
    private static CompletableFuture<String> flow(Api api, OtpWorkload workload) {
        String key = workload.nextKey();
        String code = OtpWorkload.newCode();
        return api.postAsync("/2fa/v4/otp", key, OtpWorkload.sendBody(code)).thenCompose(sent -> {
            String id = sent.json().path("id").asText("");
            if (sent.status() != 202 || id.isEmpty()) {
                return CompletableFuture.completedFuture("send " + sent.status() + ": " + sent.describe());
            }
            return api.postAsync("/2fa/v4/otp/" + id + "/validate", key, Map.of("otpCode", code)).thenApply(checked ->
                    checked.status() == 200 && checked.json().path("otpStatus").asText("").equals("VERIFIED") ? null
                            : "validate " + checked.status() + ": " + checked.describe());
        });
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    private static void waitUntil(long instant) {
        long left;
        while ((left = instant - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
