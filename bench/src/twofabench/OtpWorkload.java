package twofabench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What customers' 2FA integrations do to the server, as operations for {@link Load}: the set-up of each account
 * (SMS and Viber templates in two languages, a profile using them, a priority), and then sending OTPs with a
 * code of its own and validating them. The sends go round the accounts, each to a random number: the server
 * limits the sends of one account (100 per second by default) and to one number (5 in 10 minutes), and the
 * benchmark measures the server, not its limits.
 */
final class OtpWorkload {

    static final String PROFILE = "bench_profile";
    static final String PRIORITY = "bench_priority";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    /** An OTP that was sent and not validated yet, and the key of the account that sent it. */
    record SentOtp(String id, String code, String key) {
    }

    /** An account the load goes to: its API key, and the profile and SMS template its set-up created. */
    record SetUpAccount(Bench.Account account, UUID profileId, String templateId) {
    }

    private final List<SetUpAccount> accounts;
    private final AtomicInteger nextAccount = new AtomicInteger();
    private final Queue<SentOtp> unvalidated = new ConcurrentLinkedQueue<>();

    private OtpWorkload(List<SetUpAccount> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    /** Creates each account's templates, profile and priority through the API. */
    static OtpWorkload setUp(HttpConnection http, List<Bench.Account> accounts) throws IOException {
        List<SetUpAccount> setUp = new ArrayList<>();
        for (Bench.Account account : accounts) {
            setUp.add(setUp(http, account));
        }
        return new OtpWorkload(setUp);
    }

    private static SetUpAccount setUp(HttpConnection http, Bench.Account account) throws IOException {
        String key = account.key();
        String smsEn = create(http, key, "/2fa/v4/templates/sms", template("bench_sms_en", "en",
                "Your code is {{otp_code}}. It expires in {{expiration_time}} minutes."));
        create(http, key, "/2fa/v4/templates/sms", template("bench_sms_de", "de",
                "Ihr Code lautet {{otp_code}}. Er ist {{expiration_time}} Minuten gültig."));
        create(http, key, "/2fa/v4/templates/viber", template("bench_viber_en", "en",
                "{{otp_code}} is your code. Valid for {{expiration_time}} minutes."));
        create(http, key, "/2fa/v4/templates/viber", template("bench_viber_de", "de",
                "{{otp_code}} ist Ihr Code. {{expiration_time}} Minuten gültig."));
        String profile = create(http, key, "/2fa/v4/profiles", """
                {"name":"%s","attempts":3,"otpCodeLength":6,"alphanumeric":"false","channels":[
                 {"type":"VIBER","templates":[{"name":"bench_viber_en","languageCode":"en"},
                                              {"name":"bench_viber_de","languageCode":"de"}]},
                 {"type":"SMS","templates":[{"name":"bench_sms_en","languageCode":"en"},
                                            {"name":"bench_sms_de","languageCode":"de"}]}]}""".formatted(PROFILE));
        create(http, key, "/2fa/v4/priorities", """
                {"name":"%s","channelPriority":[{"channel":"SMS","priority":1},{"channel":"VIBER","priority":2}]}"""
                .formatted(PRIORITY));
        return new SetUpAccount(account, UUID.fromString(profile), smsEn);
    }

    /** Every account with what its set-up created, e.g. to seed OTPs for each. */
    List<SetUpAccount> accounts() {
        return accounts;
    }

    /** The key of the account the next send goes to: round the accounts. */
    private String nextKey() {
        return accounts.get(Math.floorMod(nextAccount.getAndIncrement(), accounts.size())).account().key();
    }

    /** The body of a send request: a mobile number, the profile and priority, one of two languages, a code. */
    static String sendBody(String code) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String language = random.nextBoolean() ? "en_US" : "de";
        return "{\"to\":\"+4917" + (10_000_000 + random.nextInt(90_000_000)) + "\",\"profileName\":\"" + PROFILE
                + "\",\"priorityName\":\"" + PRIORITY + "\",\"languageCode\":\"" + language + "\",\"otpCode\":\""
                + code + "\",\"sender\":\"twofa-kit\",\"senderViber\":\"12345\"}";
    }

    static String newCode() {
        return Integer.toString(100_000 + ThreadLocalRandom.current().nextInt(900_000));
    }

