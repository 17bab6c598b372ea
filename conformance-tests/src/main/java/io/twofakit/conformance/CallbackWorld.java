package io.twofakit.conformance;

/** The callback configurations one scenario created, by the base names its steps give them. PicoContainer makes one per scenario. */
public class CallbackWorld extends ResourceWorld {

    public CallbackWorld(ScenarioNames names) {
        super("callback configuration", names);
    }
}
