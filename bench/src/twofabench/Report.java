package twofabench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The Markdown report of one database's run, and the one-line progress summaries. */
final class Report {

    /** The WireMock release that bench/run fetches from Maven Central. */
    static final String WIREMOCK_VERSION = System.getProperty("bench.wiremock.version", "3.13.2");

    private Report() {
    }

    static String markdown(Bench.Settings settings, Bench.DatabaseRun run, Load.Result prism, Load.Result wiremock) {
        StringBuilder md = new StringBuilder();
        md.append("# twofa-kit server benchmark: ").append(databaseName(run.database())).append(", ")
                .append(LocalDate.now()).append(settings.quick() ? " (quick mode: not for comparison)" : "")
                .append("\n\n");
        md.append("`bench/run").append(settings.quick() ? " --quick" : "").append("` at commit `")
                .append(settings.commit()).append("`. Machine: ").append(machine()).append("; load average (1/5/15 min)")
                .append(" before ").append(run.loadBefore()).append(", after ").append(run.loadAfter()).append(".\n");
        md.append("Load: ").append(settings.connections()).append(" keep-alive connections from the benchmark's own")
                .append(" Java client on the same machine to 127.0.0.1 (client and server share the cores), closed")
                .append(" loop (a connection sends its next operation when the last one is answered) unless said")
                .append(" otherwise; warm-up ").append(settings.warmUp().toSeconds()).append(" s, then each shape ")
                .append(settings.measure().toSeconds()).append(" s. Server: `java -jar twofa-server.jar` with")
                .append(" default JVM settings").append(settings.serverJvmOptions().isEmpty() ? ""
                        : " plus `" + String.join(" ", settings.serverJvmOptions()) + "`")
                .append(", simulator on, fresh database.\n\n");

        md.append("## Headline\n\n");
        md.append("| figure | measured | target | |\n| --- | --- | --- | --- |\n");
        double flowShare = run.flow().rate() / run.ceiling().rate();
        row(md, "OTP flows / ceiling rate", percent(flowShare) + " (" + rate(run.flow()) + " / "
                + rate(run.ceiling()) + " per s)", "≥ 30%", flowShare >= 0.30);
        if (wiremock != null) {
            double factor = run.send().rate() / wiremock.rate();
            row(md, "send rate / WireMock's send rate (default settings)", times(factor) + " (" + rate(run.send())
                    + " / " + rate(wiremock) + " per s)", "≥ 1×", factor >= 1);
        }
        double halfP99 = run.halfRate().percentileMillis(0.99);
        row(md, "p99 of OTP flows at half the saturation rate (" + rate(run.halfRate()) + " flows/s)",
                millis(halfP99) + " ms", "< 20 ms", halfP99 < 20);
        List<Bench.Growth> growth = run.growth();
        if (growth.size() >= 2) {
            Bench.Growth least = growth.get(0);
            Bench.Growth most = growth.get(growth.size() - 1);
            String span = count(least.storedBefore()) + " → " + count(most.storedBefore()) + " stored OTPs";
            double rateChange = most.flow().rate() / least.flow().rate();
            row(md, "flow rate, " + span, percent(rateChange) + " (" + rate(least.flow()) + " → "
                    + rate(most.flow()) + " per s)", "within 20%", Math.abs(rateChange - 1) <= 0.20);
            double p99Change = most.flow().percentileMillis(0.99) / least.flow().percentileMillis(0.99);
            row(md, "flow p99, " + span, percent(p99Change) + " (" + millis(least.flow().percentileMillis(0.99))
                    + " → " + millis(most.flow().percentileMillis(0.99)) + " ms)", "within 20%",
                    Math.abs(p99Change - 1) <= 0.20);
        }
        Duration slowestStart = run.startUp();
        for (Bench.Growth g : growth) {
            slowestStart = g.startUp().compareTo(slowestStart) > 0 ? g.startUp() : slowestStart;
        }
        row(md, "start-up to the first served request (fresh; slowest of all starts)", seconds(run.startUp())
                + "; " + seconds(slowestStart), "< 1.5 s", slowestStart.toMillis() < 1500);
        row(md, "peak resident memory (RSS) under the load", mib(run.peakRssKb()), "≤ 512 MiB",
                run.peakRssKb() <= 512 * 1024);
        md.append("\n");

        md.append("## Rates and latencies (fresh database)\n\n");
        md.append("| shape | per second | p50 ms | p99 ms | p99.9 ms | max ms | failed | server CPU ms/op |")
                .append(" server cores busy | client cores busy |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Load.Result result : List.of(run.ceiling(), run.flow(), run.send(), run.validate(), run.halfRate())) {
            resultRow(md, result);
        }
        if (prism != null) {
            resultRow(md, prism);
        }
        if (wiremock != null) {
            resultRow(md, wiremock);
        }
        md.append("\nA flow is `POST /2fa/v4/otp` with its own code and `POST /2fa/v4/otp/{id}/validate` with that")
                .append(" code (answered VERIFIED); its latency covers both. Validate only validates the OTPs that")
                .append(" send only sent, each once, and ends early when they run out (")
                .append(seconds(run.validate().seconds())).append(" here). The fixed-rate run measures from the")
                .append(" planned start of each flow.");
        if (prism != null) {
            md.append(" Prism: `prism mock spec/openapi.yaml --errors=false -v silent` (@stoplight/prism-cli 5.16.0),")
                    .append(" same send request, same connections, warmed up ").append(settings.quick() ? 3 : 10)
                    .append(" s.");
        }
        if (wiremock != null) {
            md.append(" WireMock: `java -jar wiremock-standalone-").append(WIREMOCK_VERSION).append(".jar` with its")
                    .append(" default settings (request journal and log on) and one stub of the same send (202 with an")
                    .append(" id), same connections, warmed up ").append(settings.quick() ? 3 : 10).append(" s.");
        }
        md.append("\n\n");
        md.append("Peak resident memory (RSS) of the server during these runs: ").append(mib(run.peakRssKb()))
                .append(".\n\n");

        if (!growth.isEmpty()) {
            md.append("## Cost growth with stored OTPs\n\n");
            md.append("Each size: a fresh database, the set-up through the API, the server stopped, the OTPs (with two")
                    .append(" delivery events each) inserted with SQL, the server started again (start-up measured),")
                    .append(" warmed up ").append(settings.growthWarmUp().toSeconds()).append(" s with flows that")
                    .append(" delete their OTP, then flows for ").append(settings.measure().toSeconds())
                    .append(" s.\n\n");
            md.append("| stored OTPs at start | at end | seeding | start-up | flows/s | p50 ms | p99 ms | p99.9 ms |")
                    .append(" server CPU ms/flow | peak RSS |\n");
            md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (Bench.Growth g : growth) {
                md.append("| ").append(count(g.storedBefore())).append(" | ").append(count(g.storedAfter()))
                        .append(" | ").append(seconds(g.seeding())).append(" | ").append(seconds(g.startUp()))
                        .append(" | ").append(rate(g.flow())).append(" | ")
                        .append(millis(g.flow().percentileMillis(0.50))).append(" | ")
                        .append(millis(g.flow().percentileMillis(0.99))).append(" | ")
                        .append(millis(g.flow().percentileMillis(0.999))).append(" | ")
                        .append(cpuPerOperation(g.flow())).append(" | ").append(mib(g.peakRssKb()))
                        .append(" |\n");
            }
            md.append("\n");
        }

        if (!run.instances().isEmpty()) {
            md.append("## Several servers on one PostgreSQL behind HAProxy\n\n");
            md.append("A fresh database; the first server measured straight, then through HAProxy (round-robin per")
                    .append(" request, keep-alive), then a second server started on the same database and both")
                    .append(" measured through HAProxy. Server CPU counts the servers and HAProxy. On 2 cores the")
                    .append(" servers, HAProxy, PostgreSQL and the client share the same cores: this shows the cost")
                    .append(" of coordination through the database and of the balancer, not a gain in throughput.\n\n");
            md.append("| shape | per second | p50 ms | p99 ms | p99.9 ms | max ms | failed | server CPU ms/op |")
                    .append(" server cores busy | client cores busy |\n")
                    .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            run.instances().forEach(result -> resultRow(md, result));
            md.append("\n");
        }

        md.append("## Set-up\n\n");
        for (String line : OtpWorkload.describeSetUp()) {
            md.append("- ").append(line).append("\n");
        }
        return md.toString();
    }

