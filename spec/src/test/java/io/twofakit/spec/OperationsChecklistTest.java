package io.twofakit.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.callbacks.Callback;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the contract ({@code spec/openapi.yaml}, as packaged) against the checklist of the tyntec reference
 * ({@code operations.md}): every operation is there with every status code the reference documents, the webhook
 * is a callback of "Create Callback Configuration", and every operation documents 401, and 429 with
 * {@code Retry-After}.
 */
class OperationsChecklistTest {

    private static final String WEBHOOK_OWNER_PATH = "/2fa/v4/configurations/callbacks";
    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*(\\d+)\\s*\\|\\s*([A-Z]+)\\s*\\|\\s*`([^`]+)`\\s*\\|[^|]*\\|[^|]*\\|(.*)\\|\\s*$");
    private static final Pattern STATUS = Pattern.compile("(\\d{3})\\s*:");

    private static OpenAPI api;
    private static List<ChecklistRow> rows;

    record ChecklistRow(int number, PathItem.HttpMethod method, String path, List<String> statuses) {
        @Override
        public String toString() {
            return "#" + number + " " + method + " " + path;
        }
    }

    @BeforeAll
    static void load() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(resource("spec/openapi.yaml"), null, options);
        if (result.getOpenAPI() == null || !result.getMessages().isEmpty()) {
            fail("spec/openapi.yaml does not parse cleanly:\n  " + String.join("\n  ", result.getMessages()));
        }
        api = result.getOpenAPI();
        rows = parseChecklist(resource("operations.md"));
    }

    @Test
    void checklistHasAllRows() {
        assertEquals(43, rows.size(), "operations.md should list 42 operations and the webhook");
    }

    @Test
    void everyOperationOfTheReferenceIsDocumentedWithItsStatusCodes() {
        List<String> missing = new ArrayList<>();
        for (ChecklistRow row : rows) {
            if (row.number() > 42) {
                continue;
            }
            Operation operation = operation(row.method(), row.path());
            if (operation == null) {
                missing.add(row + ": operation missing");
                continue;
            }
            List<String> absent = new ArrayList<>();
            for (String status : row.statuses()) {
                if (operation.getResponses() == null || !operation.getResponses().containsKey(status)) {
                    absent.add(status);
                }
            }
            if (!absent.isEmpty()) {
                missing.add(row + ": responses " + absent + " not documented");
            }
        }
        assertNothingMissing("operations of operations.md that openapi.yaml lacks", missing);
    }

    @Test
    void webhookIsACallbackOfCreateCallbackConfiguration() {
        ChecklistRow webhook = rows.stream().filter(r -> r.number() == 43).findFirst().orElseThrow();
        assertEquals("/webhooks", webhook.path());
        Operation create = operation(PathItem.HttpMethod.POST, WEBHOOK_OWNER_PATH);
        List<String> missing = new ArrayList<>();
        if (create == null) {
            missing.add("POST " + WEBHOOK_OWNER_PATH + ": operation missing");
        } else if (create.getCallbacks() == null || create.getCallbacks().isEmpty()) {
            missing.add("POST " + WEBHOOK_OWNER_PATH + ": no callbacks (row #43, POST /webhooks, belongs there)");
        } else {
            boolean hasPost = false;
            for (Callback callback : create.getCallbacks().values()) {
                for (PathItem item : callback.values()) {
                    if (item.getPost() != null) {
                        hasPost = true;
                        List<String> absent = new ArrayList<>();
                        for (String status : webhook.statuses()) {
                            if (item.getPost().getResponses() == null
                                    || !item.getPost().getResponses().containsKey(status)) {
                                absent.add(status);
                            }
                        }
                        if (!absent.isEmpty()) {
                            missing.add("callback POST: responses " + absent + " not documented");
                        }
                    }
                }
            }
            if (!hasPost) {
                missing.add("POST " + WEBHOOK_OWNER_PATH + ": its callbacks have no POST operation");
            }
        }
        assertNothingMissing("webhook (row #43)", missing);
    }

    @Test
    void everyOperationDocuments401() {
        List<String> missing = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getResponses() == null || !operation.getResponses().containsKey("401")) {
                missing.add(method + " " + path + " (" + operation.getOperationId() + ")");
            }
        }));
        assertNothingMissing("operations without a 401 response", missing);
    }

    /** What the server refuses before it knows the operation: an unreadable request, an Accept without JSON, big headers. */
    @Test
    void everyOperationDocumentsTheRefusalsOfTheHttpLayer() {
        List<String> missing = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            for (String status : List.of("400", "406", "431")) {
                if (operation.getResponses() == null || !operation.getResponses().containsKey(status)) {
                    missing.add(method + " " + path + " (" + operation.getOperationId() + "): " + status);
                }
            }
        }));
        assertNothingMissing("responses of the HTTP layer not documented", missing);
    }

    @Test
    void everyOperationDocuments429WithRetryAfter() {
        List<String> missing = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponse tooMany = operation.getResponses() == null ? null : resolved(operation.getResponses().get("429"));
            if (tooMany == null) {
                missing.add(method + " " + path + " (" + operation.getOperationId() + "): no 429");
                return;
            }
            Header retryAfter = tooMany.getHeaders() == null ? null : resolved(tooMany.getHeaders().get("Retry-After"));
            if (retryAfter == null || !Boolean.TRUE.equals(retryAfter.getRequired())
                    || !"integer".equals(retryAfter.getSchema().getType())) {
                missing.add(method + " " + path + " (" + operation.getOperationId()
                        + "): 429 without a required integer Retry-After header");
            }
            if (tooMany.getContent() == null || tooMany.getContent().get("application/json") == null) {
                missing.add(method + " " + path + " (" + operation.getOperationId() + "): 429 without a JSON body");
            }
        }));
        assertNothingMissing("operations without a 429 response", missing);
    }

    @Test
    void everyOperationHasExactlyOneKnownTag() {
        List<String> known = List.of("Otp", "CallbackConfigurations", "WhatsAppConfiguration", "Priorities",
                "Profiles", "Templates", "SmsTemplates", "ViberTemplates", "VoiceTemplates", "WhatsAppTemplates");
        List<String> wrong = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<String> tags = operation.getTags();
            if (tags == null || tags.size() != 1 || !known.contains(tags.get(0))) {
                wrong.add(method + " " + path + " has tags " + tags);
            }
        }));
        assertNothingMissing("operations whose tag would not generate one of the known interfaces", wrong);
    }

    @Test
    void apiKeySecurityIsGlobal() {
        assertTrue(api.getSecurity() != null
                        && api.getSecurity().stream().anyMatch(requirement -> requirement.containsKey("apiKey")),
                "the security requirement apiKey should apply to every operation");
        var scheme = api.getComponents().getSecuritySchemes().get("apiKey");
        assertTrue(scheme != null && "apiKey".equals(scheme.getName())
                        && scheme.getIn() == io.swagger.v3.oas.models.security.SecurityScheme.In.HEADER,
                "security scheme apiKey should be an API key in the header named apiKey");
    }

    /** The response itself, also when the operation refers to one of the components. */
    private static ApiResponse resolved(ApiResponse response) {
        if (response == null || response.get$ref() == null) {
            return response;
        }
        return api.getComponents().getResponses().get(response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1));
    }

    /** The header itself, also when the response refers to one of the components. */
    private static Header resolved(Header header) {
        if (header == null || header.get$ref() == null) {
            return header;
        }
        return api.getComponents().getHeaders().get(header.get$ref().substring(header.get$ref().lastIndexOf('/') + 1));
    }

    private static Operation operation(PathItem.HttpMethod method, String path) {
        PathItem item = api.getPaths().get(path);
        return item == null ? null : item.readOperationsMap().get(method);
    }

    private static void assertNothingMissing(String what, List<String> missing) {
        if (!missing.isEmpty()) {
            fail(missing.size() + " " + what + ":\n  - " + String.join("\n  - ", missing));
        }
    }

    static List<ChecklistRow> parseChecklist(String markdown) {
        List<ChecklistRow> parsed = new ArrayList<>();
        for (String line : markdown.split("\\R")) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            List<String> statuses = new ArrayList<>();
            Matcher status = STATUS.matcher(row.group(4));
            while (status.find()) {
                statuses.add(status.group(1));
            }
            parsed.add(new ChecklistRow(Integer.parseInt(row.group(1)),
                    PathItem.HttpMethod.valueOf(row.group(2).toUpperCase(Locale.ROOT)), row.group(3), statuses));
        }
        return parsed;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OperationsChecklistTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("not on the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
