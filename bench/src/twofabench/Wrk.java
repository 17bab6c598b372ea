package twofabench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs wrk (the Debian package) with one of the Lua scripts in {@code bench/wrk} for a bounded time, closed loop
 * over keep-alive connections, and reads the figures that the script's {@code done()} prints as one JSON line.
 * The client's CPU is wrk's own (all its threads), as the script reads it at the end.
 */
final class Wrk {

    private static final String RESULT_LINE = "BENCH-RESULT ";

    /**
     * A wrk script and its settings (environment variables). A stateful script pairs each answer with the
     * thread's last request, which holds with one connection per wrk thread only: wrk's response() does not say
     * which connection it answers.
     */
    record Script(String file, Map<String, String> environment, boolean stateful) {
        static Script of(String file, Map<String, String> environment) {
            return new Script(file, environment, false);
        }

        static Script statefulOf(String file, Map<String, String> environment) {
            return new Script(file, environment, true);
        }
    }

    private final Path wrk;
    private final Path scripts;
    private final Path work;
    private final int threads;
    private int runs;

    /**
     * @param threads wrk threads for the scripts that are not stateful (at most one per connection)
     */
    Wrk(Path wrk, Path scripts, Path work, int threads) {
        this.wrk = wrk;
        this.scripts = scripts;
        this.work = work;
        this.threads = threads;
    }

    /** Runs {@code script} against {@code target} over {@code connections} for {@code duration}. */
    Result run(String name, Script script, Target target, int connections, Duration duration) throws IOException {
        int wrkThreads = script.stateful() ? connections : Math.min(threads, connections);
        Path output = work.resolve(String.format("wrk-%03d.out", ++runs));
        Files.deleteIfExists(output);
        List<String> command = List.of(wrk.toString(), "-t", Integer.toString(wrkThreads), "-c",
                Integer.toString(connections), "-d", Math.max(1, duration.toSeconds()) + "s", "--timeout", "10s",
                "-s", scripts.resolve(script.file()).toString(), target.url());
        Map<String, String> environment = new HashMap<>(script.environment());
        environment.put("BENCH_THREADS", Integer.toString(wrkThreads));
        try (ChildProcess process = ChildProcess.start("wrk", command, environment, work, output)) {
            int status = process.awaitExit(duration.plusSeconds(60));
            if (status != 0) {
                throw new IllegalStateException("wrk ended with status " + status + "; see " + output);
            }
        }
        String line = Files.readAllLines(output).stream().filter(l -> l.startsWith(RESULT_LINE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + RESULT_LINE.trim() + " line in " + output));
        return parse(name, Api.JSON.readTree(line.substring(RESULT_LINE.length())), connections, wrkThreads);
    }

    private static Result parse(String name, JsonNode figures, int connections, int threads) {
        Map<String, Long> failures = new TreeMap<>();
        for (Map.Entry<String, JsonNode> kind : figures.path("failures").properties()) {
            failures.put(kind.getKey(), kind.getValue().asLong());
        }
        long socketErrors = 0;
        for (Map.Entry<String, JsonNode> error : figures.path("socket_errors").properties()) {
            long count = error.getValue().asLong();
            if (count > 0) {
                failures.put("socket " + error.getKey() + " error", count);
                socketErrors += count;
            }
        }
        JsonNode latency = figures.path("latency_us");
        String first = figures.path("first_failure").isTextual() ? figures.path("first_failure").asText() : null;
        double seconds = figures.path("duration_us").asLong() / 1e6;
        long clientCpu = Math.round(figures.path("client_cpu_s").asDouble(-0.001) * 1000);
        return new Result(name, "wrk", connections, threads, 0, seconds, figures.path("ok").asLong(),
                figures.path("failed").asLong() + socketErrors, failures, first, "request",
                latency.path("p50").asLong() / 1e3, latency.path("p99").asLong() / 1e3,
                latency.path("p99_9").asLong() / 1e3, latency.path("max").asLong() / 1e3,
                new Result.CpuUse(-1, clientCpu));
    }
}
