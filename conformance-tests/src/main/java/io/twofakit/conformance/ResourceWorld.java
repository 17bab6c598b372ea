package io.twofakit.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario has created of one kind of resource (profiles, priorities or callback configurations):
 * each by the base name the scenario gives it, with its id and the account that owns it, so that steps can
 * find it and the scenario can delete it afterwards. Names get the scenario's random suffix
 * ({@link ScenarioNames}), so a scenario can run twice against one server.
 */
public class ResourceWorld {

    /** A resource the scenario created, as whom, and under which name (null for unnamed resources). */
    public record Created(ApiClient owner, String id, String name) {
    }

    private final String kind;
    private final ScenarioNames names;
    private final Map<String, Created> byBase = new HashMap<>();
    private final List<Created> toDelete = new ArrayList<>();
    private String lastId;

    protected ResourceWorld(String kind, ScenarioNames names) {
        this.kind = kind;
        this.names = names;
    }

    /** The name the scenario's base name stands for in this run. */
    public String nameFor(String base) {
        return names.nameFor(base);
    }

    /** Remembers a created resource under its base name, and deletes it when the scenario ends. */
    public Created created(String base, ApiClient owner, String id, String name) {
        Created created = new Created(owner, id, name);
        if (base != null) {
            byBase.put(base, created);
        }
        toDelete.add(created);
        lastId = id;
        return created;
    }

    /** The resource the scenario created under {@code base}. */
    public Created get(String base) {
        Created created = byBase.get(base);
        if (created == null) {
            throw new IllegalStateException("The scenario has not created a " + kind + " \"" + base + "\"");
        }
        return created;
    }

    /** Records that the resource created under {@code base} now has another name. */
    public void renamed(String base, String newBase, String newName) {
        Created created = get(base);
        byBase.put(newBase, new Created(created.owner(), created.id(), newName));
    }

    /** What the scenario created, newest first: the order to delete it in. */
    public List<Created> toDelete() {
        List<Created> newestFirst = new ArrayList<>(toDelete);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The id the last step created or asked for. */
    public String lastId() {
        if (lastId == null) {
            throw new IllegalStateException("No " + kind + " id was created or asked for in this scenario yet");
        }
        return lastId;
    }

    public void askedFor(String id) {
        this.lastId = id;
    }
}
