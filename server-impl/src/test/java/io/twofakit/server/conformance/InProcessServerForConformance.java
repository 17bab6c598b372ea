package io.twofakit.server.conformance;

import io.twofakit.conformance.ConformanceConfig;
import io.twofakit.server.TwofaServer;
import io.twofakit.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Runs the conformance suite against this server, started in-process: when a test plan that contains
 * {@code ConformanceIT} is about to run and no base URL is given, starts {@link TwofaServer} on a free port
 * with a fresh H2 database and two API keys of two accounts, and points the suite at it through the system
 * properties {@code conformance.baseUrl}, {@code conformance.apiKey} and {@code conformance.secondApiKey}.
 * Stops it when the launcher session closes. Test plans without the suite (the unit tests) start nothing.
 *
 * <p>Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class InProcessServerForConformance implements LauncherSessionListener {

    static final String SUITE_CLASS = "io.twofakit.conformance.ConformanceIT";
    private static final Logger LOG = Logger.getLogger(InProcessServerForConformance.class.getName());

    private TwofaServer server;
    private Path dataDirectory;
    private final List<String> propertiesSet = new java.util.ArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        session.getLauncher().registerTestExecutionListeners(new TestExecutionListener() {
            @Override
            public void testPlanExecutionStarted(TestPlan testPlan) {
                if (server == null && containsSuite(testPlan) && !new ConformanceConfig().hasBaseUrl()) {
                    start();
                }
            }
        });
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    static boolean containsSuite(TestPlan testPlan) {
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier child : testPlan.getChildren(root)) {
                if (child.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                        .filter(source -> source.getClassName().equals(SUITE_CLASS)).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    private synchronized void start() {
        try {
            dataDirectory = Files.createTempDirectory("twofa-conformance-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String apiKey = randomKey();
        String secondApiKey = randomKey();
        Map<String, String> apiKeys = new LinkedHashMap<>();
        apiKeys.put(apiKey, "conformance-a");
        apiKeys.put(secondApiKey, "conformance-b");
        String databaseUrl = "jdbc:h2:file:" + dataDirectory.resolve("twofa").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        server = TwofaServer.start(new ServerConfig(0, databaseUrl, apiKeys, false, true));
        setProperty(ConformanceConfig.BASE_URL_PROPERTY, server.baseUri().toString());
        setProperty(ConformanceConfig.API_KEY_PROPERTY, apiKey);
        setProperty(ConformanceConfig.SECOND_API_KEY_PROPERTY, secondApiKey);
        LOG.info(() -> "Conformance suite runs against the in-process server at " + server.baseUri());
    }

    private synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } finally {
            server = null;
            propertiesSet.forEach(System::clearProperty);
            propertiesSet.clear();
            deleteRecursively(dataDirectory);
        }
    }

    private void setProperty(String name, String value) {
        System.setProperty(name, value);
        propertiesSet.add(name);
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete " + directory + ": " + e);
        }
    }
}
