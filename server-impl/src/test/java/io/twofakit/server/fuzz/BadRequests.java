package io.twofakit.server.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad requests derived from the contract, operation by operation: each starts from a valid request (the seeded
 * world's ids and names, the contract's examples) and breaks one thing: the API key, a path or query parameter,
 * the body as a whole, one property of the body, the content type, the accepted type; and per path, the
 * methods the contract does not offer.
 */
final class BadRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** What the contract says the answer must be. */
    enum Expectation {
        /** a status the operation documents */
        DOCUMENTED,
        /** a HEAD of a GET: a status the GET documents, and no body */
        DOCUMENTED_WITHOUT_BODY,
        /** 405, with the path's methods in {@code Allow} */
        METHOD_NOT_ALLOWED,
        /** 404: no operation at this path */
        NOT_FOUND
    }

    /** One request, the operation it aims at, and what it breaks. */
    record BadRequest(SpecOperation operation, String family, String what, RawHttp.Request request,
                      Expectation expectation, Set<String> allowed) {
    }

    private final SeededWorld world;
    private final SchemaValues values;

    BadRequests(SeededWorld world) {
        this.world = world;
        this.values = new SchemaValues(world);
    }

    /** The bad requests of one operation. */
    List<BadRequest> of(SpecOperation operation) {
        List<BadRequest> requests = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters("path")) {
            pathValues.put(parameter.getName(), world.pathValue(operation.method(), operation.pathTemplate(), parameter.getName()));
        }
        Schema<?> bodySchema = operation.bodySchema();
        JsonNode validBody = bodySchema == null ? null : values.valid(bodySchema, "");
        Cases cases = new Cases(operation, pathValues, validBody, requests);

        cases.add("valid", "as the contract describes it", cases.request());
        if (operation.needsApiKey()) {
            cases.add("API key", "none", cases.request().withoutHeader("apiKey"));
            cases.add("API key", "unknown", cases.request().header("apiKey", "no-such-key-0000"));
        }
        for (String name : pathValues.keySet()) {
            for (Map.Entry<String, String> value : pathValuesToTry().entrySet()) {
                Map<String, String> changed = new LinkedHashMap<>(pathValues);
                changed.put(name, value.getValue());
                cases.add("path parameter " + name, value.getKey(), cases.request(target(operation, changed, "")));
            }
        }
        for (Parameter parameter : operation.parameters("query")) {
            for (Map.Entry<String, String> value : queryValuesToTry().entrySet()) {
                cases.add("query parameter " + parameter.getName(), value.getKey(),
                        cases.request(target(operation, pathValues, "?" + parameter.getName() + "=" + value.getValue())));
            }
            cases.add("query parameter " + parameter.getName(), "given twice", cases.request(
                    target(operation, pathValues, "?" + parameter.getName() + "=a&" + parameter.getName() + "=b")));
        }
        for (Map.Entry<String, String> query : unknownQueries().entrySet()) {
            cases.add("query", query.getKey(), cases.request(target(operation, pathValues, query.getValue())));
        }
        for (Map.Entry<String, String> accept : Map.of("HTML only", "text/html", "XML only", "application/xml",
                "anything", "*/*", "malformed", "application/json;;;=, ///").entrySet()) {
            cases.add("Accept", accept.getKey(), cases.request().header("Accept", accept.getValue()));
        }
        if (validBody != null) {
            for (Map.Entry<String, byte[]> body : malformedBodies(validBody).entrySet()) {
                cases.add("body", body.getKey(), cases.request().body(body.getValue()));
            }
            for (Map.Entry<String, String> type : contentTypes().entrySet()) {
                RawHttp.Request request = cases.request();
                if (type.getValue() == null) {
                    request.withoutHeader("Content-Type");
                } else {
                    request.header("Content-Type", type.getValue());
                }
                cases.add("Content-Type", type.getKey(), request);
            }
            mutateProperties(cases, bodySchema, validBody, new ArrayList<>(), "");
        }
        return requests;
    }

    /** Per path of the contract: every method it does not offer, and HEAD where it offers GET. */
    List<BadRequest> wrongMethods(SpecOperation anyOperationOfThePath, Set<String> offered) {
        List<BadRequest> requests = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (Parameter parameter : anyOperationOfThePath.parameters("path")) {
            pathValues.put(parameter.getName(), world.pathValue("GET", anyOperationOfThePath.pathTemplate(), parameter.getName()));
        }
        String target = target(anyOperationOfThePath, pathValues, "");
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FUZZ")) {
            if (offered.contains(method)) {
                continue;
            }
            RawHttp.Request request = new RawHttp.Request(method, target).header("apiKey", FuzzedServer.API_KEY);
            if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                request.header("Content-Type", "application/json").body("{}".getBytes(StandardCharsets.UTF_8));
            }
            boolean headOfGet = method.equals("HEAD") && offered.contains("GET");
            requests.add(new BadRequest(anyOperationOfThePath, "method", method,
                    request, headOfGet ? Expectation.DOCUMENTED_WITHOUT_BODY : Expectation.METHOD_NOT_ALLOWED, offered));
        }
        return requests;
    }

    /** Paths the contract does not describe. */
    List<BadRequest> unknownPaths(SpecOperation anyOperation) {
        List<BadRequest> requests = new ArrayList<>();
        for (String path : List.of("/index.html", "/2fa", "/2fa/v4", "/2fa/v4/nothing", "/2fa/v3/otp", "/2fa/v4/otp/x/y/z",
                "/2fa/v4/templates/fax", "/health/deep", "/.env", "/2fa/v4/otp%2F..%2F..%2Fetc", "/docs/x/y",
                "/docs/..%2F..%2Fetc%2Fpasswd", "/openapi.json", "/spec/openapi.yaml", "/META-INF/MANIFEST.MF")) {
            requests.add(new BadRequest(anyOperation, "unknown path", path,
                    new RawHttp.Request("GET", path).header("apiKey", FuzzedServer.API_KEY), Expectation.NOT_FOUND, Set.of()));
        }
        return requests;
    }

    /** Every property of the body in turn: left out, and each wrong value of its schema. */
    private void mutateProperties(Cases cases, Schema<?> schema, JsonNode validBody, List<Object> location, String path) {
        if (SchemaValues.isObject(schema)) {
            if (schema.getProperties() != null) {
                for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                    List<Object> at = new ArrayList<>(location);
                    at.add(property.getKey());
                    String propertyPath = SchemaValues.join(path, property.getKey());
                    cases.add("body property " + describe(at), "left out", cases.request().body(bytes(removed(validBody, at))));
                    for (Map.Entry<String, JsonNode> value : values.wrong(property.getValue())) {
                        cases.add("body property " + describe(at), value.getKey(),
                                cases.request().body(bytes(replaced(validBody, at, value.getValue()))));
                    }
                    mutateProperties(cases, property.getValue(), validBody, at, propertyPath);
                }
            }
            if (schema.getAdditionalProperties() instanceof Schema<?>) {
                for (Map.Entry<String, JsonNode> entries : mapEntries().entrySet()) {
                    cases.add("body property " + describe(location), entries.getKey(),
                            cases.request().body(bytes(replaced(validBody, location, entries.getValue()))));
                }
            }
        } else if ("array".equals(SchemaValues.type(schema)) && schema.getItems() != null) {
            List<Object> first = new ArrayList<>(location);
            first.add(0);
            if (SchemaValues.isObject(schema.getItems())) {
                mutateProperties(cases, schema.getItems(), validBody, first, path);
            } else {
                for (Map.Entry<String, JsonNode> value : values.wrong(schema.getItems())) {
                    cases.add("body property " + describe(first), value.getKey(),
                            cases.request().body(bytes(replaced(validBody, first, value.getValue()))));
                }
            }
        }
    }

    private static Map<String, JsonNode> mapEntries() {
        Map<String, JsonNode> maps = new LinkedHashMap<>();
        maps.put("a key with NUL", NODES.objectNode().put("X-A\u0000b", "v"));
        maps.put("a value with NUL", NODES.objectNode().put("X-A", "v\u0000"));
        maps.put("a key with an unpaired surrogate", NODES.objectNode().put("X-\uD800", "v"));
        maps.put("an empty key", NODES.objectNode().put("", "v"));
        maps.put("a number as value", NODES.objectNode().put("X-A", 1));
        maps.put("a null value", NODES.objectNode().putNull("X-A"));
        maps.put("a key with a line break", NODES.objectNode().put("X-A\r\nX-B", "v"));
        ObjectNode many = NODES.objectNode();
        for (int i = 0; i < 500; i++) {
            many.put("X-Fuzz-" + i, "v");
        }
        maps.put("500 entries", many);
        return maps;
    }

    private static Map<String, String> pathValuesToTry() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("not a UUID", "not-a-uuid");
        values.put("names nothing", java.util.UUID.randomUUID().toString());
        values.put("nil UUID", "00000000-0000-0000-0000-000000000000");
        values.put("NUL", "%00");
        values.put("malformed escape", "%ZZ");
        values.put("lone percent", "%");
        values.put("raw braces", "{id}");
        values.put("escaped braces", "%7Bid%7D");
        values.put("dot-dot", "..");
        values.put("escaped slash", "a%2Fb");
        values.put("invalid UTF-8", "%FF%FE");
        values.put("emoji", "%F0%9F%98%80");
        values.put("unpaired surrogate in UTF-8", "%ED%A0%80");
        values.put("300 characters", "a".repeat(300));
        return values;
    }

    private static Map<String, String> queryValuesToTry() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("empty", "");
        values.put("NUL", "%00");
        values.put("malformed escape", "%ZZ");
        values.put("lone percent", "%");
        values.put("invalid UTF-8", "%FF%FE");
        values.put("raw braces", "{x}");
        values.put("not in any enum", "NOT_IN_ENUM");
        values.put("emoji", "%F0%9F%98%80");
        values.put("5000 characters", "a".repeat(5000));
        return values;
    }

    private static Map<String, String> unknownQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("unknown parameter with a malformed escape", "?x=%ZZ");
        queries.put("unknown parameter with NUL", "?x=%00");
        queries.put("parameter name with NUL", "?%00=1");
        queries.put("only separators", "?&&=&");
        return queries;
    }

    private static Map<String, byte[]> malformedBodies(JsonNode valid) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        String json = new String(bytes(valid), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> text : Map.ofEntries(
                Map.entry("empty", ""),
                Map.entry("only whitespace", "  \n "),
                Map.entry("cut off", json.substring(0, json.length() / 2)),
                Map.entry("trailing garbage", json + "}x"),
                Map.entry("trailing comma", json.substring(0, json.length() - 1) + ",}"),
                Map.entry("null", "null"),
                Map.entry("an array", "[" + json + "]"),
                Map.entry("a string", "\"text\""),
                Map.entry("a number", "123"),
                Map.entry("single quotes", json.replace('"', '\'')),
                Map.entry("a comment", "/* x */" + json),
                Map.entry("NaN", "{\"x\":NaN}"),
                Map.entry("huge number", "{\"x\":1e999999999}"),
                Map.entry("raw NUL byte in a string", "{\"x\":\"a\u0000b\"}"),
                Map.entry("escaped unpaired surrogate as a key", "{\"\\ud800\":1}"),
                Map.entry("10000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000)),
                Map.entry("duplicate keys", json.substring(0, json.length() - 1)
                        + (json.length() > 2 ? "," : "") + "\"x\":1,\"x\":2}"),
                Map.entry("an unknown property", json.substring(0, json.length() - 1)
                        + (json.length() > 2 ? "," : "") + "\"unknownProperty\":{\"deep\":[1,2]}}")).entrySet()) {
            bodies.put(text.getKey(), text.getValue().getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("invalid UTF-8", concat("{\"x\":\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                "\"}".getBytes(StandardCharsets.UTF_8)));
        bodies.put("UTF-8 byte order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(valid)));
        bodies.put("UTF-16", json.getBytes(StandardCharsets.UTF_16));
        return bodies;
    }

    private static Map<String, String> contentTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("none", null);
        types.put("text/plain", "text/plain");
        types.put("form", "application/x-www-form-urlencoded");
        types.put("multipart", "multipart/form-data; boundary=x");
        types.put("XML", "application/xml");
        types.put("JSON in ISO-8859-1", "application/json; charset=ISO-8859-1");
        types.put("JSON with an unknown charset", "application/json; charset=no-such-charset");
        types.put("malformed", "application/json;;;=");
        types.put("garbage", "\u00e9\u00e8/\u00e0");
        return types;
    }

    /** A request target: the path template with the given values (as they are, escapes included), then the query. */
    static String target(SpecOperation operation, Map<String, String> pathValues, String query) {
        Matcher parameters = PATH_PARAMETER.matcher(operation.pathTemplate());
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            parameters.appendReplacement(path, Matcher.quoteReplacement(pathValues.get(parameters.group(1))));
        }
        parameters.appendTail(path);
        return path + query;
    }

    private static String describe(List<Object> location) {
        StringBuilder path = new StringBuilder();
        for (Object step : location) {
            if (step instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(step);
            }
        }
        return path.toString();
    }

    private static JsonNode replaced(JsonNode body, List<Object> location, JsonNode value) {
        if (location.isEmpty()) {
            return value;
        }
        JsonNode copy = body.deepCopy();
        JsonNode parent = at(copy, location.subList(0, location.size() - 1));
        Object last = location.get(location.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array && (Integer) last < array.size()) {
            array.set((Integer) last, value);
        }
        return copy;
    }

    private static JsonNode removed(JsonNode body, List<Object> location) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = at(copy, location.subList(0, location.size() - 1));
        if (parent instanceof ObjectNode object) {
            object.remove((String) location.get(location.size() - 1));
        }
        return copy;
    }

    private static JsonNode at(JsonNode node, List<Object> location) {
        JsonNode current = node;
        for (Object step : location) {
            current = step instanceof Integer index ? current.path(index) : current.path((String) step);
        }
        return current;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Builds the requests of one operation from its valid form. */
    private static final class Cases {
        private final SpecOperation operation;
        private final Map<String, String> pathValues;
        private final JsonNode validBody;
        private final List<BadRequest> requests;

        Cases(SpecOperation operation, Map<String, String> pathValues, JsonNode validBody, List<BadRequest> requests) {
            this.operation = operation;
            this.pathValues = pathValues;
            this.validBody = validBody;
            this.requests = requests;
        }

        RawHttp.Request request() {
            return request(target(operation, pathValues, ""));
        }

        RawHttp.Request request(String target) {
            RawHttp.Request request = new RawHttp.Request(operation.method(), target).header("Accept", "application/json");
            if (operation.needsApiKey()) {
                request.header("apiKey", FuzzedServer.API_KEY);
            }
            if (validBody != null) {
                request.header("Content-Type", "application/json").body(bytes(validBody));
            }
            return request;
        }

        void add(String family, String what, RawHttp.Request request) {
            requests.add(new BadRequest(operation, family, what, request, Expectation.DOCUMENTED, Set.of()));
        }
    }
}
