package twofabench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The Markdown report of one database's run, and the one-line progress summaries. */
final class Report {

    /** The WireMock release that bench/run fetches from Maven Central. */
    static final String WIREMOCK_VERSION = System.getProperty("bench.wiremock.version", "3.13.2");
    /** The Prism release that bench/run installs with npm. */
    static final String PRISM_VERSION = System.getProperty("bench.prism.version", "5.16.0");

    private static final String RESULT_COLUMNS = "| shape | load | per second | p50 ms | p99 ms | p99.9 ms | max ms |"
            + " failed | server CPU ms/op | server cores busy | client cores busy |\n"
            + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";

    private Report() {
    }

    static String markdown(Bench.Settings settings, Bench.DatabaseRun run, Bench.Shared shared) {
        StringBuilder md = new StringBuilder();
        Result prism = shared.prism();
        Result wiremock = shared.wiremock();
        md.append("# twofa-kit server benchmark: ").append(databaseName(run.database())).append(", ")
                .append(LocalDate.now()).append(settings.quick() ? " (quick mode: not for comparison)" : "")
                .append("\n\n");
        md.append("`bench/run").append(settings.quick() ? " --quick" : "").append(settings.profile() ? " --profile" : "")
                .append("` at commit `").append(settings.commit()).append("`. Machine: ").append(machine())
                .append("; load average (1/5/15 min) before ").append(run.loadBefore()).append(", after ")
                .append(run.loadAfter()).append(".\n");
        md.append("Load: wrk").append(wrkVersion()).append(" (Debian) with the Lua scripts in `bench/wrk`, ")
                .append(settings.connections()).append(" keep-alive connections to 127.0.0.1 from the same machine")
                .append(" (client and server share the cores), closed loop (a connection sends its next request")
                .append(" when the last one is answered), ").append(settings.wrkThreads()).append(" wrk threads (one")
                .append(" per connection for OTP flows); the fixed-rate run with java.net.http and HdrHistogram.")
                .append(" ").append(settings.accounts()).append(" accounts. Warm-up ")
                .append(settings.warmUp().toSeconds()).append(" s, then each shape ")
                .append(settings.measure().toSeconds()).append(" s. Server: the README's command, `")
                .append(shared.readmeCommand()).append("`").append(shared.readmeCommand().startsWith("java")
                        ? " (a jar without the launcher)" : " (the launcher beside the jar: `-Xmx256m"
                        + " -XX:+UseSerialGC` and the build's class archive)")
                .append(settings.serverJvmOptions().isEmpty() ? ""
                        : " plus `" + String.join(" ", settings.serverJvmOptions()) + "`")
                .append(settings.profile() ? " and a JFR recording (`--profile`: start-up and memory of the main"
                        + " run include JFR's cost)" : "")
                .append(", simulator on, fresh database.\n\n");

        headline(md, run, shared);
        sideBySide(md, run, prism, wiremock);

        md.append("## Rates and latencies (fresh database)\n\n").append(RESULT_COLUMNS);
        List<Result> all = new ArrayList<>(List.of(run.ceiling(), run.flow(), run.send(), run.halfRate()));
        if (prism != null) {
            all.add(prism);
        }
        if (wiremock != null) {
            all.add(wiremock);
        }
        all.forEach(result -> resultRow(md, result));
        md.append("\nA flow is `POST /2fa/v4/otp` with its own code and `POST /2fa/v4/otp/{id}/validate` with that")
                .append(" code, answered VERIFIED; flows per second count the validations answered VERIFIED, and")
                .append(" wrk's latencies of the flow shape are per request (a send or a validation). A response")
                .append(" with another status (or a validation not VERIFIED) counts as failed. The fixed-rate run")
                .append(" plans flows at half the saturation rate and measures each from its planned start to its")
                .append(" validation's answer (corrected for coordinated omission), at most ")
                .append(settings.connections()).append(" under way. Server CPU per operation is the server's CPU")
                .append(" time (from /proc) over the operations (a flow is one operation); a validation costs")
                .append(" about ").append(validateCost(run)).append(" ms of server CPU (flow minus send). Client")
                .append(" cores: wrk's own CPU time (all its threads); for the fixed-rate run the Java harness's.");
        if (prism != null) {
            md.append(" Prism: `prism mock spec/openapi.yaml --errors=false -v silent` (@stoplight/prism-cli ")
                    .append(PRISM_VERSION).append("), the same send script, warmed up ")
                    .append(settings.mockWarmUp().toSeconds()).append(" s.");
        }
        if (wiremock != null) {
            md.append(" WireMock: `java -jar wiremock-standalone-").append(WIREMOCK_VERSION).append(".jar` with its")
                    .append(" default settings (request journal and log on) and one stub of the same send (202 with an")
                    .append(" id), the same send script, warmed up ").append(settings.mockWarmUp().toSeconds())
                    .append(" s.");
        }
        md.append("\n\n");
        failures(md, all);
        md.append("Peak resident memory (RSS) of the server during these runs: ").append(mib(run.peakRssKb()))
                .append(".\n\n");

        if (!run.profile().isEmpty()) {
            profile(md, run.profile());
        }

        List<Bench.Growth> growth = run.growth();
        if (!growth.isEmpty()) {
            md.append("## Cost growth with stored OTPs\n\n");
            md.append("Each size: a fresh database, the set-up through the API, the server stopped, the OTPs (with two")
                    .append(" delivery events each) inserted with SQL, the server started again (start-up measured),")
                    .append(" warmed up ").append(settings.growthWarmUp().toSeconds()).append(" s with flows that")
                    .append(" delete their OTP, then OTP flows with wrk for ").append(settings.measure().toSeconds())
                    .append(" s (latencies per request).\n\n");
            md.append("| stored OTPs at start | at end | seeding | start-up | flows/s | p50 ms | p99 ms | p99.9 ms |")
                    .append(" failed | server CPU ms/flow | peak RSS |\n");
            md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (Bench.Growth g : growth) {
                md.append("| ").append(count(g.storedBefore())).append(" | ").append(count(g.storedAfter()))
                        .append(" | ").append(seconds(g.seeding())).append(" | ").append(seconds(g.startUp()))
                        .append(" | ").append(rate(g.flow())).append(" | ").append(millis(g.flow().p50Millis()))
                        .append(" | ").append(millis(g.flow().p99Millis())).append(" | ")
                        .append(millis(g.flow().p999Millis())).append(" | ").append(g.flow().failed()).append(" | ")
                        .append(cpuPerOperation(g.flow())).append(" | ").append(mib(g.peakRssKb())).append(" |\n");
            }
            md.append("\n");
            failures(md, growth.stream().map(Bench.Growth::flow).toList());
        }

        if (!run.instances().isEmpty()) {
            md.append("## Several servers on one PostgreSQL behind HAProxy\n\n");
            md.append("A fresh database; the first server measured straight, then through HAProxy (round-robin per")
                    .append(" request, keep-alive), then a second server started on the same database and both")
                    .append(" measured through HAProxy. Server CPU counts the servers and HAProxy. On 2 cores the")
                    .append(" servers, HAProxy, PostgreSQL and the client share the same cores: this shows the cost")
                    .append(" of coordination through the database and of the balancer, not a gain in throughput.\n\n");
            md.append(RESULT_COLUMNS);
            run.instances().forEach(result -> resultRow(md, result));
            md.append("\n");
            failures(md, run.instances());
        }

        md.append("## Set-up\n\n");
        for (String line : OtpWorkload.describeSetUp(settings.accounts())) {
            md.append("- ").append(line).append("\n");
        }
        return md.toString();
    }

