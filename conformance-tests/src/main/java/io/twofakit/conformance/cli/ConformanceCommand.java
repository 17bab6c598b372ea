package io.twofakit.conformance.cli;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.JUNIT_PLATFORM_SHORT_NAMING_STRATEGY_EXAMPLE_NAME_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.twofakit.conformance.ConformanceConfig;
import io.twofakit.conformance.coverage.ConformanceReportPlugin;
import io.twofakit.conformance.run.ProgressLine;
import io.twofakit.conformance.run.TagSelection;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar twofa-conformance.jar}: the conformance suite against a running server, without Maven or this
 * source tree. Checks the target first (exit 2 when it cannot be reached or refuses the key), prints a line per
 * scenario, writes the reports to the report folder and ends with the verdict: exit 0 when every scenario passed,
 * 1 when any failed, 2 for bad usage.
 *
 * <p>Against someone else's deployment it is careful by default: scenarios that change an account for good
 * ({@code @destructive}) or move the account's clock ({@code @clock}) run only when asked for.
 */
@Command(name = "java -jar twofa-conformance.jar",
        description = "Checks a running server against the tyntec 2FA API v4 contract: every exchange is validated"
                + " against the contract, and the scenarios check the API's behaviour. Scenarios that change an account"
                + " for good (@destructive) or move the account's clock (@clock) run only when asked for.%n",
        sortOptions = false,
        usageHelpWidth = 110,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every scenario passed",
            "1:a scenario failed, or none passed",
            "2:bad usage, or the target cannot be reached or refuses the API key"})
public final class ConformanceCommand implements Callable<Integer> {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** Scenarios left out unless asked for: they change the target's account for good, or move its clock. */
    static final String DESTRUCTIVE = "@destructive";
    static final String CLOCK = "@clock";

    static final String HTML_REPORT = "cucumber.html";
    static final String JUNIT_REPORT = "cucumber.xml";
    static final String COVERAGE_REPORT = "conformance-coverage.md";

    @Spec
    private CommandSpec spec;

    @Option(names = "--base-url", required = true, paramLabel = "URL",
            description = "Base URL of the server under test, e.g. https://otp.example.com")
    private String baseUrl;

    @Option(names = "--api-key", required = true, paramLabel = "KEY", description = "An API key the server accepts")
    private String apiKey;

    @Option(names = "--second-api-key", paramLabel = "KEY",
            description = "A key of another account: runs the scenarios that check one account never sees another's"
                    + " data (@second-account, skipped without it)")
    private String secondApiKey;

    @Option(names = "--callback-url", paramLabel = "URL",
            description = "Where the server reaches this run's webhook receiver, e.g. http://tester.example.com:8099"
                    + " (it listens on that port); by default a free port of 127.0.0.1")
    private String callbackUrl;

    @Option(names = "--tags", paramLabel = "EXPR",
            description = "Only the scenarios this Cucumber tag expression selects, e.g. \"@contract\" or"
                    + " \"not @simulator and not @extension\"")
    private String tags;

    @Option(names = "--destructive",
            description = "Also run the scenarios that change the account for good (@destructive)")
    private boolean destructive;

