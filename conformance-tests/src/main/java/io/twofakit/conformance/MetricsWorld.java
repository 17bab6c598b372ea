package io.twofakit.conformance;

/** A count a scenario noted from the server's metrics, to compare with later. PicoContainer makes one per scenario. */
public class MetricsWorld {

    private Double noted;

    public void noted(double count) {
        this.noted = count;
    }

    public double noted() {
        if (noted == null) {
            throw new IllegalStateException("The scenario has not noted a count of the server's metrics yet");
        }
        return noted;
    }
}
