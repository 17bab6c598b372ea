package io.twofakit.server.conformance;

import io.twofakit.conformance.ConformanceConfig;
import io.twofakit.server.InProcessServer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Runs the conformance suite against this server, started in-process: when a test plan that contains
 * {@code ConformanceIT} is about to run and no base URL is given, starts the server ({@link InProcessServer}) on a
 * free port with a fresh H2 database in memory and two API keys of two accounts, and points the suite at it through
 * the system properties {@code conformance.baseUrl}, {@code conformance.apiKey} and {@code conformance.secondApiKey}.
 * Stops it when the launcher session closes. Test plans without the suite (the unit tests) start nothing.
 *
 * <p>Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class InProcessServerForConformance implements LauncherSessionListener {

    static final String SUITE_CLASS = "io.twofakit.conformance.ConformanceIT";
    private static final Logger LOG = Logger.getLogger(InProcessServerForConformance.class.getName());

    private InProcessServer server;
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
        String apiKey = randomKey();
        String secondApiKey = randomKey();
        server = InProcessServer.withApiKey(apiKey, "conformance-a").apiKey(secondApiKey, "conformance-b").start();
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
            server.close();
        } finally {
            server = null;
            propertiesSet.forEach(System::clearProperty);
            propertiesSet.clear();
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
}
