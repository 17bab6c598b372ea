package twofabench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark of the twofa-kit server, run by {@code bench/run}: the start-up with the README's command; once,
 * the same send request against Prism's mock of the contract and a WireMock stub; for each database, a main run
 * (the ceiling, OTP flows, send only, flows at half the saturation rate) and a cost-growth run per number of
 * stored OTPs, and on PostgreSQL several servers behind HAProxy. The closed-loop shapes run with wrk and the Lua
 * scripts in {@code bench/wrk}; the fixed-rate run and the set-up use java.net.http. Writes one Markdown report
 * per database. Every process it starts it stops again by PID; all load goes to 127.0.0.1 and is bounded in time.
 */
public final class Bench {

    static final String SECRET = "bench-secret-0123456789abcdef";

    /** An account of the benchmark and its API key. */
    record Account(String name, String key) {
    }

    /**
     * The accounts the load is spread over. The server's default limit of sends per account is 100 per second:
     * 256 accounts leave room up to 25,600 sends per second.
     */
    static List<Account> accounts(int count) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accounts.add(new Account(String.format("bench-%03d", i), String.format("bench-key-%03d-0123456789", i)));
        }
        return List.copyOf(accounts);
    }

    /** Everything that the command line sets. */
    record Settings(Path jar, Path spec, Path prism, List<String> databases, String postgresAdminUrl, Path work,
                    Path results, boolean quick, String commit, int connections, int wrkThreads, int accounts,
                    Duration warmUp, Duration measure, Duration growthWarmUp, List<Long> sizes,
                    List<String> serverJvmOptions, Path haproxy, Path wiremock, Path wrk, Path scripts,
                    boolean profile) {

        /** The warm-up of a mock, and of the harness's client before the fixed-rate run: short, little to compile. */
        Duration mockWarmUp() {
            return quick ? Duration.ofSeconds(3) : Duration.ofSeconds(10);
        }
    }

    /** The measurements of one database. */
    record DatabaseRun(String database, Duration startUp, Result ceiling, Result flow, Result send, Result halfRate,
                       long peakRssKb, List<Growth> growth, List<Result> instances, List<Profile.Summary> profile,
                       String loadBefore, String loadAfter) {
    }

    /** Flows with {@code storedBefore} OTPs already stored. */
    record Growth(long storedBefore, long storedAfter, Duration seeding, Duration startUp, Result flow,
                  long peakRssKb) {
    }

    /**
     * What was measured once for all databases: the README command's start-ups (and, for comparison, those of
     * {@code java -jar} with the JVM's defaults) and the two mocks.
     */
    record Shared(String readmeCommand, List<Duration> startUps, List<Duration> plainJarStartUps, Result prism,
                  Result wiremock) {
        /** The median start-up with the README's command. */
        Duration startUp() {
            return median(startUps);
        }

        /** The median start-up with {@code java -jar}. */
        Duration plainJarStartUp() {
            return median(plainJarStartUps);
        }

        private static Duration median(List<Duration> durations) {
            List<Duration> sorted = durations.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    /** A load shape's run. */
    @FunctionalInterface
    private interface Shape {
        Result run() throws Exception;
    }

    private final Settings settings;
    private final List<Account> accounts;
    private final Wrk wrk;
    private final Path keys;
    /** When the last measured shape ran: the window of its profile. */
    private Profile.Window lastWindow;

    private Bench(Settings settings) throws IOException {
        this.settings = settings;
        this.accounts = accounts(settings.accounts());
        this.wrk = new Wrk(settings.wrk(), settings.scripts(), settings.work(), settings.wrkThreads());
        this.keys = OtpWorkload.writeKeys(settings.work().resolve("keys.txt"), accounts);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = parse(args);
        Files.createDirectories(settings.work());
        Files.createDirectories(settings.results());
        new Bench(settings).run();
    }

    private void run() throws Exception {
        say("settings: " + settings.connections() + " connections (wrk: " + settings.wrkThreads() + " threads, one"
                + " per connection for flows), " + settings.accounts() + " accounts, warm-up "
                + settings.warmUp().toSeconds() + " s, measurements " + settings.measure().toSeconds()
                + " s, stored OTPs " + settings.sizes() + (settings.profile() ? ", profiled with JFR" : ""));

        List<Duration> startUps = measureStartUps(3, false);
        List<Duration> plainJarStartUps = measureStartUps(3, true);
        Result prism = settings.prism() == null ? null : measurePrism();
        Result wiremock = settings.wiremock() == null ? null : measureWireMock();
        Shared shared = new Shared(ServerCommand.readme(settings.jar(), List.of()).label(), startUps,
                plainJarStartUps, prism, wiremock);
        List<Path> written = new ArrayList<>();
        for (String database : settings.databases()) {
            DatabaseRun run = measure(database);
            String report = Report.markdown(settings, run, shared);
            Path file = unusedFile(settings.results(), LocalDate.now() + "-" + database
                    + (settings.quick() ? "-quick" : ""));
            Files.writeString(file, report);
            written.add(file);
            System.out.println();
            System.out.println(report);
        }
        for (Path file : written) {
            say("written: " + file);
        }
    }

    /** {@code NAME.md} in {@code folder}, or {@code NAME-2.md}, {@code NAME-3.md}...: never a file of an earlier run. */
    private static Path unusedFile(Path folder, String name) {
        Path file = folder.resolve(name + ".md");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(name + "-" + n + ".md");
        }
        return file;
    }

    /**
     * The README's command, the launcher beside the jar with no option (a jar built before there was one: {@code java
     * -jar twofa-server.jar}), in a fresh folder (so with a fresh H2 database and a generated API key): the time
     * from the start of the process to the first authenticated request answered 200, with the key it generated.
     * TWOFA_PORT=0 in its environment lets it pick a free port instead of 8080, which another process may hold on a
     * shared machine. With {@code plainJar}, {@code java -jar twofa-server.jar} (the JVM's defaults) instead.
     */
    private List<Duration> measureStartUps(int count, boolean plainJar) throws IOException {
        List<Duration> startUps = new ArrayList<>();
        ServerCommand launch = plainJar ? ServerCommand.plainJar(settings.jar(), List.of())
                : ServerCommand.readme(settings.jar(), List.of());
        for (int i = 1; i <= count; i++) {
            Path dir = Files.createDirectories(settings.work().resolve("start-up-" + (plainJar ? "jar-" : "") + i));
            Path log = dir.resolve("server.log");
            Map<String, String> environment = new HashMap<>(launch.environment());
            environment.put("TWOFA_PORT", "0");
            try (ChildProcess server = ChildProcess.start("server", launch.command(), environment, dir, log)) {
                AtomicReference<Api> api = new AtomicReference<>();
                Duration startUp = server.awaitReady(ignored -> {
                    if (api.get() == null) {
                        int port = Server.listeningPort(log);
                        if (port == 0) {
                            return false;
                        }
                        api.set(new Api(Target.local(port), Duration.ofSeconds(5)));
                    }
                    String key = generatedKey(dir);
                    return key != null && api.get().serves("/2fa/v4/templates", key);
                }, Duration.ofSeconds(120));
                startUps.add(startUp);
                say("start-up of `" + launch.label() + "` to the first served request, " + i + " of " + count
                        + ": " + Report.seconds(startUp));
            }
        }
        return startUps;
    }

    private static String generatedKey(Path dir) {
        try {
            String key = Files.readString(dir.resolve("data").resolve("twofa.apikey")).trim();
            return key.isEmpty() ? null : key;
        } catch (IOException e) {
            return null;
        }
    }

    private Result measurePrism() throws Exception {
        int port = ChildProcess.freePort();
        Path log = settings.work().resolve("prism.log");
        List<String> command = List.of(settings.prism().toString(), "mock", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "--errors=false", "-v", "silent", settings.spec().toString());
        say("Prism: starting " + String.join(" ", command));
        try (ChildProcess prism = ChildProcess.start("prism", command, Map.of(), settings.work(), log)) {
            Target target = Target.local(port);
            Api api = new Api(target, Duration.ofSeconds(5));
            prism.awaitReady(ignored -> api.answers("/2fa/v4/templates/sms"), Duration.ofSeconds(60));
            return measureMock("Prism", prism, target);
        }
    }

    /**
     * WireMock standalone with its default settings (request journal and logging on, as a team starts it), a stub of
     * the same send: POST /2fa/v4/otp answered 202 with an id, as the server answers it.
     */
    private Result measureWireMock() throws Exception {
        int port = ChildProcess.freePort();
        Path root = settings.work().resolve("wiremock");
        Files.createDirectories(root.resolve("mappings"));
        Files.createDirectories(root.resolve("__files"));
        Files.writeString(root.resolve("mappings").resolve("send-otp.json"), """
                {
                  "request": {"method": "POST", "urlPath": "/2fa/v4/otp"},
                  "response": {
                    "status": 202,
                    "headers": {"Content-Type": "application/json"},
                    "jsonBody": {"id": "0193a5c4-7e1f-7a3b-9c1d-2f4e6a8b0c12"}
                  }
                }
                """);
        Path log = settings.work().resolve("wiremock.log");
        List<String> command = List.of(java(), "-jar", settings.wiremock().toString(), "--port",
                Integer.toString(port), "--bind-address", "127.0.0.1", "--root-dir", root.toString());
        say("WireMock: starting " + String.join(" ", command));
        try (ChildProcess wiremock = ChildProcess.start("wiremock", command, Map.of(), settings.work(), log)) {
            Target target = Target.local(port);
            Api api = new Api(target, Duration.ofSeconds(5));
            Duration startUp = wiremock.awaitReady(ignored -> api.answers("/__admin/mappings"), Duration.ofSeconds(60));
            say("WireMock: start-up to the first answer " + Report.seconds(startUp));
            return measureMock("WireMock", wiremock, target);
        }
    }

    /** The send-only script against a mock: warmed up, then measured as our send is. */
    private Result measureMock(String name, ChildProcess mock, Target target) throws Exception {
        say(name + ": warm-up " + settings.mockWarmUp().toSeconds() + " s");
        wrk.run(name + " warm-up", OtpWorkload.sendOnly(keys), target, settings.connections(), settings.mockWarmUp());
        return measured(List.of(mock), () -> wrk.run(name + ": the same send", OtpWorkload.sendOnly(keys), target,
                settings.connections(), settings.measure()));
    }

    private DatabaseRun measure(String database) throws Exception {
        String loadBefore = loadAverage();
        say(database + ": main run (load average " + loadBefore + ")");
        BenchDatabase db = fresh(database, "main");
        Result ceiling;
        Result flow;
        Result send;
        Result halfRate;
        long peakRss;
        Duration startUp;
        List<Profile.Summary> profile = List.of();
        try (Server server = Server.start(this, db, database + "-main", settings.profile())) {
            startUp = server.startUp;
            say(database + ": start-up to the first served request " + Report.seconds(startUp));
            OtpWorkload workload = server.setUp();
            Target target = server.target;
            say(database + ": warm-up " + settings.warmUp().toSeconds() + " s");
            check(wrk.run("warm-up", workload.warmUp(keys), target, settings.connections(), settings.warmUp()));
            server.process.startSampling();
            List<ChildProcess> process = List.of(server.process);
            int connections = settings.connections();
            ceiling = measured(process, () -> wrk.run("ceiling: read one template", workload.ceiling(), target,
                    connections, settings.measure()));
            flow = measured(process, () -> wrk.run("OTP flow: send + validate", workload.flow(keys), target,
                    connections, settings.measure()));
            Profile.Window flowWindow = lastWindow;
            send = measured(process, () -> wrk.run("send only", OtpWorkload.sendOnly(keys), target, connections,
                    settings.measure()));
            Profile.Window sendWindow = lastWindow;
            if (settings.profile()) {
                Path recording = Profile.dump(server.process.pid(), db.directory().resolve("profile.jfr"));
                profile = Profile.summarise(recording, List.of(flowWindow, sendWindow));
                say(database + ": profile of the flow and send shapes from " + recording);
            }
            Api api = new Api(target);
            // the harness's own HTTP client and JSON code compiled before it measures, not while
            FixedRate.flows("fixed-rate warm-up", api, workload, connections, settings.mockWarmUp(), flow.rate() / 2);
            halfRate = measured(process, () -> FixedRate.flows("OTP flow at half the saturation rate", api, workload,
                    connections, settings.measure(), flow.rate() / 2));
            peakRss = server.process.stopSampling();
        } finally {
            db.drop();
        }

        List<Growth> growth = new ArrayList<>();
        for (long size : settings.sizes()) {
            growth.add(measureGrowth(database, size));
        }
        List<Result> instances = database.equals("postgres") && settings.haproxy() != null
                ? measureInstances() : List.of();
        return new DatabaseRun(database, startUp, ceiling, flow, send, halfRate, peakRss, growth, instances, profile,
                loadBefore, loadAverage());
    }

    /**
     * One and two servers on one PostgreSQL database: the ceiling and OTP flows straight to one server, then through
     * HAProxy to that one (the balancer's own cost), then through HAProxy round-robin to two. Every server is warmed
     * up straight before it is measured; the CPU of the servers and of HAProxy counts as the server's.
     */
    private List<Result> measureInstances() throws Exception {
        say("postgres: several instances (load average " + loadAverage() + ")");
        BenchDatabase db = fresh("postgres", "instances");
        List<Result> results = new ArrayList<>();
        int connections = settings.connections();
        try (Server first = Server.start(this, db, "postgres-instance-1", false)) {
            OtpWorkload workload = first.setUp();
            check(wrk.run("warm-up", workload.warmUp(keys), first.target, connections, settings.warmUp()));
            List<ChildProcess> one = List.of(first.process);
            results.add(measured(one, () -> wrk.run("1 server, direct: read one template", workload.ceiling(),
                    first.target, connections, settings.measure())));
            results.add(measured(one, () -> wrk.run("1 server, direct: OTP flow", workload.flow(keys), first.target,
                    connections, settings.measure())));
            try (Balancer balancer = Balancer.start(this, List.of(first.target.port()))) {
                List<ChildProcess> behind = List.of(first.process, balancer.process);
                check(wrk.run("warm-up", workload.warmUp(keys), balancer.target, connections, BALANCER_WARM_UP));
                results.add(measured(behind, () -> wrk.run("1 server behind HAProxy: read one template",
                        workload.ceiling(), balancer.target, connections, settings.measure())));
                results.add(measured(behind, () -> wrk.run("1 server behind HAProxy: OTP flow", workload.flow(keys),
                        balancer.target, connections, settings.measure())));
            }
            try (Server second = Server.start(this, db, "postgres-instance-2", false)) {
                check(wrk.run("warm-up", workload.warmUp(keys), second.target, connections, settings.warmUp()));
                try (Balancer balancer = Balancer.start(this, List.of(first.target.port(), second.target.port()))) {
                    List<ChildProcess> both = List.of(first.process, second.process, balancer.process);
                    check(wrk.run("warm-up", workload.warmUp(keys), balancer.target, connections, BALANCER_WARM_UP));
                    results.add(measured(both, () -> wrk.run("2 servers behind HAProxy: read one template",
                            workload.ceiling(), balancer.target, connections, settings.measure())));
                    results.add(measured(both, () -> wrk.run("2 servers behind HAProxy: OTP flow",
                            workload.flow(keys), balancer.target, connections, settings.measure())));
                }
            }
        } finally {
            db.drop();
        }
        return results;
    }

    private static final Duration BALANCER_WARM_UP = Duration.ofSeconds(5);

    /** HAProxy in front of servers on 127.0.0.1: round-robin per request over keep-alive connections. */
    private static final class Balancer implements AutoCloseable {
        final ChildProcess process;
        final Target target;

        private Balancer(ChildProcess process, Target target) {
            this.process = process;
            this.target = target;
        }

        static Balancer start(Bench bench, List<Integer> serverPorts) throws IOException {
            int port = ChildProcess.freePort();
            StringBuilder config = new StringBuilder("""
                    defaults
                        mode http
                        timeout connect 2s
                        timeout client 60s
                        timeout server 60s

                    frontend twofa
                        bind 127.0.0.1:%d
                        default_backend twofa_servers

                    backend twofa_servers
                        balance roundrobin
                    """.formatted(port));
            for (int i = 0; i < serverPorts.size(); i++) {
                config.append("    server twofa").append(i + 1).append(" 127.0.0.1:").append(serverPorts.get(i))
                        .append("\n");
            }
            Path dir = bench.settings.work();
            Path file = dir.resolve("haproxy-" + serverPorts.size() + ".cfg");
            Files.writeString(file, config);
            ChildProcess process = ChildProcess.start("haproxy", List.of(bench.settings.haproxy().toString(), "-db",
                    "-f", file.toString()), Map.of(), dir, dir.resolve("haproxy.log"));
            Target target = Target.local(port);
            Api api = new Api(target, Duration.ofSeconds(5));
            String key = bench.accounts.get(0).key();
            try {
                process.awaitReady(ignored -> api.serves("/2fa/v4/templates", key), Duration.ofSeconds(20));
            } catch (RuntimeException e) {
                process.close();
                throw e;
            }
            return new Balancer(process, target);
        }

        @Override
        public void close() {
            process.close();
        }
    }

    private Growth measureGrowth(String database, long size) throws Exception {
        String name = database + "-" + size;
        BenchDatabase db = fresh(database, "stored_" + size);
        try {
            OtpWorkload workload;
            try (Server server = Server.start(this, db, name + "-setup", false)) {
                workload = server.setUp();
            }
            long seedStart = System.nanoTime();
            // spread over the accounts as the flows are, each with its own profile
            List<OtpWorkload.SetUpAccount> setUp = workload.accounts();
            List<BenchDatabase.OtpSeed> seeds = new ArrayList<>();
            long first = 1;
            for (int i = 0; i < setUp.size(); i++) {
                long last = size * (i + 1) / setUp.size();
                seeds.add(new BenchDatabase.OtpSeed(setUp.get(i).account().name(), setUp.get(i).profileId(),
                        first, last));
                first = last + 1;
            }
            db.seedOtps(seeds);
            Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);
            long before = db.countOtps();
            say(database + ": seeded " + before + " OTPs in " + Report.seconds(seeding));
            Result flow;
            long peakRss;
            Duration startUp;
            try (Server server = Server.start(this, db, name, false)) {
                startUp = server.startUp;
                check(wrk.run("warm-up", workload.warmUp(keys), server.target, settings.connections(),
                        settings.growthWarmUp()));
                server.process.startSampling();
                flow = measured(List.of(server.process), () -> wrk.run("OTP flow with " + before + " stored",
                        workload.flow(keys), server.target, settings.connections(), settings.measure()));
                peakRss = server.process.stopSampling();
            }
            long after = db.countOtps();
            return new Growth(before, after, seeding, startUp, flow, peakRss);
        } finally {
            db.drop();
        }
    }

    /**
     * Runs the shape and adds the CPU time that the servers used meanwhile (the client's own comes with the
     * result). Waits first until the servers have finished the work the previous run left behind (deliveries still
     * queued), so that each run is charged with its own work.
     */
    private Result measured(List<ChildProcess> servers, Shape shape) throws Exception {
        servers.forEach(Bench::awaitIdle);
        long serverBefore = cpuMillis(servers);
        Instant begin = Instant.now();
        Result result = shape.run();
        Instant end = Instant.now();
        long serverAfter = cpuMillis(servers);
        result = check(result.withServerCpu(serverBefore < 0 || serverAfter < 0 ? -1 : serverAfter - serverBefore));
        lastWindow = new Profile.Window(result.name(), begin, end);
        say(Report.line(result));
        return result;
    }

    /** The CPU time of all of {@code processes}, in milliseconds; -1 when one is unknown. */
    private static long cpuMillis(List<ChildProcess> processes) {
        long total = 0;
        for (ChildProcess process : processes) {
            long used = process.cpuMillis();
            if (used < 0) {
                return -1;
            }
            total += used;
        }
        return total;
    }

    /** Waits (at most 15 s) until the server uses less than a tenth of a core over a quarter of a second. */
    private static void awaitIdle(ChildProcess server) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long before = server.cpuMillis();
        while (System.nanoTime() < giveUp) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = server.cpuMillis();
            if (now - before < 25) {
                return;
            }
            before = now;
        }
    }

    private static Result check(Result result) {
        if (result.failed() > 0) {
            say("  " + result.failed() + " operation(s) of '" + result.name() + "' failed " + result.failures()
                    + "; the first: " + result.firstFailure());
        }
        return result;
    }

    private BenchDatabase fresh(String database, String name) throws IOException, SQLException {
        return switch (database) {
            case "h2" -> BenchDatabase.h2(settings.work().resolve("h2-" + name));
            case "postgres" -> BenchDatabase.postgres(requirePostgres(), "twofa_bench_" + name,
                    settings.work().resolve("postgres-" + name));
            default -> throw new IllegalArgumentException("unknown database " + database);
        };
    }

    private String requirePostgres() {
        if (settings.postgresAdminUrl() == null) {
            throw new IllegalStateException("--postgres-admin-url is needed for the postgres database");
        }
        return settings.postgresAdminUrl();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The server under test, started from the jar with a fresh working directory. */
    private static final class Server implements AutoCloseable {
        private static final Pattern LISTENING = Pattern.compile("is listening on http://[^:/]+:(\\d+)");

        final ChildProcess process;
        final Target target;
        final Duration startUp;
        private final Bench bench;

        private Server(Bench bench, ChildProcess process, Target target, Duration startUp) {
            this.bench = bench;
            this.process = process;
            this.target = target;
            this.startUp = startUp;
        }

        /**
         * The jar with the benchmark's accounts (TWOFA_API_KEYS) and secret, on a port it picks; the database's
         * options; with {@code profiled}, a JFR recording.
         */
        static Server start(Bench bench, BenchDatabase db, String name, boolean profiled) throws IOException {
            Settings settings = bench.settings;
            Path dir = db.directory();
            Path log = dir.resolve("server-" + name + ".log");
            List<String> jvmOptions = new ArrayList<>(settings.serverJvmOptions());
            if (profiled) {
                jvmOptions.add(Profile.jvmOption());
            }
            ServerCommand readme = ServerCommand.readme(settings.jar(), jvmOptions);
            List<String> command = new ArrayList<>(readme.command());
            // port 0: the server picks a free port and says which in its log, so no other process's port is taken
            // for ours (other servers come and go on a shared machine)
            command.addAll(List.of("--port", "0"));
            command.addAll(db.serverOptions());
            String apiKeys = bench.accounts.stream().map(a -> a.key() + "=" + a.name())
                    .collect(Collectors.joining(","));
            Map<String, String> environment = new HashMap<>(readme.environment());
            // a fixed secret: OTP codes are hashed the same way in every run
            environment.put("TWOFA_SECRET", SECRET);
            environment.put("TWOFA_API_KEYS", apiKeys);
            ChildProcess process = ChildProcess.start("server", command, environment, dir, log);
            AtomicInteger port = new AtomicInteger();
            AtomicReference<Api> api = new AtomicReference<>();
            String key = bench.accounts.get(0).key();
            try {
                Duration startUp = process.awaitReady(ignored -> {
                    if (port.get() == 0) {
                        port.set(listeningPort(log));
                        if (port.get() == 0) {
                            return false;
                        }
                        api.set(new Api(Target.local(port.get()), Duration.ofSeconds(5)));
                    }
                    return api.get().serves("/2fa/v4/templates", key);
                }, Duration.ofSeconds(120));
                return new Server(bench, process, Target.local(port.get()), startUp);
            } catch (RuntimeException e) {
                process.close();
                throw e;
            }
        }

        /** The port in the server's "is listening on http://localhost:PORT" line; 0 while there is none. */
        static int listeningPort(Path log) {
            try {
                Matcher listening = LISTENING.matcher(Files.readString(log));
                return listening.find() ? Integer.parseInt(listening.group(1)) : 0;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        OtpWorkload setUp() throws IOException, InterruptedException {
            return OtpWorkload.setUp(new Api(target), bench.accounts);
        }

        @Override
        public void close() {
            process.close();
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void say(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }

    private static Settings parse(String[] args) {
        Map<String, String> options = new TreeMap<>();
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--quick") || arg.equals("--profile")) {
                options.put(arg.substring(2), "true");
            } else if (arg.equals("--server-jvm-option") && i + 1 < args.length) {
                jvm.add(args[++i]);
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        boolean quick = options.containsKey("quick");
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up", quick ? "5" : "60")));
        Duration measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", quick ? "3" : "10")));
        Duration growthWarmUp = Duration.ofSeconds(Long.parseLong(
                options.getOrDefault("growth-warm-up", quick ? "3" : "60")));
        List<Long> sizes = Arrays.stream(options.getOrDefault("sizes", quick ? "10000,100000" : "10000,100000,1000000")
                .split(",")).filter(s -> !s.isBlank()).map(s -> Long.parseLong(s.trim())).toList();
        int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
        int wrkThreads = Integer.parseInt(options.getOrDefault("wrk-threads", "2"));
        int accounts = Integer.parseInt(options.getOrDefault("accounts", "256"));
        if (connections < 1 || wrkThreads < 1 || accounts < 1) {
            throw new IllegalArgumentException("--connections, --wrk-threads and --accounts must be positive");
        }
        return new Settings(
                Path.of(required(options, "jar")).toAbsolutePath(),
                Path.of(required(options, "spec")).toAbsolutePath(),
                optionalPath(options, "prism"),
                Arrays.stream(options.getOrDefault("databases", "h2").split(","))
                        .filter(db -> !db.isBlank() && !db.equals("none")).toList(),
                options.get("postgres-admin-url"),
                Path.of(required(options, "work")).toAbsolutePath(),
                Path.of(required(options, "results")).toAbsolutePath(),
                quick,
                options.getOrDefault("commit", "unknown"),
                connections, wrkThreads, accounts,
                warmUp, measure, growthWarmUp, sizes, jvm,
                optionalPath(options, "haproxy"),
                optionalPath(options, "wiremock"),
                Path.of(options.getOrDefault("wrk", "wrk")),
                Path.of(required(options, "scripts")).toAbsolutePath(),
                options.containsKey("profile"));
    }

    private static Path optionalPath(Map<String, String> options, String name) {
        String value = options.getOrDefault(name, "");
        return value.isBlank() ? null : Path.of(value).toAbsolutePath();
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
