package twofabench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What customers' 2FA integrations do to the server: the set-up of each account through the API (SMS and Viber
 * templates in two languages, a profile using them, a priority), then sending OTPs with a code of their own and
 * validating them. The load shapes themselves are wrk scripts in {@code bench/wrk} ({@link Wrk}); the sends go
 * round the accounts, each to a random number: the server limits the sends of one account (100 per second by
 * default) and to one number (5 in 10 minutes), and the benchmark measures the server, not its limits.
 */
final class OtpWorkload {

    static final String PROFILE = "bench_profile";
    static final String PRIORITY = "bench_priority";

    /** An account the load goes to: its API key, and the profile and SMS template its set-up created. */
    record SetUpAccount(Bench.Account account, UUID profileId, String templateId) {
    }

    private final List<SetUpAccount> accounts;
    private final AtomicInteger nextAccount = new AtomicInteger();

    private OtpWorkload(List<SetUpAccount> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    /** Creates each account's templates, profile and priority through the API, four accounts at a time. */
    static OtpWorkload setUp(Api api, List<Bench.Account> accounts) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SetUpAccount>> pending = new ArrayList<>();
            for (Bench.Account account : accounts) {
                pending.add(pool.submit(() -> setUp(api, account)));
            }
            List<SetUpAccount> setUp = new ArrayList<>();
            for (Future<SetUpAccount> account : pending) {
                setUp.add(account.get());
            }
            return new OtpWorkload(setUp);
        } catch (ExecutionException e) {
            throw new IllegalStateException("set-up failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static SetUpAccount setUp(Api api, Bench.Account account) throws IOException, InterruptedException {
        String key = account.key();
        String smsEn = create(api, key, "/2fa/v4/templates/sms", template("bench_sms_en", "en",
                "Your code is {{otp_code}}. It expires in {{expiration_time}} minutes."));
        create(api, key, "/2fa/v4/templates/sms", template("bench_sms_de", "de",
                "Ihr Code lautet {{otp_code}}. Er ist {{expiration_time}} Minuten gültig."));
        create(api, key, "/2fa/v4/templates/viber", template("bench_viber_en", "en",
                "{{otp_code}} is your code. Valid for {{expiration_time}} minutes."));
        create(api, key, "/2fa/v4/templates/viber", template("bench_viber_de", "de",
                "{{otp_code}} ist Ihr Code. {{expiration_time}} Minuten gültig."));
        String profile = create(api, key, "/2fa/v4/profiles", Map.of(
                "name", PROFILE, "attempts", 3, "otpCodeLength", 6, "alphanumeric", "false",
                "channels", List.of(
                        Map.of("type", "VIBER", "templates", List.of(
                                Map.of("name", "bench_viber_en", "languageCode", "en"),
                                Map.of("name", "bench_viber_de", "languageCode", "de"))),
                        Map.of("type", "SMS", "templates", List.of(
                                Map.of("name", "bench_sms_en", "languageCode", "en"),
                                Map.of("name", "bench_sms_de", "languageCode", "de"))))));
        create(api, key, "/2fa/v4/priorities", Map.of("name", PRIORITY, "channelPriority", List.of(
                Map.of("channel", "SMS", "priority", 1), Map.of("channel", "VIBER", "priority", 2))));
        return new SetUpAccount(account, UUID.fromString(profile), smsEn);
    }

    private static Map<String, Object> template(String name, String language, String message) {
        return Map.of("name", name, "language", language, "message", message, "codeExpirationTime", 5);
    }

    private static String create(Api api, String key, String path, Object body)
            throws IOException, InterruptedException {
        Api.Answer created = api.post(path, key, body);
        JsonNode id = created.json().path("id");
        if (created.status() != 201 || !id.isTextual()) {
            throw new IllegalStateException("set-up: POST " + path + " answered " + created.describe());
        }
        return id.asText();
    }

    /** Every account with what its set-up created, e.g. to seed OTPs for each. */
    List<SetUpAccount> accounts() {
        return accounts;
    }

    /** The ceiling's request: the first account's first SMS template, read with its key. */
    String ceilingPath() {
        return "/2fa/v4/templates/sms/" + accounts.get(0).templateId();
    }

    String ceilingKey() {
        return accounts.get(0).account().key();
    }

    /** The key of the account the next send goes to: round the accounts. */
    String nextKey() {
        return accounts.get(Math.floorMod(nextAccount.getAndIncrement(), accounts.size())).account().key();
    }

    /** The body of a send request: a mobile number, the profile and priority, one of two languages, a code. */
    static Map<String, String> sendBody(String code) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Map.of("to", "+4917" + (10_000_000 + random.nextInt(90_000_000)), "profileName", PROFILE,
                "priorityName", PRIORITY, "languageCode", random.nextBoolean() ? "en_US" : "de", "otpCode", code,
                "sender", "twofa-kit", "senderViber", "12345");
    }

    static String newCode() {
        return Integer.toString(100_000 + ThreadLocalRandom.current().nextInt(900_000));
    }

    /** Writes the accounts' API keys, one a line, for the wrk scripts (BENCH_KEYS). */
    static Path writeKeys(Path file, List<Bench.Account> accounts) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, accounts.stream().map(Bench.Account::key).toList());
    }

    /** The authenticated read of one template: the cheapest request that passes authentication. */
    Wrk.Script ceiling() {
        return Wrk.Script.of("read.lua", Map.of("BENCH_PATH", ceilingPath(), "BENCH_KEY", ceilingKey()));
    }

    /** Sends only, round the accounts (the keys in {@code keys}). */
    static Wrk.Script sendOnly(Path keys) {
        return Wrk.Script.of("send.lua", Map.of("BENCH_KEYS", keys.toString()));
    }

    /** Send, then validate with that code: a flow counts when it answers VERIFIED. */
    Wrk.Script flow(Path keys) {
        return Wrk.Script.statefulOf("flow.lua", Map.of("BENCH_KEYS", keys.toString()));
    }

    /** Flows that delete their OTP and read the template: warms every path up and stores nothing. */
    Wrk.Script warmUp(Path keys) {
        return Wrk.Script.statefulOf("flow.lua", Map.of("BENCH_KEYS", keys.toString(), "BENCH_WARM_UP", "1",
                "BENCH_PATH", ceilingPath(), "BENCH_KEY", ceilingKey()));
    }

    /** The set-up in words, for the report. */
    static List<String> describeSetUp(int accounts) {
        return List.of(accounts + " accounts, each with the following, set up through the API; sends go round the"
                        + " accounts",
                "SMS templates bench_sms_en (en), bench_sms_de (de)",
                "Viber templates bench_viber_en (en), bench_viber_de (de)",
                "profile " + PROFILE + ": VIBER then SMS, both languages, 3 attempts, 6 digits",
                "priority " + PRIORITY + ": SMS 1, VIBER 2",
                "send: to a random +4917 number, languageCode en_US or de (half each), own 6-digit otpCode");
    }
}
