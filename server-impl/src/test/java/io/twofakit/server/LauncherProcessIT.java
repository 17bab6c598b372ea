package io.twofakit.server;

import io.twofakit.server.process.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher that the README runs ({@code server-impl/target/twofa-server}): it starts the jar with the class
 * archive the build made for it and a heap of 256 MiB, and lets TWOFA_JAVA_OPTS override its JVM options.
 */
class LauncherProcessIT {

    private static final String KEY = "key-of-the-launcher-test";
    private static final Pattern HEAP_POOL_MAX = Pattern.compile(
            "^jvm_memory_max_bytes\\{area=\"heap\",id=\"([^\"]+)\"} (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path folder;

    private static Path log(String name) {
        return Path.of("target", "logs", "process-" + name + ".log").toAbsolutePath();
    }

    @Test
    void theLauncherStartsTheServerWithTheBuildsClassArchiveAndA256MiBHeap() throws IOException {
        Path log = log("launcher");
        Files.deleteIfExists(log);
        // -Xshare:on: the JVM refuses to start unless it maps the class archive (-Xshare:auto would go on without)
        try (ServerProcess server = ServerProcess.startWithLauncher(folder, log,
                Map.of("TWOFA_JAVA_OPTS", "-Xshare:on"), List.of("--port", "0", "--api-key", KEY + "=launched"))) {
            OtpTestApi api = new OtpTestApi(server.baseUri());
            assertEquals(200, api.send(KEY, "GET", "2fa/v4/templates/sms", null).statusCode());
            Map<String, Long> heap = heapPools(api);
            assertTrue(heap.containsKey("Tenured Gen"), "the serial collector's pools: " + heap);
            assertEquals(256L << 20, reserved(heap), "the launcher's -Xmx256m: " + heap);
        }
    }

    @Test
    void javaOptionsInTheEnvironmentComeAfterTheLaunchersAndWin() throws IOException {
        Path log = log("launcher-options");
        Files.deleteIfExists(log);
        try (ServerProcess server = ServerProcess.startWithLauncher(folder, log,
                // two options: the launcher splits them (as one argument, the JVM would refuse "-Xmx300m -D...")
                Map.of("TWOFA_JAVA_OPTS", "-Xmx300m -Dtwofa.launcher.test=yes"),
                List.of("--port", "0", "--api-key", KEY + "=launched"))) {
            Map<String, Long> heap = heapPools(new OtpTestApi(server.baseUri()));
            assertEquals(300L << 20, reserved(heap), heap::toString);
        }
    }

    /** The heap's pools and their limits, as the server's metrics say them. */
    private static Map<String, Long> heapPools(OtpTestApi api) {
        HttpResponse<String> metrics = api.send(KEY, "GET", "metrics", null);
        assertEquals(200, metrics.statusCode());
        Map<String, Long> pools = new TreeMap<>();
        Matcher pool = HEAP_POOL_MAX.matcher(metrics.body());
        while (pool.find()) {
            pools.put(pool.group(1), (long) Double.parseDouble(pool.group(2)));
        }
        assertFalse(pools.isEmpty(), "no heap pool in the metrics");
        return pools;
    }

    /**
     * The heap that -Xmx reserves, from the serial collector's pools: the JVM counts one survivor space in the
     * young generation's limit, and the young generation has two.
     */
    private static long reserved(Map<String, Long> pools) {
        return pools.values().stream().mapToLong(Long::longValue).sum() + pools.getOrDefault("Survivor Space", 0L);
    }
}
