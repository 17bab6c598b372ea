package io.twofakit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * When the sandbox starts and stops its server: the sample classes below run through the JUnit Platform as a
 * user's tests would, and note the base URL each test saw. (Surefire leaves nested classes alone.)
 */
class SandboxLifecycleTest {

    static final List<String> SEEN = new ArrayList<>();
    static final List<Duration> START_UPS = new ArrayList<>();

    @Test
    void aStaticSandboxServesEveryTestOfTheClassAndItsNestedClassesThenStops() throws Exception {
        TestExecutionSummary summary = run(PerClass.class);

        assertEquals(3, summary.getTestsSucceededCount(), () -> failures(summary));
        assertEquals(1, SEEN.stream().distinct().count(), SEEN::toString);
        assertStopped(SEEN.get(0));
        System.out.println("Sandbox start-up per class: " + START_UPS.get(0).toMillis() + " ms");
    }

    @Test
    void aSandboxPerTestStartsAFreshServerForEachTest() throws Exception {
        TestExecutionSummary summary = run(PerTest.class);

        assertEquals(2, summary.getTestsSucceededCount(), () -> failures(summary));
        assertNotEquals(SEEN.get(0), SEEN.get(1));
        for (String baseUrl : SEEN) {
            assertStopped(baseUrl);
        }
        System.out.println("Sandbox start-up per test: " + START_UPS.stream().map(Duration::toMillis).toList() + " ms");
    }

    private static TestExecutionSummary run(Class<?> sample) {
        SEEN.clear();
        START_UPS.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample))
                .build(), listener);
        return listener.getSummary();
    }

    private static void assertStopped(String baseUrl) {
        assertThrows(ConnectException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build(), HttpResponse.BodyHandlers.discarding()));
    }

    private static String failures(TestExecutionSummary summary) {
        StringBuilder text = new StringBuilder();
        summary.getFailures().forEach(failure -> text.append(failure.getTestIdentifier().getDisplayName())
                .append(": ").append(failure.getException()).append('\n'));
        return text.toString();
    }

    /** Notes what a test saw, after checking that the server answers it. */
    static void note(TwofaSandbox sandbox) throws IOException, InterruptedException {
        assertEquals(200, new TestApi(sandbox.baseUrl(), sandbox.apiKey()).get("/2fa/v4/templates").status());
        SEEN.add(sandbox.baseUrl());
        START_UPS.add(sandbox.startUpTime());
    }

    static class PerClass {
        @RegisterExtension
        static TwofaSandbox sandbox = TwofaSandbox.create();

        @Test
        void one() throws Exception {
            note(sandbox);
        }

        @Test
        void two() throws Exception {
            note(sandbox);
        }

        @Nested
        class Inner {
            @Test
            void three() throws Exception {
                note(sandbox);
            }
        }
    }

    static class PerTest {
        @RegisterExtension
        static TwofaSandbox sandbox = TwofaSandbox.create().perTest();

        @Test
        void one() throws Exception {
            note(sandbox);
        }

        @Test
        void two() throws Exception {
            note(sandbox);
        }
    }
}
