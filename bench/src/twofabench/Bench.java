package twofabench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of the twofa-kit server, run by {@code bench/run}: for each database, a main run (ceiling, OTP
 * flows, send only, validate only, flows at half the saturation rate) and a cost-growth run per number of stored
 * OTPs; once, the same send request against Prism's mock of the contract. Writes one Markdown report per
 * database. Every process it starts it stops again by PID; all load goes to 127.0.0.1 and is bounded in time.
 */
public final class Bench {

    /**
     * Accounts the load is spread over. The server's default limit of sends per account is 100 per second, and it
     * sends up to about 2,000 per second here: 64 accounts leave room to spare at the server's defaults.
     */
    static final int ACCOUNTS = 64;
    static final List<Account> ACCOUNT_KEYS = accounts(ACCOUNTS);
    static final String SECRET = "bench-secret-0123456789abcdef";

    /** An account of the benchmark and its API key. */
    record Account(String name, String key) {
    }

    private static List<Account> accounts(int count) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accounts.add(new Account(String.format("bench-%02d", i), String.format("bench-key-%02d-0123456789", i)));
        }
        return List.copyOf(accounts);
    }

    /** The key that connections send unless a request names another: the first account's. */
    static String defaultKey() {
        return ACCOUNT_KEYS.get(0).key();
    }

    /** Everything that the command line sets. */
    record Settings(Path jar, Path spec, Path prism, List<String> databases, String postgresAdminUrl, Path work,
                    Path results, boolean quick, String commit, int connections, Duration warmUp, Duration measure,
                    Duration growthWarmUp, List<Long> sizes, List<String> serverJvmOptions, Path haproxy,
                    Path wiremock) {
    }

    /** The measurements of one database. */
    record DatabaseRun(String database, Duration startUp, Load.Result ceiling, Load.Result flow, Load.Result send,
                       Load.Result validate, Load.Result halfRate, long peakRssKb, List<Growth> growth,
                       List<Load.Result> instances, String loadBefore, String loadAfter) {
    }

    /** Flows with {@code storedBefore} OTPs already stored. */
    record Growth(long storedBefore, long storedAfter, Duration seeding, Duration startUp, Load.Result flow,
                  long peakRssKb) {
    }

    private final Settings settings;

    private Bench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = parse(args);
        new Bench(settings).run();
    }

    private void run() throws Exception {
        Files.createDirectories(settings.work());
        Files.createDirectories(settings.results());
        say("settings: " + settings.connections() + " connections, warm-up " + settings.warmUp().toSeconds()
                + " s, measurements " + settings.measure().toSeconds() + " s, stored OTPs " + settings.sizes());

        Load.Result prism = settings.prism() == null ? null : measurePrism();
        Load.Result wiremock = settings.wiremock() == null ? null : measureWireMock();
        List<Path> written = new ArrayList<>();
        for (String database : settings.databases()) {
            DatabaseRun run = measure(database);
            String report = Report.markdown(settings, run, prism, wiremock);
            Path file = settings.results().resolve(LocalDate.now() + "-" + database
                    + (settings.quick() ? "-quick" : "") + ".md");
            Files.writeString(file, report);
            written.add(file);
            System.out.println();
            System.out.println(report);
        }
        for (Path file : written) {
            say("written: " + file);
        }
    }

    private Load.Result measurePrism() throws IOException {
        int port = ChildProcess.freePort();
        Path log = settings.work().resolve("prism.log");
        List<String> command = List.of(settings.prism().toString(), "mock", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "--errors=false", "-v", "silent", settings.spec().toString());
        say("Prism: starting " + String.join(" ", command));
        try (ChildProcess prism = ChildProcess.start("prism", command, Map.of(), settings.work(), log)) {
            Load.Target target = new Load.Target("127.0.0.1", port, defaultKey());
            prism.awaitReady(ignored -> answers(target, "/2fa/v4/templates/sms"), Duration.ofSeconds(60));
            Duration warmUp = settings.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(10);
            say("Prism: warm-up " + warmUp.toSeconds() + " s");
            Load.closedLoop("prism-warm-up", target, settings.connections(), warmUp, OtpWorkload.sendToMock());
            return measured(prism, () -> Load.closedLoop("Prism: send", target, settings.connections(),
                    settings.measure(), OtpWorkload.sendToMock()));
        }
    }

    /**
     * WireMock standalone with its default settings (request journal and logging on, as a team starts it), a stub of
     * the same send: POST /2fa/v4/otp answered 202 with an id, as the server answers it.
     */
    private Load.Result measureWireMock() throws IOException {
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
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                settings.wiremock().toString(), "--port", Integer.toString(port), "--bind-address", "127.0.0.1",
                "--root-dir", root.toString());
        say("WireMock: starting " + String.join(" ", command));
        try (ChildProcess wiremock = ChildProcess.start("wiremock", command, Map.of(), settings.work(), log)) {
            Load.Target target = new Load.Target("127.0.0.1", port, defaultKey());
            Duration startUp = wiremock.awaitReady(ignored -> answers(target, "/__admin/mappings"), Duration.ofSeconds(60));
            say("WireMock: start-up to the first answer " + Report.seconds(startUp));
            Duration warmUp = settings.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(10);
            say("WireMock: warm-up " + warmUp.toSeconds() + " s");
            Load.closedLoop("wiremock-warm-up", target, settings.connections(), warmUp, OtpWorkload.sendToMock());
            return measured(wiremock, () -> Load.closedLoop("WireMock: send", target, settings.connections(),
                    settings.measure(), OtpWorkload.sendToMock()));
        }
    }

    private DatabaseRun measure(String database) throws Exception {
        String loadBefore = loadAverage();
        say(database + ": main run (load average " + loadBefore + ")");
        BenchDatabase db = fresh(database, "main");
        Load.Result ceiling;
        Load.Result flow;
        Load.Result send;
        Load.Result validate;
        Load.Result halfRate;
        long peakRss;
        Duration startUp;
        try (Server server = Server.start(this, db, database + "-main")) {
            startUp = server.startUp;
            say(database + ": start-up to the first served request " + Report.seconds(startUp));
            OtpWorkload workload = server.setUp();
            Load.Target target = server.target;
            say(database + ": warm-up " + settings.warmUp().toSeconds() + " s");
            check(Load.closedLoop("warm-up", target, settings.connections(), settings.warmUp(), workload.warmUp()));
            server.process.startSampling();
            ChildProcess process = server.process;
            ceiling = measured(process, "ceiling: read one template", target, workload.ceiling());
            flow = measured(process, "OTP flow: send + validate", target, workload.flow());
            send = measured(process, "send only", target, workload.sendOnly());
            validate = measured(process, "validate only", target, workload.validateOnly());
            halfRate = measured(process, () -> Load.fixedRate("OTP flow at half the saturation rate", target,
                    settings.connections(), settings.measure(), flow.rate() / 2, workload.flow()));
            peakRss = server.process.stopSampling();
        } finally {
            db.drop();
        }

        List<Growth> growth = new ArrayList<>();
        for (long size : settings.sizes()) {
            growth.add(measureGrowth(database, size));
        }
        List<Load.Result> instances = database.equals("postgres") && settings.haproxy() != null
                ? measureInstances() : List.of();
        return new DatabaseRun(database, startUp, ceiling, flow, send, validate, halfRate, peakRss, growth,
                instances, loadBefore, loadAverage());
    }

    /**
     * One and two servers on one PostgreSQL database: the ceiling and OTP flows straight to one server, then through
     * HAProxy to that one (the balancer's own cost), then through HAProxy round-robin to two. Every server is warmed
     * up straight before it is measured; the CPU of the servers and of HAProxy counts as the server's.
     */
    private List<Load.Result> measureInstances() throws Exception {
        say("postgres: several instances (load average " + loadAverage() + ")");
        BenchDatabase db = fresh("postgres", "instances");
        List<Load.Result> results = new ArrayList<>();
        try (Server first = Server.start(this, db, "postgres-instance-1")) {
            OtpWorkload workload = first.setUp();
            check(Load.closedLoop("warm-up", first.target, settings.connections(), settings.warmUp(), workload.warmUp()));
            List<ChildProcess> one = List.of(first.process);
            results.add(measured(one, "1 server, direct: read one template", first.target, workload.ceiling()));
            results.add(measured(one, "1 server, direct: OTP flow", first.target, workload.flow()));
            try (Balancer balancer = Balancer.start(this, List.of(first.target.port()))) {
                List<ChildProcess> behind = List.of(first.process, balancer.process);
                check(Load.closedLoop("warm-up", balancer.target, settings.connections(), BALANCER_WARM_UP,
                        workload.warmUp()));
                results.add(measured(behind, "1 server behind HAProxy: read one template", balancer.target,
                        workload.ceiling()));
                results.add(measured(behind, "1 server behind HAProxy: OTP flow", balancer.target, workload.flow()));
            }
            try (Server second = Server.start(this, db, "postgres-instance-2")) {
                check(Load.closedLoop("warm-up", second.target, settings.connections(), settings.warmUp(),
                        workload.warmUp()));
                try (Balancer balancer = Balancer.start(this, List.of(first.target.port(), second.target.port()))) {
                    List<ChildProcess> both = List.of(first.process, second.process, balancer.process);
                    check(Load.closedLoop("warm-up", balancer.target, settings.connections(), BALANCER_WARM_UP,
                            workload.warmUp()));
                    results.add(measured(both, "2 servers behind HAProxy: read one template", balancer.target,
                            workload.ceiling()));
                    results.add(measured(both, "2 servers behind HAProxy: OTP flow", balancer.target,
                            workload.flow()));
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
        final Load.Target target;

        private Balancer(ChildProcess process, Load.Target target) {
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
            Load.Target target = new Load.Target("127.0.0.1", port, defaultKey());
            try {
                process.awaitReady(ignored -> served(target), Duration.ofSeconds(20));
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
            try (Server server = Server.start(this, db, name + "-setup")) {
                workload = server.setUp();
            }
            long seedStart = System.nanoTime();
            // spread over the accounts as the flows are, each with its own profile
            List<OtpWorkload.SetUpAccount> accounts = workload.accounts();
            List<BenchDatabase.OtpSeed> seeds = new ArrayList<>();
            long first = 1;
            for (int i = 0; i < accounts.size(); i++) {
                long last = size * (i + 1) / accounts.size();
                seeds.add(new BenchDatabase.OtpSeed(accounts.get(i).account().name(), accounts.get(i).profileId(),
                        first, last));
                first = last + 1;
            }
            db.seedOtps(seeds);
            Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);
            long before = db.countOtps();
            say(database + ": seeded " + before + " OTPs in " + Report.seconds(seeding));
            Load.Result flow;
            long peakRss;
            Duration startUp;
            try (Server server = Server.start(this, db, name)) {
                startUp = server.startUp;
                check(Load.closedLoop("warm-up", server.target, settings.connections(), settings.growthWarmUp(),
                        workload.warmUp()));
                server.process.startSampling();
                flow = measured(server.process, "OTP flow with " + before + " stored", server.target,
                        workload.flow());
                peakRss = server.process.stopSampling();
            }
            long after = db.countOtps();
            return new Growth(before, after, seeding, startUp, flow, peakRss);
        } finally {
            db.drop();
        }
    }

    private Load.Result measured(ChildProcess server, String name, Load.Target target, Load.Op op) {
        return measured(List.of(server), name, target, op);
    }

    private Load.Result measured(List<ChildProcess> servers, String name, Load.Target target, Load.Op op) {
        return measured(servers, () -> Load.closedLoop(name, target, settings.connections(), settings.measure(), op));
    }

    private static Load.Result measured(ChildProcess server, Supplier<Load.Result> load) {
        return measured(List.of(server), load);
    }

    /**
     * Runs the load and adds the CPU time that the server and this client used meanwhile. Waits first until the
     * server has finished the work the previous run left behind (deliveries still queued), so that each run is
     * charged with its own work.
     */
    private static Load.Result measured(List<ChildProcess> servers, Supplier<Load.Result> load) {
        servers.forEach(Bench::awaitIdle);
        long self = ProcessHandle.current().pid();
        long serverBefore = cpuMillis(servers);
        long clientBefore = ChildProcess.cpuMillis(self);
        Load.Result result = load.get();
        long serverAfter = cpuMillis(servers);
        long clientAfter = ChildProcess.cpuMillis(self);
        result = check(result.with(new Load.CpuUse(
                serverBefore < 0 || serverAfter < 0 ? -1 : serverAfter - serverBefore,
                clientBefore < 0 || clientAfter < 0 ? -1 : clientAfter - clientBefore)));
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

    private static Load.Result check(Load.Result result) {
        if (result.failed() > 0) {
            say("  " + result.failed() + " operation(s) of '" + result.name() + "' failed; the first: "
                    + result.firstFailure());
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

    /** The server under test, started from the jar with a fresh working directory. */
    private static final class Server implements AutoCloseable {
        private static final Pattern LISTENING = Pattern.compile("is listening on http://[^:/]+:(\\d+)");

        final ChildProcess process;
        final Load.Target target;
        final Duration startUp;

        private Server(ChildProcess process, Load.Target target, Duration startUp) {
            this.process = process;
            this.target = target;
            this.startUp = startUp;
        }

        static Server start(Bench bench, BenchDatabase db, String name) throws IOException {
            Settings settings = bench.settings;
            Path dir = db.directory();
            Path log = dir.resolve("server-" + name + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(settings.serverJvmOptions());
            // port 0: the server picks a free port and says which in its log, so no other process's port is taken
            // for ours (other servers come and go on a shared machine)
            command.addAll(List.of("-jar", settings.jar().toString(), "--port", "0"));
            for (Account account : ACCOUNT_KEYS) {
                command.addAll(List.of("--api-key", account.key() + "=" + account.name()));
            }
            command.addAll(db.serverOptions());
            // a fixed secret: OTP codes are hashed the same way in every run
            ChildProcess process = ChildProcess.start("server", command, Map.of("TWOFA_SECRET", SECRET), dir, log);
            AtomicInteger port = new AtomicInteger();
            try {
                Duration startUp = process.awaitReady(ignored -> {
                    if (port.get() == 0) {
                        port.set(listeningPort(log));
                    }
                    return port.get() > 0 && served(new Load.Target("127.0.0.1", port.get(), defaultKey()));
                }, Duration.ofSeconds(120));
                return new Server(process, new Load.Target("127.0.0.1", port.get(), defaultKey()), startUp);
            } catch (RuntimeException e) {
                process.close();
                throw e;
            }
        }

        /** The port in the server's "is listening on http://localhost:PORT" line; 0 while there is none. */
        private static int listeningPort(Path log) {
            try {
                Matcher listening = LISTENING.matcher(Files.readString(log));
                return listening.find() ? Integer.parseInt(listening.group(1)) : 0;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        OtpWorkload setUp() throws IOException {
            try (HttpConnection http = new HttpConnection(target.host(), target.port(), target.apiKey())) {
                return OtpWorkload.setUp(http, ACCOUNT_KEYS);
            }
        }

        @Override
        public void close() {
            process.close();
        }
    }

    /** Whether the server answers an authenticated request with our key: the first served request. */
    private static boolean served(Load.Target target) {
        try (HttpConnection http = new HttpConnection(target.host(), target.port(), target.apiKey())) {
            return http.get("/2fa/v4/templates").status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean answers(Load.Target target, String path) {
        try (HttpConnection http = new HttpConnection(target.host(), target.port(), target.apiKey())) {
            return http.get(path).status() > 0;
        } catch (IOException e) {
            return false;
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
            if (arg.equals("--quick")) {
                options.put("quick", "true");
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
        String prism = options.get("prism");
        return new Settings(
                Path.of(required(options, "jar")).toAbsolutePath(),
                Path.of(required(options, "spec")).toAbsolutePath(),
                prism == null || prism.isBlank() ? null : Path.of(prism).toAbsolutePath(),
                Arrays.stream(options.getOrDefault("databases", "h2").split(","))
                        .filter(db -> !db.isBlank() && !db.equals("none")).toList(),
                options.get("postgres-admin-url"),
                Path.of(required(options, "work")).toAbsolutePath(),
                Path.of(required(options, "results")).toAbsolutePath(),
                quick,
                options.getOrDefault("commit", "unknown"),
                Integer.parseInt(options.getOrDefault("connections", "16")),
                warmUp, measure, growthWarmUp, sizes, jvm,
                options.getOrDefault("haproxy", "").isBlank() ? null : Path.of(options.get("haproxy")),
                options.getOrDefault("wiremock", "").isBlank() ? null : Path.of(options.get("wiremock")).toAbsolutePath());
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
