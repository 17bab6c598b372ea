package twofabench;

import java.util.Map;

/**
 * The measured outcome of one load shape: how many operations went as expected and how many did not (and why),
 * over how many seconds, the latency percentiles in milliseconds, and the CPU the server and the client used.
 *
 * @param tool        what generated the load ("wrk", "java.net.http")
 * @param latencyOf   what one latency is: "request" (wrk, closed loop) or "flow from its planned start"
 * @param targetRate  operations per second asked for; 0 for a closed loop
 * @param failures    the failed operations by what was asked and the status (e.g. "send 429"), socket errors too
 */
record Result(String name, String tool, int connections, int threads, double targetRate, double seconds, long ok,
              long failed, Map<String, Long> failures, String firstFailure, String latencyOf, double p50Millis,
              double p99Millis, double p999Millis, double maxMillis, CpuUse cpu) {

    /** CPU time used during a run, in milliseconds (-1 when unknown). */
    record CpuUse(long serverMillis, long clientMillis) {
    }

    /** The same result with the CPU time that the server used during the run. */
    Result withServerCpu(long serverMillis) {
        return new Result(name, tool, connections, threads, targetRate, seconds, ok, failed, failures, firstFailure,
                latencyOf, p50Millis, p99Millis, p999Millis, maxMillis, new CpuUse(serverMillis, cpu.clientMillis()));
    }

    /** Operations that went as expected, per second. */
    double rate() {
        return ok / seconds;
    }
}
