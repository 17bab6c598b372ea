package io.twofakit.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls of tyntec's API for these tests (twofa-client is tested with the sandbox, not the other way). */
final class TestApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI base;
    private final String apiKey;

    TestApi(String baseUrl, String apiKey) {
        this.base = URI.create(baseUrl);
        this.apiKey = apiKey;
    }

    record Answer(int status, JsonNode body) {
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** An SMS template and a profile that sends it, both named {@code name}. */
    void smsProfile(String name, String message) throws IOException, InterruptedException {
        expect(201, post("/2fa/v4/templates/sms",
                "{\"name\":\"" + name + "\",\"language\":\"en\",\"message\":\"" + message + "\"}"));
        expect(201, post("/2fa/v4/profiles", "{\"name\":\"" + name + "\",\"channels\":[{\"type\":\"SMS\","
                + "\"templates\":[{\"name\":\"" + name + "\",\"languageCode\":\"en\"}]}]}"));
    }

    /** Sends an OTP with the profile (a generated code) and answers its id. */
    String sendOtp(String to, String profile) throws IOException, InterruptedException {
        Answer sent = expect(202, post("/2fa/v4/otp", "{\"to\":\"" + to + "\",\"profileName\":\"" + profile + "\"}"));
        return sent.body().path("id").asText();
    }

    String validate(String otpId, String code) throws IOException, InterruptedException {
        return expect(200, post("/2fa/v4/otp/" + otpId + "/validate", "{\"otpCode\":\"" + code + "\"}"))
                .body().path("otpStatus").asText();
    }

    static Answer expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but was " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.header("apiKey", apiKey).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(),
                response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body()));
    }
}
