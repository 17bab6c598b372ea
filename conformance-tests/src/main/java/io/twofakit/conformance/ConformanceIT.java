package io.twofakit.conformance;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The conformance suite: every scenario under {@code features/} (packaged from the project's top-level
 * {@code features} folder), run against the server at {@link ConformanceConfig#baseUrl()}.
 *
 * <p>Run it with {@code ./mvnw -pl conformance-tests -am verify -Dconformance.baseUrl=URL -Dconformance.apiKey=KEY},
 * or without Maven as {@code java -jar twofa-conformance.jar} ({@link io.twofakit.conformance.cli.ConformanceCommand}).
 * Reports are written to {@code target/cucumber-reports/} of the module that runs the suite. Each scenario prints
 * one line of progress ({@link io.twofakit.conformance.run.SuiteProgressLine}); {@code -Dcucumber.filter.tags}
 * takes the scenarios it does not select out of the run ({@link io.twofakit.conformance.run.SuiteTagSelection}).
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.twofakit.conformance.steps")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "html:target/cucumber-reports/cucumber.html,"
        + " junit:target/cucumber-reports/cucumber.xml,"
        + " io.twofakit.conformance.coverage.ConformanceReportPlugin:target/cucumber-reports/conformance-coverage.md")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
@ConfigurationParameter(key = JUNIT_PLATFORM_NAMING_STRATEGY_PROPERTY_NAME, value = "long")
public class ConformanceIT {
}
