package io.twofakit.server.process;

import static io.twofakit.server.OtpTestApi.expect;
import static io.twofakit.server.OtpTestApi.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.server.HttpClientSupport;
import io.twofakit.server.OtpTestApi;
import io.twofakit.server.http.webhooks.RecordingWebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A load of OTP sends from several clients, for the tests that kill server processes under it: remembers every
 * OTP the server acknowledged (202), and checks afterwards that each reads back and that its webhook events all
 * arrived, in order. A quarter of the sends go to a number whose SMS is undeliverable, so they fall back to Viber
 * and produce four events; the others two.
 */
public final class OtpLoad {

    private static final int SENDERS = 6;
    private static final String FALLBACK_PREFIX = "+9999900001";

    private final String apiKey;
    private final String profile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** OTP ids answered 202, with whether they went to a number that falls back from SMS to Viber. */
    private final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
    /** How often each status other than 202 was answered: a balancer's 502/503 for a dying server, nothing else. */
    private final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    private OtpLoad(String apiKey, String profile) {
        this.apiKey = apiKey;
        this.profile = profile;
    }

    /**
     * Creates, through {@code baseUri}, a profile with SMS then Viber and a callback configuration to
     * {@code callbackUrl}, which the sends then use.
     */
    public static OtpLoad prepare(URI baseUri, String apiKey, String callbackUrl) {
        OtpTestApi api = new OtpTestApi(baseUri);
        String sms = unique("load_sms");
        String viber = unique("load_viber");
        expect(201, api.send(apiKey, "POST", "2fa/v4/templates/sms", "{\"name\":\"" + sms
                + "\",\"language\":\"en_US\",\"message\":\"Code {{otp_code}}\"}"));
        expect(201, api.send(apiKey, "POST", "2fa/v4/templates/viber", "{\"name\":\"" + viber
                + "\",\"language\":\"en_US\",\"message\":\"Code {{otp_code}}\"}"));
        String profile = unique("load");
        expect(201, api.send(apiKey, "POST", "2fa/v4/profiles", "{\"name\":\"" + profile + "\",\"channels\":["
                + "{\"type\":\"SMS\",\"templates\":[{\"name\":\"" + sms + "\",\"languageCode\":\"en_US\"}]},"
                + "{\"type\":\"VIBER\",\"templates\":[{\"name\":\"" + viber + "\",\"languageCode\":\"en_US\"}]}]}"));
        expect(201, api.send(apiKey, "POST", "2fa/v4/configurations/callbacks",
                "{\"url\":\"" + callbackUrl + "\",\"profileId\":\"" + api.profileId(apiKey, profile) + "\"}"));
        return new OtpLoad(apiKey, profile);
    }

    /** How many OTPs were acknowledged so far. */
    public int acknowledged() {
        return acknowledged.size();
    }

    /**
     * Sends from several clients to {@code baseUri} until {@code more} further OTPs are acknowledged, then calls
     * {@code interruption} (e.g. kills a server) while they keep sending for {@code after}, and stops them.
     */
    public void sendUntil(URI baseUri, int more, Runnable interruption, Duration after) throws InterruptedException {
        int target = acknowledged.size() + more;
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            senders.execute(() -> {
                while (running.get()) {
                    sendOne(baseUri);
                }
            });
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= target);
            interruption.run();
            if (!after.isZero()) {
                int atInterruption = acknowledged.size();
                await().atMost(after.plusSeconds(30)).pollDelay(after).until(() -> acknowledged.size() > atInterruption);
            }
        } finally {
            running.set(false);
            senders.shutdown();
            assertTrue(senders.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    /** One send; remembered only when the server answered 202. A refused or broken connection is no answer. */
    private void sendOne(URI baseUri) {
        int n = numbers.incrementAndGet();
        boolean fallback = n % 4 == 0;
        // at most 15 digits (E.164): the prefix's 10 and 5 of the count
        String to = fallback ? FALLBACK_PREFIX + String.format("%05d", n % 100_000)
                : "+49176" + String.format("%08d", n % 100_000_000);
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/2fa/v4/otp"))
                .header("apiKey", apiKey).header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + to + "\",\"profileName\":\"" + profile + "\"}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                acknowledged.put(HttpClientSupport.json(response).get("id").asText(), fallback);
            } else {
                refusals.merge(response.statusCode(), 1, Integer::sum);
            }
        } catch (IOException e) {
            // the server is being killed: this send was not acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The sends answered with another status than 202, by status. */
    public Map<Integer, Integer> refusals() {
        return Map.copyOf(refusals);
    }

    /** How many acknowledged OTPs went to a number whose preferred channel fails, so that they fell back. */
    public long fallbacks() {
        return acknowledged.values().stream().filter(fallback -> fallback).count();
    }

    /** How many acknowledged OTPs {@code baseUri} does not know. */
    public int countLost(URI baseUri) {
        OtpTestApi api = new OtpTestApi(baseUri);
        return (int) acknowledged.keySet().parallelStream()
                .filter(id -> api.send(apiKey, "GET", "2fa/v4/otp/" + id, null).statusCode() != 200)
                .count();
    }

    /** The events an acknowledged OTP must produce, in order. */
    private static List<String> expected(boolean fallback) {
        return fallback ? List.of("SMS DISPATCHED", "SMS UNDELIVERABLE", "VIBER DISPATCHED", "VIBER DELIVERED")
                : List.of("SMS DISPATCHED", "SMS DELIVERED");
    }

    public int expectedEvents() {
        return acknowledged.values().stream().mapToInt(fallback -> expected(fallback).size()).sum();
    }

    /** Expected events (counted once per event id) that have not arrived at {@code receiver} yet. */
    public int missingEvents(RecordingWebhookReceiver receiver) {
        long arrived = receiver.received().stream()
                .filter(r -> acknowledged.containsKey(r.json().get("otpId").asText()))
                .map(r -> r.header("X-Twofa-Event-Id"))
                .distinct()
                .count();
        return expectedEvents() - (int) arrived;
    }

    /**
     * Checks that each acknowledged OTP's events arrived as expected, in order (by first arrival of each event id);
     * answers how many arrivals repeated an event already received.
     */
    public int checkOrderAndCountDuplicates(RecordingWebhookReceiver receiver) {
        Map<String, Map<String, String>> firstArrivals = new LinkedHashMap<>();
        int duplicates = 0;
        for (RecordingWebhookReceiver.Received event : receiver.received()) {
            String otpId = event.json().get("otpId").asText();
            if (!acknowledged.containsKey(otpId)) {
                continue;
            }
            Map<String, String> events = firstArrivals.computeIfAbsent(otpId, id -> new LinkedHashMap<>());
            String status = event.json().get("channel").asText() + " " + event.json().get("status").asText();
            if (events.putIfAbsent(event.header("X-Twofa-Event-Id"), status) != null) {
                duplicates++;
            }
        }
        Map<String, List<String>> wrong = acknowledged.entrySet().stream()
                .filter(otp -> !expected(otp.getValue()).equals(List.copyOf(
                        firstArrivals.getOrDefault(otp.getKey(), Map.of()).values())))
                .collect(Collectors.toMap(Map.Entry::getKey,
                        otp -> List.copyOf(firstArrivals.getOrDefault(otp.getKey(), Map.of()).values())));
        assertEquals(Map.of(), wrong, "OTPs whose events did not arrive once each, in order");
        return duplicates;
    }
}
