package io.twofakit.conformance.coverage;

import java.util.ArrayList;
import java.util.List;

/**
 * The exchanges of the scenario that runs on this thread (and on the threads it starts), held back until its
 * result is known: the coverage of a run counts what passed scenarios exercised, so that a run in which every
 * scenario failed covers nothing. {@link ConformanceReportPlugin} opens one when a scenario starts and closes it
 * with the scenario's result; exchanges made outside a scenario count at once.
 */
final class ScenarioExchanges {

    private static final InheritableThreadLocal<ScenarioExchanges> CURRENT = new InheritableThreadLocal<>();

    private final List<Runnable> held = new ArrayList<>();
    /** null while the scenario runs; then whether it passed. */
    private Boolean passed;

    private ScenarioExchanges() {
    }

    /** Opens the exchanges of a scenario that starts on this thread. */
    static void scenarioStarted() {
        CURRENT.set(new ScenarioExchanges());
    }

    /** Counts the held exchanges of this thread's scenario if it passed, and forgets them either way. */
    static void scenarioFinished(boolean passed) {
        ScenarioExchanges exchanges = CURRENT.get();
        CURRENT.remove();
        if (exchanges != null) {
            exchanges.close(passed);
        }
    }

    /** Counts an exchange once its scenario has passed; at once when no scenario runs on this thread. */
    static void record(Runnable counting) {
        ScenarioExchanges exchanges = CURRENT.get();
        if (exchanges == null) {
            counting.run();
        } else {
            exchanges.hold(counting);
        }
    }

    private synchronized void hold(Runnable counting) {
        if (passed == null) {
            held.add(counting);
        } else if (passed) {
            // a thread the scenario started, still calling after the scenario ended
            counting.run();
        }
    }

    private synchronized void close(boolean scenarioPassed) {
        passed = scenarioPassed;
        if (scenarioPassed) {
            held.forEach(Runnable::run);
        }
        held.clear();
    }
}
