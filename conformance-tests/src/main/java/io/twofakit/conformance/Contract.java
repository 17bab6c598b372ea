package io.twofakit.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.twofakit.conformance.coverage.ContractOperations;
import io.twofakit.conformance.coverage.ExchangeCoverage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The two contracts a server is checked against, each loaded from the classpath ({@code spec/...}) once
 * per JVM: tyntec's API ({@code openapi.yaml}) and twofa-kit's extensions ({@code extensions.yaml}).
 *
 * <p>Every exchange goes through a filter that fails the request when the response is not described
 * by the contract. For requests that are wrong on purpose (a missing key, a malformed body), the
 * lenient filter ignores what is wrong with the request but still checks the response.
 */
public enum Contract {
    TYNTEC("spec/openapi.yaml"),
    EXTENSIONS("spec/extensions.yaml");

    private final String resource;
    private volatile OpenApiValidationFilter strict;
    private volatile OpenApiValidationFilter lenient;
    private volatile ContractOperations operations;
    private volatile ExchangeCoverage coverage;

    Contract(String resource) {
        this.resource = resource;
    }

    /** Validates request and response. */
    public OpenApiValidationFilter strictFilter() {
        OpenApiValidationFilter filter = strict;
        if (filter == null) {
            synchronized (this) {
                if (strict == null) {
                    strict = new OpenApiValidationFilter(validator(LevelResolver.create().build()));
                }
                filter = strict;
            }
        }
        return filter;
    }

    /** Validates the response only: for requests that break the contract on purpose. */
    public OpenApiValidationFilter responseOnlyFilter() {
        OpenApiValidationFilter filter = lenient;
        if (filter == null) {
            synchronized (this) {
                if (lenient == null) {
                    lenient = new OpenApiValidationFilter(validator(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build()));
                }
                filter = lenient;
            }
        }
        return filter;
    }

    /** The operations the contract describes. */
    public ContractOperations operations() {
        ContractOperations parsed = operations;
        if (parsed == null) {
            synchronized (this) {
                if (operations == null) {
                    operations = ContractOperations.parse(load(resource));
                }
                parsed = operations;
            }
        }
        return parsed;
    }

    /** What this run has exercised of the contract, across all scenarios. */
    public ExchangeCoverage coverage() {
        ExchangeCoverage recorded = coverage;
        if (recorded == null) {
            synchronized (this) {
                if (coverage == null) {
                    coverage = new ExchangeCoverage(operations());
                }
                recorded = coverage;
            }
        }
        return recorded;
    }

    /** The contract's text. */
    public String text() {
        return load(resource);
    }

    private OpenApiInteractionValidator validator(LevelResolver levels) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(load(resource))
                .withLevelResolver(levels)
                .build();
    }

    private static String load(String resource) {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The contract " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract " + resource, e);
        }
    }
}
