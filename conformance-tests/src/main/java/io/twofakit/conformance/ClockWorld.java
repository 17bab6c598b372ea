package io.twofakit.conformance;

import java.time.OffsetDateTime;

/** The time a scenario noted on its account's clock, to compare with later. PicoContainer makes one per scenario. */
public class ClockWorld {

    private OffsetDateTime noted;

    public void noted(OffsetDateTime time) {
        this.noted = time;
    }

    public OffsetDateTime noted() {
        if (noted == null) {
            throw new IllegalStateException("The scenario has not noted the time on its account's clock yet");
        }
        return noted;
    }
}