    /** One result as a progress line. */
    static String line(Load.Result result) {
        return String.format(Locale.ROOT, "%-45s %9s/s  p50 %7s ms  p99 %7s ms  p99.9 %7s ms  failed %d"
                        + "  server %s ms CPU/op, %s cores busy; client %s cores busy",
                result.name(), rate(result), millis(result.percentileMillis(0.5)),
                millis(result.percentileMillis(0.99)), millis(result.percentileMillis(0.999)), result.failed(),
                cpuPerOperation(result), cores(result.cpu().serverMillis(), result),
                cores(result.cpu().clientMillis(), result));
    }

    /** Server CPU time per operation, in milliseconds. */
    private static String cpuPerOperation(Load.Result result) {
        long operations = result.ok() + result.failed();
        return result.cpu().serverMillis() < 0 || operations == 0 ? "-"
                : String.format(Locale.ROOT, "%.3f", result.cpu().serverMillis() / (double) operations);
    }

    /** How many cores {@code cpuMillis} kept busy on average during the run. */
    private static String cores(long cpuMillis, Load.Result result) {
        return cpuMillis < 0 ? "-" : String.format(Locale.ROOT, "%.2f", cpuMillis / (result.seconds() * 1000));
    }

    static String seconds(Duration duration) {
        return seconds(duration.toNanos() / 1e9);
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static void resultRow(StringBuilder md, Load.Result result) {
        md.append("| ").append(result.name()).append(" | ").append(rate(result)).append(" | ")
                .append(millis(result.percentileMillis(0.50))).append(" | ")
                .append(millis(result.percentileMillis(0.99))).append(" | ")
                .append(millis(result.percentileMillis(0.999))).append(" | ")
                .append(millis(result.maxMillis())).append(" | ").append(result.failed()).append(" | ")
                .append(cpuPerOperation(result)).append(" | ").append(cores(result.cpu().serverMillis(), result))
                .append(" | ").append(cores(result.cpu().clientMillis(), result)).append(" |\n");
    }

    private static void row(StringBuilder md, String figure, String measured, String target, boolean met) {
        md.append("| ").append(figure).append(" | ").append(measured).append(" | ").append(target).append(" | ")
                .append(met ? "met" : "**missed**").append(" |\n");
    }

    private static String databaseName(String database) {
        return switch (database) {
            case "h2" -> "H2 (embedded default, file)";
            case "postgres" -> "PostgreSQL " + postgresVersion() + " (throw-away cluster, fsync off)";
            default -> database;
        };
    }

    private static String postgresVersion() {
        String version = System.getenv("BENCH_POSTGRES_VERSION");
        return version == null ? "" : version;
    }

    private static String machine() {
        String cpu = "unknown processor";
        String memory = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    memory = String.format(Locale.ROOT, ", %.0f GiB memory", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // describe what could be read
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + ")" + memory + ", Java "
                + System.getProperty("java.version");
    }

    private static String rate(Load.Result result) {
        return count(Math.round(result.rate()));
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    private static String times(double factor) {
        return String.format(Locale.ROOT, "%.1f×", factor);
    }

    private static String mib(long kb) {
        return String.format(Locale.ROOT, "%d MiB", kb / 1024);
    }
}
