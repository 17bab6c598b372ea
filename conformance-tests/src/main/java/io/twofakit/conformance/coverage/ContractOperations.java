package io.twofakit.conformance.coverage;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The operations of a contract, in the order the contract lists them. */
public final class ContractOperations {

    private final List<ContractOperation> operations;

    ContractOperations(List<ContractOperation> operations) {
        this.operations = List.copyOf(operations);
    }

    /** Reads the operations (paths only; callbacks are not operations of the server) from OpenAPI text. */
    public static ContractOperations parse(String openApiText) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(openApiText, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalArgumentException("Not an OpenAPI contract: " + result.getMessages());
        }
        List<ContractOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            TreeSet<Integer> statuses = new TreeSet<>();
            operation.getResponses().keySet().stream()
                    .filter(code -> code.matches("\\d{3}"))
                    .map(Integer::valueOf)
                    .forEach(statuses::add);
            operations.add(new ContractOperation(method.name(), path, operation.getSummary(), statuses));
        }));
        return new ContractOperations(operations);
    }

    public List<ContractOperation> all() {
        return operations;
    }

    /** The operation with this summary, e.g. "Create SMS Template". */
    public ContractOperation named(String summary) {
        return operations.stream()
                .filter(operation -> summary.equals(operation.summary()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The contract has no operation \"" + summary + "\""));
    }

    /** The operation a request calls: of the matching templates, the most literal one. */
    public Optional<ContractOperation> find(String method, String path) {
        return operations.stream()
                .filter(operation -> operation.matches(method, path))
                .min(Comparator.comparingInt(ContractOperation::parameterCount));
    }
}
