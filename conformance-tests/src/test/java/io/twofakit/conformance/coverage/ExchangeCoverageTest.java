package io.twofakit.conformance.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ExchangeCoverageTest {

    private static final String CONTRACT = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /2fa/v4/otp:
                get:
                  summary: List OTP Codes
                  responses: {'200': {description: ok}, '401': {description: no}, '500': {description: err}}
              /2fa/v4/otp/{otp-id}:
                get:
                  summary: Read OTP Status
                  responses: {'200': {description: ok}, '404': {description: no}}
              /2fa/v4/otp/{otp-id}/validate:
                post:
                  summary: Validate OTP Code
                  responses: {'200': {description: ok}}
            """;

    private final ExchangeCoverage coverage = new ExchangeCoverage(ContractOperations.parse(CONTRACT));

    @Test
    void readsEveryOperationWithItsDocumentedStatuses() {
        List<ContractOperation> operations = coverage.operations();

        assertEquals(3, operations.size());
        assertEquals("GET /2fa/v4/otp", operations.get(0).key());
        assertEquals(new TreeSet<>(Set.of(200, 401, 500)), operations.get(0).documentedStatuses());
    }

    @Test
    void mapsConcreteRequestsOntoTheirTemplates() {
        coverage.record("GET", "/2fa/v4/otp/5b7e0a52-5bd4-4a3c-9d3b-0b3f3a4e5c61", 404);
        coverage.record("POST", "/2fa/v4/otp/5b7e0a52-5bd4-4a3c-9d3b-0b3f3a4e5c61/validate", 200);
        coverage.record("get", "/2fa/v4/otp", 200);

        assertEquals(Set.of(404), coverage.seenStatuses(operation("GET /2fa/v4/otp/{otp-id}")));
        assertEquals(Set.of(200), coverage.seenStatuses(operation("POST /2fa/v4/otp/{otp-id}/validate")));
        assertEquals(Set.of(200), coverage.seenStatuses(operation("GET /2fa/v4/otp")));
    }

    @Test
    void keepsRequestsOutsideTheContractApart() {
        coverage.record("DELETE", "/2fa/v4/otp", 405);
        coverage.record("GET", "/nothing/here", 404);

        assertEquals(new TreeSet<>(Set.of("DELETE /2fa/v4/otp -> 405", "GET /nothing/here -> 404")), coverage.outsideContract());
        assertTrue(coverage.operations().stream().noneMatch(coverage::exercised));
    }

    @Test
    void summarisesOperationsAndClientAndSuccessStatusesButNotServerErrors() {
        coverage.record("GET", "/2fa/v4/otp", 200);
        coverage.record("GET", "/2fa/v4/otp/x", 404);

        ExchangeCoverage.Summary summary = coverage.summary();

        assertEquals(new ExchangeCoverage.Summary(3, 2, 5, 2), summary);
        assertEquals("operations 2/3, documented 2xx/4xx statuses 2/5", summary.oneLine());
        Map<String, SortedSet<Integer>> gaps = coverage.gaps();
        assertEquals(Map.of("GET /2fa/v4/otp", new TreeSet<>(Set.of(401)),
                "GET /2fa/v4/otp/{otp-id}", new TreeSet<>(Set.of(200)),
                "POST /2fa/v4/otp/{otp-id}/validate", new TreeSet<>(Set.of(200))), gaps);
    }

    @Test
    void theMatrixMarksSeenMissingAndUndocumentedStatuses() {
        coverage.record("GET", "/2fa/v4/otp", 200);
        coverage.record("GET", "/2fa/v4/otp", 418);

        String markdown = new CoverageMatrix(coverage, new ConformanceReportPlugin.ScenarioCounts(3, 1, 2)).markdown();

        assertTrue(markdown.contains("| 1 | `GET /2fa/v4/otp` | List OTP Codes | **200 x**, 401 -, 418 !, 500 - |"), markdown);
        assertTrue(markdown.contains("6 scenarios, 3 passed, 1 failed, 2 skipped"), markdown);
    }

    private ContractOperation operation(String key) {
        return coverage.operations().stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
    }
}
