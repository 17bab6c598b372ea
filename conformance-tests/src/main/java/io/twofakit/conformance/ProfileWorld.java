package io.twofakit.conformance;

/** The profiles one scenario created. PicoContainer makes one per scenario. */
public class ProfileWorld extends ResourceWorld {

    public ProfileWorld(ScenarioNames names) {
        super("profile", names);
    }
}
