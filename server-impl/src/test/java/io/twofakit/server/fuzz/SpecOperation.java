package io.twofakit.server.fuzz;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One operation of the contract ({@code spec/openapi.yaml} or {@code spec/extensions.yaml}, read from the
 * classpath with swagger-parser, every {@code $ref} resolved): what it takes and which statuses it documents.
 */
record SpecOperation(Contract contract, String method, String pathTemplate, Operation operation, List<Parameter> parameters) {

    /** The two contracts the server answers to. */
    enum Contract {
        TYNTEC("spec/openapi.yaml"),
        EXTENSIONS("spec/extensions.yaml");

        final String resource;
        private OpenAPI api;
        private String text;

        Contract(String resource) {
            this.resource = resource;
        }

        synchronized OpenAPI api() {
            if (api == null) {
                ParseOptions options = new ParseOptions();
                options.setResolve(true);
                options.setResolveFully(true);
                SwaggerParseResult result = new OpenAPIV3Parser().readContents(text(), null, options);
                if (result.getOpenAPI() == null) {
                    throw new IllegalStateException(resource + " does not parse: " + result.getMessages());
                }
                api = result.getOpenAPI();
            }
            return api;
        }

        synchronized String text() {
            if (text == null) {
                try (InputStream in = SpecOperation.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException(resource + " is not on the classpath");
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return text;
        }
    }

    /** Every operation of both contracts, in the order they list them. */
    static List<SpecOperation> all() {
        List<SpecOperation> operations = new ArrayList<>();
        for (Contract contract : Contract.values()) {
            contract.api().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                for (List<Parameter> level : java.util.Arrays.asList(item.getParameters(), operation.getParameters())) {
                    if (level != null) {
                        level.forEach(p -> parameters.put(p.getIn() + ":" + p.getName(), p));
                    }
                }
                operations.add(new SpecOperation(contract, method.name(), path, operation, List.copyOf(parameters.values())));
            }));
        }
        return operations;
    }

    /** The methods the contract offers at each path. */
    static Map<String, Set<String>> methodsByPath() {
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        for (SpecOperation operation : all()) {
            methods.computeIfAbsent(operation.pathTemplate(), p -> new TreeSet<>()).add(operation.method());
        }
        return methods;
    }

    Set<Integer> documentedStatuses() {
        Set<Integer> statuses = new TreeSet<>();
        for (String code : operation.getResponses().keySet()) {
            if (code.matches("\\d{3}")) {
                statuses.add(Integer.valueOf(code));
            }
        }
        return statuses;
    }

    /** The media types a documented status answers with (empty for a status without a body). */
    Set<String> mediaTypes(int status) {
        ApiResponse response = operation.getResponses().get(String.valueOf(status));
        return response == null || response.getContent() == null ? Set.of() : response.getContent().keySet();
    }

    /** Whether the operation needs the header {@code apiKey}: its own security, else the contract's. */
    boolean needsApiKey() {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                : contract.api().getSecurity();
        return security != null && security.stream().anyMatch(requirement -> requirement.containsKey("apiKey"));
    }

    /** The JSON schema of the request body, or null when the operation takes none. */
    Schema<?> bodySchema() {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        return json == null ? null : json.getSchema();
    }

    List<Parameter> parameters(String in) {
        return parameters.stream().filter(p -> in.equals(p.getIn())).toList();
    }

    String name() {
        String summary = operation.getSummary();
        return method + " " + pathTemplate + (summary == null ? "" : " (" + summary + ")");
    }

    PathItem.HttpMethod httpMethod() {
        return PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT));
    }
}
