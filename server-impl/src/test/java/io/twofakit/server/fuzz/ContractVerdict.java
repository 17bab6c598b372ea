package io.twofakit.server.fuzz;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofakit.server.fuzz.BadRequests.BadRequest;
import io.twofakit.server.fuzz.BadRequests.Expectation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether an answer is one the contract allows: no 5xx; a status the operation documents (405 with the path's
 * methods for a method it does not offer, 404 for a path it does not describe); the documented media type, and
 * JSON for every error, whose {@code status} is the HTTP status; a body that fits the documented schema
 * (swagger-request-validator); no HTML, no stack trace, no server name or version.
 */
final class ContractVerdict {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a body shows when it leaks the server's insides: stack traces, HTML pages, names of the software. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "<html", "Grizzly", "org.glassfish", "PSQL",
            "jdbc:");

    private final Map<SpecOperation.Contract, OpenApiInteractionValidator> validators = new EnumMap<>(SpecOperation.Contract.class);

    ContractVerdict() {
        for (SpecOperation.Contract contract : SpecOperation.Contract.values()) {
            validators.put(contract, OpenApiInteractionValidator.createForInlineApiSpecification(contract.text()).build());
        }
    }

    /** What is wrong with the answer to the request; empty when the contract allows it. */
    List<String> problems(BadRequest request, RawHttp.Answer answer) {
        List<String> problems = new ArrayList<>();
        if (!answer.answered()) {
            problems.add(answer.failure());
            return problems;
        }
        int status = answer.status();
        SpecOperation operation = request.operation();
        if (status >= 500) {
            problems.add("a 5xx");
        }
        switch (request.expectation()) {
            case DOCUMENTED, DOCUMENTED_WITHOUT_BODY -> {
                SpecOperation documenting = request.expectation() == Expectation.DOCUMENTED_WITHOUT_BODY
                        ? getOf(operation) : operation;
                if (!documenting.documentedStatuses().contains(status)) {
                    problems.add("status " + status + " is not documented for " + documenting.name()
                            + " (documented: " + documenting.documentedStatuses() + ")");
                }
                if (request.expectation() == Expectation.DOCUMENTED_WITHOUT_BODY && answer.body().length > 0) {
                    problems.add("a HEAD answered with a body");
                }
            }
            case METHOD_NOT_ALLOWED -> {
                if (status != 405) {
                    problems.add("expected 405 for a method the path does not offer");
                }
                Set<String> allowed = answer.header("Allow") == null ? Set.of() : Arrays.stream(answer.header("Allow").split(","))
                        .map(String::trim).collect(Collectors.toCollection(TreeSet::new));
                if (status == 405 && !allowed.equals(new TreeSet<>(request.allowed()))) {
                    problems.add("Allow " + allowed + " is not the contract's " + request.allowed());
                }
            }
            case NOT_FOUND -> {
                if (status != 404 && status != 400) {
                    problems.add("expected 404 for a path the contract does not describe");
                }
            }
        }
        if (answer.header("Server") != null || answer.header("X-Powered-By") != null) {
            problems.add("names the server: " + answer.header("Server") + " " + answer.header("X-Powered-By"));
        }
        String body = answer.bodyText();
        if (answer.body().length > 0) {
            String type = answer.header("Content-Type");
            Set<String> documentedTypes = request.expectation() == Expectation.DOCUMENTED ? operation.mediaTypes(status) : Set.of();
            // a documented answer that is not JSON: a page, a script or a contract file (for a 2xx/3xx), or the
            // metrics (text/plain): free to say "Exception" or "<html"
            String mediaType = type == null ? "" : type.split(";", 2)[0].trim();
            boolean documentedFile = status < 400 && !mediaType.isEmpty() && documentedTypes.stream()
                    .anyMatch(documented -> !documented.equals("application/json") && mediaType.startsWith(documented));
            boolean documentedText = mediaType.startsWith("text/") && documentedTypes.contains(mediaType);
            if (!documentedFile && !documentedText) {
                if (type == null || !type.startsWith("application/json")) {
                    problems.add("Content-Type " + type + " is not JSON");
                }
                for (String leak : LEAKS) {
                    if (body.contains(leak)) {
                        problems.add("the body shows \"" + leak + "\"");
                        break;
                    }
                }
                if (status >= 400) {
                    JsonNode json = json(body);
                    if (json == null || !json.isObject() || json.path("status").asInt() != status) {
                        problems.add("an error body that is not the error shape with \"status\": " + status);
                    }
                }
            }
        } else if (status >= 400 && !"HEAD".equals(request.request().method())) {
            problems.add("an error without a body");
        }
        if (problems.isEmpty() && request.expectation() == Expectation.DOCUMENTED) {
            problems.addAll(schemaProblems(request, answer));
        }
        return problems;
    }

    /** The answer's body against the documented schema of its status, by the operation's own path. */
    private List<String> schemaProblems(BadRequest request, RawHttp.Answer answer) {
        SpecOperation operation = request.operation();
        String cleanPath = operation.pathTemplate().replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001");
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
        answer.headers().forEach((name, values) -> response.withHeader(name, values));
        if (answer.body().length > 0) {
            response.withBody(answer.bodyText());
        }
        ValidationReport report = validators.get(operation.contract()).validateResponse(cleanPath,
                Request.Method.valueOf(operation.method().toUpperCase(Locale.ROOT)), response.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> "schema: " + message.getMessage())
                .toList();
    }

    private static SpecOperation getOf(SpecOperation operation) {
        return SpecOperation.all().stream()
                .filter(o -> o.pathTemplate().equals(operation.pathTemplate()) && o.method().equals("GET"))
                .findFirst().orElse(operation);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