    /** The targets, each figure beside its target. */
    private static void headline(StringBuilder md, Bench.DatabaseRun run, Bench.Shared shared) {
        md.append("## Headline\n\n");
        md.append("| figure | measured | target | |\n| --- | --- | --- | --- |\n");
        Result wiremock = shared.wiremock();
        if (wiremock != null) {
            double factor = run.send().rate() / wiremock.rate();
            row(md, "send rate / WireMock's stub of the same send (default settings, same run)", times(factor) + " ("
                    + rate(run.send()) + " / " + rate(wiremock) + " per s)", "≥ 1×", factor >= 1);
        }
        double flowShare = run.flow().rate() / run.ceiling().rate();
        row(md, "OTP flows / the ceiling (authenticated read of one template)", percent(flowShare) + " ("
                + rate(run.flow()) + " / " + rate(run.ceiling()) + " per s)", "≥ 30%", flowShare >= 0.30);
        Duration startUp = shared.startUp();
        row(md, "start-up to the first served request, `" + shared.readmeCommand() + "` (median of "
                        + shared.startUps().size() + ")", seconds(startUp) + " (each: " + shared.startUps().stream()
                        .map(Report::seconds).collect(Collectors.joining(", ")) + "; `java -jar twofa-server.jar`"
                        + " with the JVM's defaults: " + seconds(shared.plainJarStartUp()) + ")", "< 1.5 s",
                startUp.toMillis() < 1500);
        row(md, "peak resident memory (RSS) of the server under the benchmark's load", mib(run.peakRssKb()),
                "≤ 512 MiB", run.peakRssKb() <= 512 * 1024);
        List<Bench.Growth> growth = run.growth();
        if (growth.size() >= 2) {
            Bench.Growth least = growth.get(0);
            Bench.Growth most = growth.get(growth.size() - 1);
            String span = count(least.storedBefore()) + " → " + count(most.storedBefore()) + " stored OTPs";
            double rateChange = most.flow().rate() / least.flow().rate();
            row(md, "OTP flow rate, " + span, percent(rateChange) + " (" + rate(least.flow()) + " → "
                    + rate(most.flow()) + " per s)", "within 20%", Math.abs(rateChange - 1) <= 0.20);
            double p99Change = most.flow().p99Millis() / least.flow().p99Millis();
            row(md, "OTP flow p99 per request, " + span, percent(p99Change) + " (" + millis(least.flow().p99Millis())
                    + " → " + millis(most.flow().p99Millis()) + " ms)", "within 20%", Math.abs(p99Change - 1) <= 0.20);
        }
        row(md, "p99 of OTP flows at half the saturation rate (" + rate(run.halfRate()) + " flows/s; an earlier"
                + " target)", millis(run.halfRate().p99Millis()) + " ms", "< 20 ms", run.halfRate().p99Millis() < 20);
        md.append("\nStart-up of this run's first server (its options, this database): ").append(seconds(run.startUp()));
        growth.forEach(g -> md.append("; with ").append(count(g.storedBefore())).append(" stored OTPs ")
                .append(seconds(g.startUp())));
        md.append(".\n\n");
    }

