package io.twofakit.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one scenario about templates has created and found: its templates by the base names the scenario
 * uses (named as {@link ScenarioNames} says), what must be deleted afterwards, the template id it last asked
 * for and the WhatsApp account id it read. PicoContainer makes one per scenario.
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

    private final ScenarioNames names;
    private final Map<String, TextTemplate> textTemplates = new HashMap<>();
    private final List<TextTemplateToDelete> textTemplatesToDelete = new ArrayList<>();
    private final List<SubmittedWhatsAppTemplate> whatsAppTemplatesToDelete = new ArrayList<>();
    private String lastId;
    private UUID whatsAppAccountId;

    private record TextTemplateToDelete(ApiClient owner, TextChannel channel, String id) {
    }

    public TemplateWorld(ScenarioNames names) {
        this.names = names;
    }

    /** The name the scenario's base name stands for in this run. */
    public String nameFor(String base) {
        return names.nameFor(base);
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
