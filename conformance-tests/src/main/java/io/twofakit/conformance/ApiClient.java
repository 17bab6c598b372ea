package io.twofakit.conformance;

import static io.restassured.RestAssured.given;

import io.restassured.filter.Filter;
import io.twofakit.conformance.coverage.CoverageFilter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Optional;

/**
 * A caller of the server under test: a base URL, the API key it sends (or none) and whether its requests
 * are meant to conform to the contract. Immutable; a scenario picks one through {@link ScenarioState}.
 */
public final class ApiClient {

    /** How requests of this client relate to the contract. */
    public enum Requests {
        /** requests conform to the contract; request and response are validated */
        CONFORMING,
        /** requests break the contract on purpose; only responses are validated */
        DELIBERATELY_INVALID
    }

    private final String baseUrl;
    private final String apiKey;
    private final Requests requests;

    public ApiClient(String baseUrl, String apiKey, Requests requests) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.requests = requests;
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** A request to tyntec's API, validated against {@code openapi.yaml}. */
    public RequestSpecification api() {
        return request(Contract.TYNTEC);
    }

    /** A request to one of twofa-kit's extensions, validated against {@code extensions.yaml}. */
    public RequestSpecification extension() {
        return request(Contract.EXTENSIONS);
    }

    private RequestSpecification request(Contract contract) {
        Filter validation = requests == Requests.CONFORMING ? contract.strictFilter() : contract.responseOnlyFilter();
        ConformanceConfig config = new ConformanceConfig();
        RequestSpecification spec = given()
                .config(RequestTimeouts.restAssured(config))
                .baseUri(baseUrl)
                .accept(ContentType.JSON)
                .filter(RequestTimeouts.explained(config.requestTimeout()))
                .filter(validation)
                .filter(new CoverageFilter(contract.coverage()));
        if (apiKey != null) {
            spec = spec.header("apiKey", apiKey);
        }
        return spec;
    }
}
