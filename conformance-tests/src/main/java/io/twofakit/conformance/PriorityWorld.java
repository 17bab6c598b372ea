package io.twofakit.conformance;

/** The priorities one scenario created. PicoContainer makes one per scenario. */
public class PriorityWorld extends ResourceWorld {

    public PriorityWorld(ScenarioNames names) {
        super("priority", names);
    }
}