    /** Ours, the ceiling and the two mocks in one table: rate and p99, beside what each is measured against. */
    private static void sideBySide(StringBuilder md, Bench.DatabaseRun run, Result prism, Result wiremock) {
        md.append("## Side by side\n\n");
        md.append("| | per second | p99 ms | target |\n| --- | ---: | ---: | --- |\n");
        String sendTarget = wiremock == null ? "≥ WireMock's (not measured)"
                : "≥ WireMock's " + rate(wiremock) + " per s: " + metOrMissed(run.send().rate() >= wiremock.rate());
        sideRow(md, "twofa-kit: send (`POST /2fa/v4/otp`)", run.send(), sendTarget);
        double flowTarget = run.ceiling().rate() * 0.30;
        sideRow(md, "twofa-kit: OTP flow (send + validate; p99 per request)", run.flow(),
                "≥ 30% of the ceiling, " + count(Math.round(flowTarget)) + " per s: "
                        + metOrMissed(run.flow().rate() >= flowTarget));
        sideRow(md, "twofa-kit: read one template = the ceiling", run.ceiling(), "the measure of the flows");
        if (prism != null) {
            sideRow(md, "Prism " + PRISM_VERSION + " mock of the spec: the same send", prism, "a peer");
        }
        if (wiremock != null) {
            sideRow(md, "WireMock " + WIREMOCK_VERSION + " stub: the same send (default settings)", wiremock,
                    "the measure of the send");
        }
        md.append("\n");
    }

    private static void sideRow(StringBuilder md, String what, Result result, String target) {
        md.append("| ").append(what).append(" | ").append(rate(result)).append(" | ")
                .append(millis(result.p99Millis())).append(" | ").append(target).append(" |\n");
    }

    /** The execution samples of the profiled shapes. */
    private static void profile(StringBuilder md, List<Profile.Summary> summaries) {
        md.append("## Profile (JFR, settings=profile)\n\n");
        md.append("Execution samples of the server's Java threads while each shape ran (JFR takes one every 10 ms")
                .append(" from a few of the threads running Java code, none from threads in native code or waiting),")
                .append(" by the package group of the top frame (where the CPU went) and of the nearest frame outside")
                .append(" the JDK (the library that asked for it); and the weight of JFR's allocation samples by the")
                .append(" nearest frame outside the JDK (who allocates). Groups under 0.5% in every column are left")
                .append(" out. A few hundred samples say where most time goes, not the last percent.\n\n");
        for (Profile.Summary summary : summaries) {
            md.append("### ").append(summary.shape()).append(" (").append(count(summary.samples()))
                    .append(" execution samples, ").append(mib(summary.allocatedBytes() / 1024))
                    .append(" allocation sampled)\n\n");
            md.append("| package group | CPU: top frame | CPU: nearest non-JDK frame | allocation: nearest non-JDK frame |\n")
                    .append("| --- | ---: | ---: | ---: |\n");
            for (String group : Profile.groupsInOrder(summary)) {
                if (!Profile.worthARow(summary, group)) {
                    continue;
                }
                md.append("| ").append(group).append(" | ")
                        .append(Profile.percent(summary.byTopFrame().getOrDefault(group, 0L), summary.samples()))
                        .append(" | ")
                        .append(Profile.percent(summary.byNearestLibrary().getOrDefault(group, 0L), summary.samples()))
                        .append(" | ")
                        .append(Profile.percent(summary.allocatedByNearestLibrary().getOrDefault(group, 0L),
                                summary.allocatedBytes()))
                        .append(" |\n");
            }
            md.append("\n| hottest methods (self) | samples |\n| --- | ---: |\n");
            for (Map.Entry<String, Long> method : summary.hottestMethods()) {
                md.append("| `").append(method.getKey()).append("` | ")
                        .append(Profile.percent(method.getValue(), summary.samples())).append(" |\n");
            }
            md.append("\n");
        }
    }

