package io.twofakit.server.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import io.twofakit.conformance.ConformanceConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs some features of the conformance suite against a base URL, in this JVM, and returns the summary. */
public final class SuiteRun {

    private SuiteRun() {
    }

    public static TestExecutionSummary against(URI baseUrl, String apiKey, String secondApiKey, List<String> features) {
        return against(baseUrl, apiKey, secondApiKey, features, null);
    }

    /** The same, only the scenarios that {@code tags} (a Cucumber tag expression) selects; all when null. */
    public static TestExecutionSummary against(URI baseUrl, String apiKey, String secondApiKey, List<String> features,
                                               String tags) {
        List<String> set = new ArrayList<>();
        try {
            set(ConformanceConfig.BASE_URL_PROPERTY, baseUrl.toString(), set);
            set(ConformanceConfig.API_KEY_PROPERTY, apiKey, set);
            set(ConformanceConfig.SECOND_API_KEY_PROPERTY, secondApiKey, set);
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    // Cucumber settings of the outer run (e.g. -Dcucumber.filter.tags) must not narrow these runs.
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameter("cucumber.glue", "io.twofakit.conformance.steps")
                    .configurationParameter("cucumber.publish.quiet", "true")
                    .configurationParameter("cucumber.plugin", "summary");
            if (tags != null) {
                request.configurationParameter("cucumber.filter.tags", tags);
            }
            features.forEach(feature -> request.selectors(selectClasspathResource("features/" + feature)));
            LauncherDiscoveryRequest discovery = request.build();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(discovery, listener);
            return listener.getSummary();
        } finally {
            set.forEach(System::clearProperty);
        }
    }

    private static void set(String name, String value, List<String> set) {
        System.setProperty(name, value);
        set.add(name);
    }
}
