package io.twofakit.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Gives the memory that a load made the JVM take back to the system once the server is idle. G1, the JVM's collector
 * on a machine like a developer's, grows the heap under a heavy load (up to a quarter of the machine's memory) and, in
 * Java 17, gives memory back only at the end of a concurrent cycle or after a full collection, which a server whose
 * load has stopped never runs by itself: it would keep a gigabyte and more for good. G1's periodic collection (JEP 346,
 * the manageable flag {@code G1PeriodicGCInterval}) runs a concurrent cycle once no collection has happened for the
 * interval, after which G1 uncommits what the heap does not need (as {@code MaxHeapFreeRatio} says). Under load young
 * collections keep happening and the periodic one never starts, so it costs nothing then.
 */
final class IdleMemory {

    /** How long the server is idle (no collection at all) before the memory is given back. */
    static final Duration AFTER = Duration.ofMinutes(1);
    static final String FLAG = "G1PeriodicGCInterval";

    private IdleMemory() {
    }

    /**
     * Sets G1's periodic collection to {@code idle}, unless the flag was given on the command line (the operator's
     * choice is kept) or the JVM has no such flag.
     *
     * @return whether the interval was set here
     */
    static boolean returnAfter(Duration idle) {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm == null) {
            return false;
        }
        try {
            VMOption option = vm.getVMOption(FLAG);
            if (option.getOrigin() != VMOption.Origin.DEFAULT) {
                return false;
            }
            vm.setVMOption(FLAG, Long.toString(idle.toMillis()));
            return true;
        } catch (IllegalArgumentException e) {
            // a JVM without G1's flags
            return false;
        }
    }
}
