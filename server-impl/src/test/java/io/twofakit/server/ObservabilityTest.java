package io.twofakit.server;

import static io.twofakit.server.OtpTestApi.expect;
import static io.twofakit.server.OtpTestApi.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.twofakit.server.config.ServerConfig;
import io.twofakit.server.http.RequestLog;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** What an operator sees of the running server: the access log, and the metrics at {@code /metrics}. */
class ObservabilityTest {

    private static final String KEY = "key-of-observer-1";
    private static TwofaServer server;
    private static OtpTestApi api;
    private static final ListAppender<ILoggingEvent> ACCESS = new ListAppender<>();

    @BeforeAll
    static void start() {
        ACCESS.start();
        ((Logger) LoggerFactory.getLogger(RequestLog.LOGGER)).addAppender(ACCESS);
        server = TwofaServer.start(new ServerConfig(0, "jdbc:h2:mem:observed-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", Map.of(KEY, "observer"), false, true));
        api = new OtpTestApi(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
        ((Logger) LoggerFactory.getLogger(RequestLog.LOGGER)).detachAppender(ACCESS);
    }

    /** The access lines written since {@code from}, as text. */
    private static List<ILoggingEvent> accessSince(int from) {
        synchronized (ACCESS.list) {
            return List.copyOf(ACCESS.list.subList(from, ACCESS.list.size()));
        }
    }

    @Test
    void eachRequestIsOneAccessLineWithoutTheQuerysValues() {
        int before = ACCESS.list.size();

        expect(200, api.send(KEY, "GET", "2fa/v4/otp?to=%2B4917012345678", null));
        expect(401, api.send("not-a-key-at-all", "GET", "2fa/v4/templates/sms", null));

        await().atMost(Duration.ofSeconds(5)).until(() -> accessSince(before).size() >= 2);
        List<ILoggingEvent> lines = accessSince(before);
        assertEquals(2, lines.size(), lines::toString);
        assertTrue(lines.get(0).getFormattedMessage().matches(
                "GET /2fa/v4/otp\\?to=\\* 200 \\d+ ms account=observer"), lines.get(0).getFormattedMessage());
        assertFalse(lines.get(0).getFormattedMessage().contains("4917012345678"));
        assertTrue(lines.get(1).getFormattedMessage().matches("GET /2fa/v4/templates/sms 401 \\d+ ms"),
                lines.get(1).getFormattedMessage());
        Map<String, Object> properties = properties(lines.get(0));
        assertEquals("GET", properties.get("method"));
        assertEquals("/2fa/v4/otp?to=*", properties.get("path"));
        assertEquals(200, properties.get("status"));
        assertEquals("observer", properties.get("account"));
        assertTrue(properties.get("durationMs") instanceof Long, properties.toString());
    }

    private static Map<String, Object> properties(ILoggingEvent event) {
        return event.getKeyValuePairs().stream()
                .collect(java.util.stream.Collectors.toMap(pair -> pair.key, pair -> pair.value));
    }

    @Test
    void metricsCountSendsByChannelAndOutcomeFallbacksValidationsAndRequests() {
        String profile = twoChannelProfile();
        String fallbackNumber = "+9999900001" + (1000 + (int) (Math.random() * 8999));
        String otp = api.sendOtp(KEY, fallbackNumber, profile, null);
        expect(200, api.send(KEY, "POST", "2fa/v4/otp/" + otp + "/validate", "{\"otpCode\":\"000000000\"}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> value(api.send(null, "GET", "metrics", null).body(),
                "twofa_otp_messages_total{channel=\"VIBER\",outcome=\"DELIVERED\"}") >= 1);

        HttpResponse<String> response = api.send(null, "GET", "metrics", null);

        assertEquals(200, response.statusCode(), "no key needed");
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith("text/plain;") && contentType.contains("version=0.0.4"), contentType);
        String metrics = response.body();
        assertTrue(value(metrics, "twofa_otp_messages_total{channel=\"SMS\",outcome=\"UNDELIVERABLE\"}") >= 1, metrics);
        assertTrue(value(metrics, "twofa_otp_messages_total{channel=\"VIBER\",outcome=\"DELIVERED\"}") >= 1, metrics);
        assertTrue(value(metrics, "twofa_otp_fallbacks_total{channel=\"VIBER\"}") >= 1, metrics);
        assertTrue(value(metrics, "twofa_otp_validations_total{result=\"WRONG_CODE\"}") >= 1, metrics);
        assertTrue(metrics.contains("http_server_requests_seconds_bucket{method=\"POST\",outcome=\"SUCCESS\","
                + "status=\"202\",uri=\"/2fa/v4/otp\",le="), "latency histogram by route template");
        assertTrue(metrics.contains("uri=\"/2fa/v4/otp/{otp-id}/validate\""), "no series per OTP id");
        assertFalse(metrics.contains(otp), "no series names an OTP");
        assertFalse(metrics.contains("observer"), "no series names an account");
        assertTrue(value(metrics, "twofa_webhook_queue") >= 0, metrics);
        assertTrue(value(metrics, "twofa_delivery_queue") >= 0, metrics);
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics");
        assertTrue(metrics.contains("hikaricp_connections_active{pool=\"twofa\"}"), "the pool's metrics");
    }

    /** A profile with SMS, then Viber as the backup channel; answers its name. */
    private static String twoChannelProfile() {
        String sms = unique("obs_sms");
        String viber = unique("obs_viber");
        expect(201, api.send(KEY, "POST", "2fa/v4/templates/sms", "{\"name\":\"" + sms
                + "\",\"language\":\"en_US\",\"message\":\"Code {{otp_code}}\"}"));
        expect(201, api.send(KEY, "POST", "2fa/v4/templates/viber", "{\"name\":\"" + viber
                + "\",\"language\":\"en_US\",\"message\":\"Code {{otp_code}}\"}"));
        String profile = unique("obs");
        expect(201, api.send(KEY, "POST", "2fa/v4/profiles", "{\"name\":\"" + profile + "\",\"channels\":["
                + "{\"type\":\"SMS\",\"templates\":[{\"name\":\"" + sms + "\",\"languageCode\":\"en_US\"}]},"
                + "{\"type\":\"VIBER\",\"templates\":[{\"name\":\"" + viber + "\",\"languageCode\":\"en_US\"}]}]}"));
        return profile;
    }

    /** The value of a series in Prometheus's text format; -1 when it is missing. */
    private static double value(String metrics, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }
}
