package io.twofakit.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one scenario about templates has created and found: its templates by the base names the scenario
 * uses, what must be deleted afterwards, and the accounts it acts as. PicoContainer makes one per scenario.
 *
 * <p>Every name a scenario gives gets the same random suffix ({@code welcome} becomes {@code welcome_3f9a0c1e}),
 * so that a scenario can run twice against one server, and next to other runs against a shared one. The
 * suffix is lowercase letters and digits, as WhatsApp template names must be.
 */
public class TemplateWorld {

    /** A text channel: its name in the scenarios, its path segment and its value in the contract. */
    public enum TextChannel {
        SMS("sms"), VIBER("viber"), VOICE("voice");

        private final String path;

        TextChannel(String path) {
            this.path = path;
        }

        public String collectionPath() {
            return "/2fa/v4/templates/" + path;
        }

        public String itemPath() {
            return collectionPath() + "/{id}";
        }

        /** The channel as the contract writes it, e.g. {@code SMS}. */
        public String wire() {
            return name();
        }
    }

    /** A text template as the scenario created it. */
    public record TextTemplate(TextChannel channel, String id, String name, String language, String message,
                               int codeExpirationTime) {
        public TextTemplate renamed(String newName) {
            return new TextTemplate(channel, id, newName, language, message, codeExpirationTime);
        }
    }

    /** A WhatsApp template the scenario submitted, and as whom, so that it can be deleted afterwards. */
    public record SubmittedWhatsAppTemplate(ApiClient owner, String name, String language) {
    }

    private final ScenarioState state;
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final Map<String, TextTemplate> textTemplates = new HashMap<>();
    private final List<TextTemplateToDelete> textTemplatesToDelete = new ArrayList<>();
    private final List<SubmittedWhatsAppTemplate> whatsAppTemplatesToDelete = new ArrayList<>();
    private String lastId;
    private UUID whatsAppAccountId;

    private record TextTemplateToDelete(ApiClient owner, TextChannel channel, String id) {
    }

    public TemplateWorld(ScenarioState state) {
        this.state = state;
    }

    /** The name the scenario's base name stands for in this run. */
    public String nameFor(String base) {
        return base + "_" + suffix;
    }

    /** The client of the configured API key, sending requests that conform to the contract. */
    public ApiClient firstAccount() {
        return new ApiClient(state.config().baseUrl(), state.config().apiKey(), ApiClient.Requests.CONFORMING);
    }

    /** The client of the second account's key; scenarios that use it are tagged {@code @second-account}. */
    public ApiClient secondAccount() {
        String key = state.config().secondApiKey().orElseThrow(() -> new IllegalStateException(
                "This scenario needs a second account: tag it @second-account"));
        return new ApiClient(state.config().baseUrl(), key, ApiClient.Requests.CONFORMING);
    }

    /** The accounts whose keys were given: the first, and the second when there is one. */
    public List<ApiClient> accounts() {
        List<ApiClient> accounts = new ArrayList<>(List.of(firstAccount()));
        if (state.config().secondApiKey().isPresent()) {
            accounts.add(secondAccount());
        }
        return accounts;
    }

    /** The current client with the same key, for a request that breaks the contract on purpose. */
    public ApiClient deliberatelyInvalid() {
        return new ApiClient(state.config().baseUrl(), state.client().apiKey().orElse(null),
                ApiClient.Requests.DELIBERATELY_INVALID);
    }

    /** Remembers a template the scenario created, under its name. */
    public void remember(TextTemplate template) {
        textTemplates.put(key(template.channel(), template.name()), template);
    }

    /** Deletes a text template when the scenario ends, as its owner. */
    public void deleteAfterwards(ApiClient owner, TextChannel channel, String id) {
        textTemplatesToDelete.add(new TextTemplateToDelete(owner, channel, id));
    }

    public void renamed(TextTemplate template, String newName) {
        textTemplates.remove(key(template.channel(), template.name()));
        textTemplates.put(key(template.channel(), newName), template.renamed(newName));
    }

    /** The text template the scenario created under a base name. */
    public TextTemplate textTemplate(TextChannel channel, String base) {
        TextTemplate template = textTemplates.get(key(channel, nameFor(base)));
        if (template == null) {
            throw new IllegalStateException("The scenario has not created a " + channel + " template \"" + base + "\"");
        }
        return template;
    }

    public void submitted(ApiClient owner, String name, String language) {
        whatsAppTemplatesToDelete.add(new SubmittedWhatsAppTemplate(owner, name, language));
    }

    /** Every text template the scenario created, for its owner to delete, newest first. */
    public void forEachTextTemplateToDelete(TextTemplateDeleter deleter) {
        for (int i = textTemplatesToDelete.size() - 1; i >= 0; i--) {
            TextTemplateToDelete t = textTemplatesToDelete.get(i);
            deleter.delete(t.owner(), t.channel(), t.id());
        }
    }

    public List<SubmittedWhatsAppTemplate> whatsAppTemplatesToDelete() {
        return List.copyOf(whatsAppTemplatesToDelete);
    }

    /** Deletes one text template. */
    @FunctionalInterface
    public interface TextTemplateDeleter {
        void delete(ApiClient owner, TextChannel channel, String id);
    }

    /** The id the last step asked for, e.g. of an unknown or a deleted template. */
    public String lastId() {
        if (lastId == null) {
            throw new IllegalStateException("No template id was asked for in this scenario yet");
        }
        return lastId;
    }

    public void askedFor(String id) {
        this.lastId = id;
    }

    public UUID whatsAppAccountId() {
        if (whatsAppAccountId == null) {
            throw new IllegalStateException("The scenario has not read a WhatsApp configuration yet");
        }
        return whatsAppAccountId;
    }

    public void whatsAppAccountIdIs(UUID id) {
        this.whatsAppAccountId = id;
    }

    private static String key(TextChannel channel, String name) {
        return channel + "/" + name;
    }
}