    /** The failures of the results that had some, by kind, with the first one's answer. */
    private static void failures(StringBuilder md, List<Result> results) {
        boolean any = false;
        for (Result result : results) {
            if (result.failed() == 0) {
                continue;
            }
            if (!any) {
                md.append("Failures:\n\n");
                any = true;
            }
            md.append("- ").append(result.name()).append(": ").append(result.failures().entrySet().stream()
                            .map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(", ")))
                    .append(result.firstFailure() == null ? "" : "; the first: `"
                            + result.firstFailure().replace('`', '\'').replace('\n', ' ') + "`")
                    .append("\n");
        }
        if (any) {
            md.append("\n");
        }
    }

    /** One result as a progress line. */
    static String line(Result result) {
        return String.format(Locale.ROOT, "%-45s %9s/s  p50 %7s ms  p99 %7s ms  p99.9 %7s ms  failed %d"
                        + "  server %s ms CPU/op, %s cores busy; client %s cores busy",
                result.name(), rate(result), millis(result.p50Millis()), millis(result.p99Millis()),
                millis(result.p999Millis()), result.failed(), cpuPerOperation(result),
                cores(result.cpu().serverMillis(), result), cores(result.cpu().clientMillis(), result));
    }

    /** Server CPU time per operation, in milliseconds. */
    private static String cpuPerOperation(Result result) {
        long operations = result.ok() + result.failed();
        return result.cpu().serverMillis() < 0 || operations == 0 ? "-"
                : String.format(Locale.ROOT, "%.3f", result.cpu().serverMillis() / (double) operations);
    }

    private static String validateCost(Bench.DatabaseRun run) {
        long flows = run.flow().ok() + run.flow().failed();
        long sends = run.send().ok() + run.send().failed();
        if (run.flow().cpu().serverMillis() < 0 || run.send().cpu().serverMillis() < 0 || flows == 0 || sends == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f", run.flow().cpu().serverMillis() / (double) flows
                - run.send().cpu().serverMillis() / (double) sends);
    }

    /** How many cores {@code cpuMillis} kept busy on average during the run. */
    private static String cores(long cpuMillis, Result result) {
        return cpuMillis < 0 ? "-" : String.format(Locale.ROOT, "%.2f", cpuMillis / (result.seconds() * 1000));
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }

    private static void resultRow(StringBuilder md, Result result) {
        String load = result.tool().equals("wrk")
                ? "wrk, " + result.connections() + " conn., " + result.threads() + " thr."
                : result.tool() + ", " + count(Math.round(result.targetRate())) + "/s planned";
        md.append("| ").append(result.name()).append(" | ").append(load).append(" | ").append(rate(result))
                .append(" | ").append(millis(result.p50Millis())).append(" | ").append(millis(result.p99Millis()))
                .append(" | ").append(millis(result.p999Millis())).append(" | ").append(millis(result.maxMillis()))
                .append(" | ").append(result.failed()).append(" | ").append(cpuPerOperation(result)).append(" | ")
                .append(cores(result.cpu().serverMillis(), result)).append(" | ")
                .append(cores(result.cpu().clientMillis(), result)).append(" |\n");
    }

    private static void row(StringBuilder md, String figure, String measured, String target, boolean met) {
        md.append("| ").append(figure).append(" | ").append(measured).append(" | ").append(target).append(" | ")
                .append(metOrMissed(met)).append(" |\n");
    }

    private static String metOrMissed(boolean met) {
        return met ? "met" : "**missed**";
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

    /** wrk's version with a space before it, as bench/run found it ("" when unknown). */
    private static String wrkVersion() {
        String version = System.getenv("BENCH_WRK_VERSION");
        return version == null || version.isBlank() ? "" : " " + version;
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

    private static String rate(Result result) {
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