    @Option(names = "--move-clock",
            description = "Also run the scenarios that move the account's clock forward (@clock; needs the simulator)")
    private boolean moveClock;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "conformance-report",
            description = "Folder for the reports: " + HTML_REPORT + ", " + JUNIT_REPORT + " (JUnit XML), "
                    + COVERAGE_REPORT + " (default: ${DEFAULT-VALUE})")
    private Path reportDir;

    @Option(names = "--request-timeout", paramLabel = "SECONDS",
            defaultValue = "" + ConformanceConfig.DEFAULT_REQUEST_TIMEOUT_SECONDS,
            description = "How long one request may take to connect, and to read each part of the answer"
                    + " (default: ${DEFAULT-VALUE})")
    private int requestTimeoutSeconds;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print this help and exit")
    private boolean help;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command as {@link #main} does, answering the exit status instead of exiting. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ConformanceCommand command = new ConformanceCommand();
        command.out = out;
        command.err = err;
        return new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((problem, given) -> {
                    err.println(problem.getMessage());
                    err.print(problem.getCommandLine().getHelp().synopsis(0));
                    err.println("(--help lists the options)");
                    return USAGE;
                })
                .execute(args);
    }

    @Override
    public Integer call() {
        URI target = httpUrl(baseUrl, "--base-url");
        Optional<URI> callback = Optional.ofNullable(callbackUrl).map(url -> httpUrl(url, "--callback-url"));
        callback.filter(url -> url.getPort() < 0).ifPresent(url -> {
            throw new ParameterException(spec.commandLine(), "--callback-url needs a port: " + url);
        });
        if (requestTimeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--request-timeout is at least 1 second");
        }
        TagSelection selection;
        try {
            selection = TagSelection.of(tagExpression());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--tags: " + e.getMessage());
        }

        Path reports = reportDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(reports);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--report-dir: cannot create the folder " + reports
                    + " (" + e + ")");
        }

        Duration timeout = Duration.ofSeconds(requestTimeoutSeconds);
        TargetCheck check = new TargetCheck(timeout);
        Optional<String> problem = check.problem(target, apiKey, "--api-key")
                .or(() -> Optional.ofNullable(secondApiKey).flatMap(key -> check.problem(target, key, "--second-api-key")));
        if (problem.isPresent()) {
            err.println(problem.get());
            return USAGE;
        }

        configureSuite(target, callback, timeout);
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(discovery(selection, reports));
        long scenarios = plan.countTestIdentifiers(TestIdentifier::isTest);
        if (scenarios == 0) {
            err.println("No scenario matches the tags " + selection.expression());
            return USAGE;
        }
        out.println("twofa-conformance: " + scenarios + " scenarios against " + target + ", tags: "
                + (selection.expression().isEmpty() ? "every scenario" : selection.expression()));

        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(plan, new ProgressLine(out), summary);
        return verdict(summary.getSummary(), reports);
    }

    /** The tags given, narrowed by what is left out unless asked for. */
    String tagExpression() {
        List<String> parts = new ArrayList<>();
        Optional.ofNullable(tags).filter(expression -> !expression.isBlank())
                .ifPresent(expression -> parts.add("(" + expression.strip() + ")"));
        if (!destructive) {
            parts.add("not " + DESTRUCTIVE);
        }
        if (!moveClock) {
            parts.add("not " + CLOCK);
        }
        return parts.isEmpty() ? "" : String.join(" and ", parts);
    }

    /** The suite's steps read where the target is from system properties (see {@link ConformanceConfig}). */
    private void configureSuite(URI target, Optional<URI> callback, Duration timeout) {
        System.setProperty(ConformanceConfig.BASE_URL_PROPERTY, target.toString());
        System.setProperty(ConformanceConfig.API_KEY_PROPERTY, apiKey);
        Optional.ofNullable(secondApiKey)
                .ifPresent(key -> System.setProperty(ConformanceConfig.SECOND_API_KEY_PROPERTY, key));
        callback.ifPresent(url -> System.setProperty(ConformanceConfig.CALLBACK_URL_PROPERTY, url.toString()));
        System.setProperty(ConformanceConfig.REQUEST_TIMEOUT_PROPERTY, Long.toString(timeout.toSeconds()));
    }

    private static LauncherDiscoveryRequest discovery(TagSelection selection, Path reports) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("features"))
                .filters(EngineFilter.includeEngines("cucumber"), selection)
                // settings of the machine (junit-platform.properties, -Dcucumber.*) do not change what is run
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(GLUE_PROPERTY_NAME, "io.twofakit.conformance.steps")
                .configurationParameter(PLUGIN_PROPERTY_NAME, String.join(",",
                        "html:" + reports.resolve(HTML_REPORT),
                        "junit:" + reports.resolve(JUNIT_REPORT),
                        ConformanceReportPlugin.class.getName() + ":" + reports.resolve(COVERAGE_REPORT)))
                .configurationParameter(PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, "true")
                // a scenario's own name, an example's with its values: ProgressLine puts the feature's before it
                .configurationParameter(JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME, "short")
                .configurationParameter(JUNIT_PLATFORM_SHORT_NAMING_STRATEGY_EXAMPLE_NAME_PROPERTY_NAME,
                        "number-and-pickle-if-parameterized")
                .build();
    }

    private int verdict(TestExecutionSummary summary, Path reports) {
        long failed = summary.getTestsFailedCount();
        long passed = summary.getTestsSucceededCount();
        long skipped = summary.getTestsAbortedCount() + summary.getTestsSkippedCount();
        out.println("Reports: " + reports.resolve(HTML_REPORT) + ", " + reports.resolve(JUNIT_REPORT) + " (JUnit XML), "
                + reports.resolve(COVERAGE_REPORT));
        if (failed > 0) {
            out.println("Verdict: FAILED, " + failed + " of " + summary.getTestsFoundCount() + " scenarios failed ("
                    + passed + " passed, " + skipped + " skipped)");
            return FAILED;
        }
        if (passed == 0) {
            out.println("Verdict: FAILED, no scenario passed (" + skipped + " skipped)");
            return FAILED;
        }
        out.println("Verdict: PASSED, " + passed + " of " + summary.getTestsFoundCount() + " scenarios passed ("
                + skipped + " skipped)");
        return PASSED;
    }

    private URI httpUrl(String text, String option) {
        try {
            URI url = new URI(text.strip());
            String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
                    && url.getRawQuery() == null && url.getRawFragment() == null) {
                return URI.create(url.toString().replaceAll("/+$", ""));
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw new ParameterException(spec.commandLine(),
                option + " takes an http:// or https:// URL with a host, e.g. http://127.0.0.1:8080: " + text);
    }
}
