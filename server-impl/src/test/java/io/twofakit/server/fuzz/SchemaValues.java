package io.twofakit.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Values for a schema of the contract: a valid one to start from (the seeded world's, else the contract's example,
 * default or first enum value, else one that fits the type and limits), and wrong ones that probe it (other JSON
 * types, the limits and one past them, text a database may refuse, odd Unicode).
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SeededWorld world;

    SchemaValues(SeededWorld world) {
        this.world = world;
    }

    /** A valid value for the schema at a JSON path (array indexes left out, e.g. {@code channels.templates.name}). */
    JsonNode valid(Schema<?> schema, String path) {
        JsonNode known = world.knownValue(path).orElse(null);
        if (known != null && (schema.getEnum() == null || schema.getEnum().stream().anyMatch(e -> known.asText().equals(String.valueOf(e))))) {
            return known;
        }
        if (isObject(schema)) {
            ObjectNode object = NODES.objectNode();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> object.set(name, valid(property, join(path, name))));
            }
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                object.set("X-Fuzz", valid(values, join(path, "X-Fuzz")));
            }
            return object;
        }
        if (schema.getExample() != null) {
            return JSON.valueToTree(schema.getExample());
        }
        if (schema.getDefault() != null) {
            return JSON.valueToTree(schema.getDefault());
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return JSON.valueToTree(schema.getEnum().get(0));
        }
        String type = type(schema);
        switch (type) {
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.getMinItems() == null ? 1 : schema.getMinItems());
                for (int i = 0; i < items; i++) {
                    array.add(valid(schema.getItems(), path));
                }
                return array;
            }
            case "integer", "number" -> {
                BigDecimal minimum = schema.getMinimum();
                return NODES.numberNode(minimum == null ? BigInteger.ONE : minimum.toBigInteger());
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                if ("uuid".equals(schema.getFormat())) {
                    return NODES.textNode(UUID.randomUUID().toString());
                }
                if ("uri".equals(schema.getFormat()) || path.endsWith("url")) {
                    return NODES.textNode("http://127.0.0.1:9/fuzz");
                }
                int length = Math.max(4, schema.getMinLength() == null ? 0 : schema.getMinLength());
                if (schema.getMaxLength() != null) {
                    length = Math.min(length, schema.getMaxLength());
                }
                return NODES.textNode("fuzz".repeat(length).substring(0, length));
            }
        }
    }

    /** Wrong values for a schema, each with a few words that say what it is. */
    List<Map.Entry<String, JsonNode>> wrong(Schema<?> schema) {
        List<Map.Entry<String, JsonNode>> values = new ArrayList<>();
        values.add(Map.entry("null", NODES.nullNode()));
        String type = isObject(schema) ? "object" : type(schema);
        switch (type) {
            case "object" -> {
                values.add(Map.entry("an array", NODES.arrayNode()));
                values.add(Map.entry("a string", NODES.textNode("x")));
                values.add(Map.entry("empty object", NODES.objectNode()));
            }
            case "array" -> {
                values.add(Map.entry("an object", NODES.objectNode()));
                values.add(Map.entry("a string", NODES.textNode("x")));
                values.add(Map.entry("empty", NODES.arrayNode()));
                values.add(Map.entry("[null]", NODES.arrayNode().add(NODES.nullNode())));
                values.add(Map.entry("[[]]", NODES.arrayNode().add(NODES.arrayNode())));
                values.add(Map.entry("[1]", NODES.arrayNode().add(1)));
                if (schema.getItems() != null) {
                    ArrayNode many = NODES.arrayNode();
                    JsonNode item = valid(schema.getItems(), "");
                    for (int i = 0; i < 1000; i++) {
                        many.add(item);
                    }
                    values.add(Map.entry("1000 items", many));
                }
            }
            case "integer", "number" -> {
                values.add(Map.entry("a string", NODES.textNode("3")));
                values.add(Map.entry("a fraction", NODES.numberNode(new BigDecimal("1.5"))));
                values.add(Map.entry("a boolean", NODES.booleanNode(true)));
                values.add(Map.entry("an object", NODES.objectNode()));
                values.add(Map.entry("0", NODES.numberNode(0)));
                values.add(Map.entry("-1", NODES.numberNode(-1)));
                values.add(Map.entry("2^31", NODES.numberNode(2147483648L)));
                values.add(Map.entry("-2^31-1", NODES.numberNode(-2147483649L)));
                values.add(Map.entry("2^63", NODES.numberNode(new BigInteger("9223372036854775808"))));
                values.add(Map.entry("1e308", NODES.numberNode(new BigDecimal("1e308"))));
                if (schema.getMinimum() != null) {
                    values.add(Map.entry("minimum - 1", NODES.numberNode(schema.getMinimum().subtract(BigDecimal.ONE).toBigInteger())));
                    values.add(Map.entry("minimum", NODES.numberNode(schema.getMinimum().toBigInteger())));
                }
                if (schema.getMaximum() != null) {
                    values.add(Map.entry("maximum", NODES.numberNode(schema.getMaximum().toBigInteger())));
                    values.add(Map.entry("maximum + 1", NODES.numberNode(schema.getMaximum().add(BigDecimal.ONE).toBigInteger())));
                }
            }
            case "boolean" -> {
                values.add(Map.entry("a string", NODES.textNode("true")));
                values.add(Map.entry("a number", NODES.numberNode(1)));
                values.add(Map.entry("an object", NODES.objectNode()));
            }
            default -> {
                values.add(Map.entry("a number", NODES.numberNode(123)));
                values.add(Map.entry("a boolean", NODES.booleanNode(true)));
                values.add(Map.entry("an object", NODES.objectNode()));
                values.add(Map.entry("an array", NODES.arrayNode().add("x")));
                for (Map.Entry<String, String> text : texts(schema)) {
                    values.add(Map.entry(text.getKey(), NODES.textNode(text.getValue())));
                }
            }
        }
        return values;
    }

    /** Strings that probe a text field: limits, characters a database may refuse, odd Unicode. */
    static List<Map.Entry<String, String>> texts(Schema<?> schema) {
        List<Map.Entry<String, String>> texts = new ArrayList<>(List.of(
                Map.entry("empty", ""),
                Map.entry("blank", "   "),
                Map.entry("NUL", "\u0000"),
                Map.entry("NUL inside", "ab\u0000cd"),
                Map.entry("unpaired high surrogate", "ab\uD800"),
                Map.entry("unpaired low surrogate", "\uDC00cd"),
                Map.entry("emoji", "\uD83D\uDE00\uD83D\uDC4D"),
                Map.entry("right-to-left override", "\u202Eabc"),
                Map.entry("control characters", "a\u0001\u0007\u001F\u007Fb"),
                Map.entry("line breaks", "a\r\nb\nc"),
                Map.entry("markup and quotes", "<script>alert('x')</script>\"; drop table otp; --"),
                Map.entry("10000 characters", "a".repeat(10_000))));
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
            texts.add(Map.entry("minLength - 1", "a".repeat(schema.getMinLength() - 1)));
        }
        if (schema.getMaxLength() != null) {
            texts.add(Map.entry("maxLength", "a".repeat(schema.getMaxLength())));
            texts.add(Map.entry("maxLength + 1", "a".repeat(schema.getMaxLength() + 1)));
            texts.add(Map.entry("maxLength in 4-byte characters", "\uD83D\uDE00".repeat(schema.getMaxLength())));
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            texts.add(Map.entry("not in the enum", "NOT_IN_ENUM"));
            texts.add(Map.entry("enum value in lower case", String.valueOf(schema.getEnum().get(0)).toLowerCase()));
        }
        if ("uuid".equals(schema.getFormat())) {
            texts.add(Map.entry("not a UUID", "not-a-uuid"));
            texts.add(Map.entry("nil UUID", "00000000-0000-0000-0000-000000000000"));
        }
        return texts;
    }

    static boolean isObject(Schema<?> schema) {
        return "object".equals(type(schema)) || schema.getProperties() != null;
    }

    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getItems() != null ? "array" : "string";
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
