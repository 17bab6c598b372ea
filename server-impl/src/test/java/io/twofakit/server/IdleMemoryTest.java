package io.twofakit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server asks G1 to give memory back after an idle spell, and leaves a setting made before it alone. */
class IdleMemoryTest {

    @Test
    void setsThePeriodicCollectionOnceAndKeepsASettingMadeBefore() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assertEquals(VMOption.Origin.DEFAULT, vm.getVMOption(IdleMemory.FLAG).getOrigin(),
                "this test needs a JVM started without " + IdleMemory.FLAG);

        assertTrue(IdleMemory.returnAfter(Duration.ofSeconds(90)));
        assertEquals("90000", vm.getVMOption(IdleMemory.FLAG).getValue());

        assertFalse(IdleMemory.returnAfter(Duration.ofSeconds(5)), "a value set before is kept");
        assertEquals("90000", vm.getVMOption(IdleMemory.FLAG).getValue());
    }
}
