package io.twofakit.conformance;

import java.util.HashMap;
import java.util.Map;

/**
 * The webhook receivers one scenario registered: each a path of its own on the suite's {@link WebhookReceiver},
 * by the base name the scenario gives it. PicoContainer makes one per scenario.
 */
public class WebhookWorld {

    private final ScenarioState state;
    private final ScenarioNames names;
    private final Map<String, String> paths = new HashMap<>();

    public WebhookWorld(ScenarioState state, ScenarioNames names) {
        this.state = state;
        this.names = names;
    }

    public WebhookReceiver receiver() {
        return WebhookReceiver.shared(state.config());
    }

    /** The path of the receiver {@code base}, unique to this scenario's run. */
    public String path(String base) {
        return paths.computeIfAbsent(base, b -> "/twofa-conformance/" + names.nameFor(b));
    }

    /** The URL the server posts the events for {@code base} to. */
    public String url(String base) {
        return receiver().url(path(base));
    }
}