    /** One complete flow: send an OTP with a code, then validate it with that code (expects VERIFIED). */
    Load.Op flow() {
        return http -> {
            String code = newCode();
            String key = nextKey();
            HttpConnection.Reply sent = http.post("/2fa/v4/otp", sendBody(code), key);
            if (sent.status() != 202) {
                return unexpected("send", sent);
            }
            return validate(http, new SentOtp(idOf(sent), code, key));
        };
    }

    /** A flow that deletes its OTP at the end, and a read of the template: warms every path up, stores nothing. */
    Load.Op warmUp() {
        return http -> {
            String code = newCode();
            String key = nextKey();
            HttpConnection.Reply sent = http.post("/2fa/v4/otp", sendBody(code), key);
            if (sent.status() != 202) {
                return unexpected("send", sent);
            }
            String id = idOf(sent);
            String failure = validate(http, new SentOtp(id, code, key));
            HttpConnection.Reply deleted = http.delete("/2fa/v4/otp/" + id, key);
            if (failure == null && deleted.status() != 200) {
                failure = unexpected("delete", deleted);
            }
            return failure == null ? ceiling().run(http) : failure;
        };
    }

    /** Only sends; keeps what it sent for {@link #validateOnly}. */
    Load.Op sendOnly() {
        return http -> {
            String code = newCode();
            String key = nextKey();
            HttpConnection.Reply sent = http.post("/2fa/v4/otp", sendBody(code), key);
            if (sent.status() != 202) {
                return unexpected("send", sent);
            }
            unvalidated.add(new SentOtp(idOf(sent), code, key));
            return null;
        };
    }

    /** Validates, with the right code, the OTPs that {@link #sendOnly} sent; ends when none is left. */
    Load.Op validateOnly() {
        return http -> {
            SentOtp otp = unvalidated.poll();
            return otp == null ? Load.EXHAUSTED : validate(http, otp);
        };
    }

    /** The cheapest authenticated request: read one template (of the first account, the connection's key's). */
    Load.Op ceiling() {
        String path = "/2fa/v4/templates/sms/" + accounts.get(0).templateId();
        return http -> {
            HttpConnection.Reply read = http.get(path);
            return read.status() == 200 ? null : unexpected("read template", read);
        };
    }

    /** The same send request to a mock (any 2xx counts: a mock answers what its examples say). */
    static Load.Op sendToMock() {
        return http -> {
            HttpConnection.Reply sent = http.post("/2fa/v4/otp", sendBody(newCode()));
            return sent.status() / 100 == 2 ? null : unexpected("send to mock", sent);
        };
    }

    private static String validate(HttpConnection http, SentOtp otp) throws IOException {
        HttpConnection.Reply checked = http.post("/2fa/v4/otp/" + otp.id() + "/validate",
                "{\"otpCode\":\"" + otp.code() + "\"}", otp.key());
        if (checked.status() != 200 || !checked.body().contains("\"VERIFIED\"")) {
            return unexpected("validate", checked);
        }
        return null;
    }

    private static String create(HttpConnection http, String key, String path, String json) throws IOException {
        HttpConnection.Reply created = http.post(path, json, key);
        if (created.status() != 201) {
            throw new IllegalStateException("set-up: POST " + path + " answered " + created.status() + " "
                    + created.body());
        }
        return idOf(created);
    }

    private static String template(String name, String language, String message) {
        return "{\"name\":\"" + name + "\",\"language\":\"" + language + "\",\"message\":\"" + message
                + "\",\"codeExpirationTime\":5}";
    }

    private static String idOf(HttpConnection.Reply reply) {
        Matcher id = ID.matcher(reply.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + reply.body());
        }
        return id.group(1);
    }

    private static String unexpected(String what, HttpConnection.Reply reply) {
        String body = reply.body();
        return what + " answered " + reply.status() + " " + (body.length() > 300 ? body.substring(0, 300) : body);
    }

    /** The set-up in words, for the report. */
    static List<String> describeSetUp() {
        return List.of(Bench.ACCOUNTS + " accounts, each with the following; sends go round the accounts",
                "SMS templates bench_sms_en (en), bench_sms_de (de)",
                "Viber templates bench_viber_en (en), bench_viber_de (de)",
                "profile " + PROFILE + ": VIBER then SMS, both languages, 3 attempts, 6 digits",
                "priority " + PRIORITY + ": SMS 1, VIBER 2",
                "send: to a random +4917 number, languageCode en_US or de (half each), own 6-digit otpCode");
    }
}
