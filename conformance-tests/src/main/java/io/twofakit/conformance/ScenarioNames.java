package io.twofakit.conformance;

import java.util.UUID;

/**
 * The names of one scenario's run: every name a scenario gives gets the same random suffix ({@code welcome}
 * becomes {@code welcome_3f9a0c1e}), so that a scenario can run twice against one server, and next to other
 * runs against a shared one. The suffix is lowercase letters and digits, as WhatsApp template names must be.
 * PicoContainer makes one per scenario and hands it to every world that names things.
 */
public class ScenarioNames {

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    /** The name the scenario's base name stands for in this run. */
    public String nameFor(String base) {
        return base + "_" + suffix;
    }
}
