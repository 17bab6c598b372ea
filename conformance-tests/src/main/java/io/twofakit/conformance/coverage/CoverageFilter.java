package io.twofakit.conformance.coverage;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/**
 * Records each exchange in an {@link ExchangeCoverage} (which counts it once its scenario has passed). Add it after
 * the validation filter, so that it sees the answer before the validation fails the scenario.
 */
public final class CoverageFilter implements Filter {

    private final ExchangeCoverage coverage;

    public CoverageFilter(ExchangeCoverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        coverage.record(request.getMethod(), pathBelowBase(request), answer.statusCode());
        return answer;
    }

    /** The request path without the path of the base URL, so that a target under a prefix maps onto the contract. */
    private static String pathBelowBase(FilterableRequestSpecification request) {
        String path = URI.create(request.getURI()).getRawPath();
        String basePath = URI.create(request.getBaseUri()).getRawPath();
        if (basePath != null && !basePath.isEmpty() && !basePath.equals("/") && path.startsWith(basePath)) {
            path = path.substring(basePath.length());
        }
        return path.isEmpty() ? "/" : path;
    }
}
