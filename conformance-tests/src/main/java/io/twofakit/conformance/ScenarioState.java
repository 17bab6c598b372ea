package io.twofakit.conformance;

import io.restassured.response.Response;

/**
 * What one scenario has done so far: the client it acts as and the last response it got. PicoContainer
 * makes one per scenario and hands the same one to every step class of that scenario.
 */
public class ScenarioState {

    private final ConformanceConfig config;
    private ApiClient client;
    private Response lastResponse;

    public ScenarioState(ConformanceConfig config) {
        this.config = config;
    }

    public ConformanceConfig config() {
        return config;
    }

    /** The client chosen by a Given step; a client with the configured key when none was chosen. */
    public ApiClient client() {
        if (client == null) {
            client = new ApiClient(config.baseUrl(), config.apiKey(), ApiClient.Requests.CONFORMING);
        }
        return client;
    }

    public void actAs(ApiClient client) {
        this.client = client;
    }

    public Response lastResponse() {
        if (lastResponse == null) {
            throw new IllegalStateException("No request was sent in this scenario yet");
        }
        return lastResponse;
    }

    public void received(Response response) {
        this.lastResponse = response;
    }
}
