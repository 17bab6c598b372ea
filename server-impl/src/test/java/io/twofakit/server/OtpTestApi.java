package io.twofakit.server;

import static io.twofakit.server.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** Calls of the OTP tests against one running server: the setup they need, in a few words. */
public final class OtpTestApi {

    private final HttpClientSupport http;

    OtpTestApi(TwofaServer server) {
        this(server.baseUri());
    }

    /** Calls to the server at {@code baseUri} (e.g. one started as a process of its own). */
    public OtpTestApi(URI baseUri) {
        this.http = new HttpClientSupport(URI.create(baseUri + "/"));
    }

    /** A request with the API key {@code key} (none when null) and a JSON body (none when null). */
    public HttpResponse<String> send(String key, String method, String path, String body) {
        HttpRequest.Builder request = http.request(path);
        if (key != null) {
            request.header("apiKey", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
    }

    public static JsonNode expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        return response.body().isEmpty() ? null : json(response);
    }

    public static String unique(String base) {
        return base + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An SMS template in en_US, valid 4 minutes, and a profile using it; answers the profile's name. */
    String smsProfile(String key, String message) {
        String template = unique("otp_sms");
        expect(201, send(key, "POST", "2fa/v4/templates/sms", "{\"name\":\"" + template
                + "\",\"language\":\"en_US\",\"message\":\"" + message + "\",\"codeExpirationTime\":4}"));
        String profile = unique("login");
        expect(201, send(key, "POST", "2fa/v4/profiles", "{\"name\":\"" + profile + "\",\"channels\":[{\"type\":\"SMS\","
                + "\"templates\":[{\"name\":\"" + template + "\",\"languageCode\":\"en_US\"}]}]}"));
        return profile;
    }

    public String profileId(String key, String name) {
        return expect(200, send(key, "GET", "2fa/v4/profiles?name=" + name, null)).get(0).get("id").asText();
    }

    /** A callback configuration for the events of OTPs sent with the profile. */
    void callback(String key, String url, String profileName) {
        expect(201, send(key, "POST", "2fa/v4/configurations/callbacks", "{\"url\":\"" + url
                + "\",\"headers\":{\"X-Auth\":\"s3cret\"},\"profileId\":\"" + profileId(key, profileName) + "\"}"));
    }

    /** Sends an OTP and answers its id. */
    String sendOtp(String key, String to, String profileName, String extraJson) {
        return expect(202, send(key, "POST", "2fa/v4/otp", "{\"to\":\"" + to + "\",\"profileName\":\"" + profileName
                + "\"" + (extraJson == null ? "" : "," + extraJson) + "}")).get("id").asText();
    }

    /** What the simulator's handset received for {@code to} from the account of {@code key}, oldest first. */
    List<JsonNode> messagesTo(String key, String to) {
        JsonNode messages = expect(200, send(key, "GET", "simulator/messages?to=" + to.replace("+", "%2B"), null));
        return StreamSupport.stream(messages.spliterator(), false).toList();
    }

    static String newNumber() {
        return "+49176" + (1_000_000 + (int) (Math.random() * 8_999_999));
    }
}
