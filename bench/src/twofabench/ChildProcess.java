package twofabench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process the benchmark started (the server, the mocks, HAProxy, wrk): its output goes to a log file, it is stopped by its
 * own PID (and those of its children), and its resident memory can be sampled.
 */
final class ChildProcess implements AutoCloseable {

    /** USER_HZ of Linux, the unit of CPU times in /proc: 100 on every common architecture. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final String name;
    private final Process process;
    private final long startedNanos;
    private final Path log;
    private volatile long peakRssKb;
    private Thread sampler;
    private volatile boolean sampling;

    private ChildProcess(String name, Process process, long startedNanos, Path log) {
        this.name = name;
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
                              Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        ChildProcess child = new ChildProcess(name, process, started, log);
        Runtime.getRuntime().addShutdownHook(new Thread(child::close));
        return child;
    }

    /** A TCP port that was free a moment ago on 127.0.0.1. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Polls {@code probe} every 5 ms until it answers true, and returns the time from the start of the process
     * to that answer.
     */
    Duration awaitReady(Predicate<Void> probe, Duration timeout) {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with status " + process.exitValue() + "; see " + log);
            }
            if (probe.test(null)) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException(name + " did not become ready within " + timeout + "; see " + log);
    }

    /** Waits until the process ends by itself (stopping it after {@code timeout}) and answers its exit status. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(name + " did not end within " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    /** Resident memory now, in KiB, from /proc (0 when not readable). */
    long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** CPU time the process has used so far (user and system, all threads), in milliseconds; -1 when unknown. */
    long cpuMillis() {
        return cpuMillis(process.pid());
    }

    /** CPU time that process {@code pid} has used so far, in milliseconds; -1 when unknown. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Starts sampling the resident memory every 200 ms; {@link #stopSampling} answers the peak since. */
    void startSampling() {
        peakRssKb = rssKb();
        sampling = true;
        sampler = new Thread(() -> {
            while (sampling) {
                peakRssKb = Math.max(peakRssKb, rssKb());
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name + "-rss");
        sampler.setDaemon(true);
        sampler.start();
    }

    long stopSampling() {
        sampling = false;
        if (sampler != null) {
            sampler.interrupt();
            try {
                sampler.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Math.max(peakRssKb, rssKb());
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s) and its children, by PID. */
    @Override
    public void close() {
        sampling = false;
        List<ProcessHandle> children = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }
}
