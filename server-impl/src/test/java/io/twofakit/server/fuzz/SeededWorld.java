package io.twofakit.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The resources the bad requests aim at, created through the API before the first of them: for every kind of
 * resource one that reads and sends use ("A") and one that patches may change ("B"), so that a request that is
 * wrong in one field only gets past the others and reaches the rules, and the database, behind them. Deletes aim
 * at ids that name nothing, so that the seeded resources stay.
 */
record SeededWorld(String otp, String profileA, String profileB, String priorityA, String priorityB,
                   Map<String, String> templatesA, Map<String, String> templatesB, String callbackB,
                   String whatsAppTemplateId) {

    static final String PROFILE_A = "fuzz_profile_a";
    static final String PRIORITY_A = "fuzz_priority_a";
    static final String SMS_TEMPLATE_A = "fuzz_sms_a";

    /** A JSON call with the API key that must succeed: method, target, body (or null). */
    interface Api {
        JsonNode call(String method, String target, String json);
    }

    static SeededWorld create(Api api) {
        Map<String, String> templatesA = new java.util.HashMap<>();
        Map<String, String> templatesB = new java.util.HashMap<>();
        for (String channel : new String[] {"sms", "viber", "voice"}) {
            templatesA.put(channel, id(api.call("POST", "/2fa/v4/templates/" + channel,
                    "{\"name\":\"fuzz_" + channel + "_a\",\"language\":\"en\",\"message\":\"Code {{otp_code}}\"}")));
            templatesB.put(channel, id(api.call("POST", "/2fa/v4/templates/" + channel,
                    "{\"name\":\"fuzz_" + channel + "_b\",\"language\":\"en\",\"message\":\"Code {{otp_code}}\"}")));
        }
        String channels = "[{\"type\":\"SMS\",\"templates\":[{\"name\":\"" + SMS_TEMPLATE_A + "\",\"languageCode\":\"en\"}]}]";
        String profileA = id(api.call("POST", "/2fa/v4/profiles", "{\"name\":\"" + PROFILE_A + "\",\"channels\":" + channels + "}"));
        String profileB = id(api.call("POST", "/2fa/v4/profiles", "{\"name\":\"fuzz_profile_b\",\"channels\":" + channels + "}"));
        String ranks = "[{\"channel\":\"SMS\",\"priority\":1}]";
        String priorityA = id(api.call("POST", "/2fa/v4/priorities", "{\"name\":\"" + PRIORITY_A + "\",\"channelPriority\":" + ranks + "}"));
        String priorityB = id(api.call("POST", "/2fa/v4/priorities", "{\"name\":\"fuzz_priority_b\",\"channelPriority\":" + ranks + "}"));
        // scoped to a profile that sends nothing: no webhook is ever posted to this address
        String callbackB = api.call("POST", "/2fa/v4/configurations/callbacks",
                "{\"url\":\"http://127.0.0.1:9/fuzz\",\"profileId\":\"" + profileB + "\"}").get("id").asText();
        api.call("POST", "/2fa/v4/configurations/channels/whatsapp", "{\"whatsAppAccountId\":\"" + UUID.randomUUID() + "\"}");
        api.call("POST", "/2fa/v4/templates/whatsapp", "{\"name\":\"fuzz_wa\",\"language\":\"en\"}");
        String whatsAppTemplateId = api.call("GET", "/2fa/v4/templates/whatsapp?name=fuzz_wa", null)
                .get(0).get("templateId").asText();
        String otp = id(api.call("POST", "/2fa/v4/otp",
                "{\"to\":\"+4915112345678\",\"profileName\":\"" + PROFILE_A + "\",\"otpCode\":\"1234\"}"));
        return new SeededWorld(otp, profileA, profileB, priorityA, priorityB, Map.copyOf(templatesA),
                Map.copyOf(templatesB), callbackB, whatsAppTemplateId);
    }

    private static String id(JsonNode created) {
        return created.get("id").asText();
    }

    /**
     * The value of a path parameter that names a seeded resource: B for a patch, A otherwise, and for a delete an
     * id that names nothing.
     */
    String pathValue(String method, String pathTemplate, String parameter) {
        boolean delete = method.equals("DELETE");
        boolean patch = method.equals("PATCH") || pathTemplate.endsWith("/{profile-id}/templates");
        if (parameter.equals("template-name")) {
            return "absent_template";
        }
        if (parameter.equals("asset")) {
            return "swagger-ui.css";
        }
        if (delete) {
            return parameter.equals("template-id") ? "absent-" + UUID.randomUUID() : UUID.randomUUID().toString();
        }
        if (pathTemplate.startsWith("/2fa/v4/otp/")) {
            return otp;
        }
        if (pathTemplate.startsWith("/2fa/v4/priorities/")) {
            return patch ? priorityB : priorityA;
        }
        if (pathTemplate.startsWith("/2fa/v4/profiles/")) {
            return patch ? profileB : profileA;
        }
        if (pathTemplate.startsWith("/2fa/v4/configurations/callbacks/") || parameter.equals("callbackId")) {
            return callbackB;
        }
        if (pathTemplate.startsWith("/2fa/v4/templates/whatsapp/")) {
            return whatsAppTemplateId;
        }
        for (String channel : templatesA.keySet()) {
            if (pathTemplate.startsWith("/2fa/v4/templates/" + channel + "/")) {
                return patch ? templatesB.get(channel) : templatesA.get(channel);
            }
        }
        return UUID.randomUUID().toString();
    }

    /**
     * A value that makes a property valid in this world, where the contract's example would name nothing: the
     * seeded profile, priority and template, and their channel and language. By the property's JSON path, with
     * array indexes left out ({@code channels.templates.name}).
     */
    Optional<JsonNode> knownValue(String path) {
        String value = switch (path) {
            case "profileName" -> PROFILE_A;
            case "priorityName" -> PRIORITY_A;
            case "profileId" -> profileB;
            case "channels.templates.name" -> SMS_TEMPLATE_A;
            case "channels.templates.languageCode", "languageCode" -> "en";
            case "channels.type", "channelPriority.channel" -> "SMS";
            default -> null;
        };
        return Optional.ofNullable(value).map(JsonNodeFactory.instance::textNode).map(TextNode.class::cast);
    }
}
