package io.twofakit.conformance;

/** The priorities one scenario created. PicoContainer makes one per scenario. */
public class PriorityWorld extends ResourceWorld {

    public PriorityWorld(TemplateWorld names) {
        super("priority", names);
    }
}
