package io.twofakit.conformance.run;

import io.twofakit.conformance.ConformanceIT;
import java.util.Optional;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * The Maven route's selection: when the suite runs as {@link ConformanceIT} (failsafe) with
 * {@code -Dcucumber.filter.tags=EXPR}, the scenarios that do not match are taken out of the plan (see
 * {@link TagSelection}), instead of being counted as skipped. Other test plans are left alone, in particular runs
 * that select features themselves.
 *
 * <p>Registered in {@code META-INF/services/org.junit.platform.launcher.PostDiscoveryFilter}: the JUnit Platform
 * applies it to every test plan of a JVM that has this jar on its class path.
 */
public final class SuiteTagSelection implements PostDiscoveryFilter {

    static final String TAGS_PROPERTY = "cucumber.filter.tags";

    private final Optional<TagSelection> selection;

    public SuiteTagSelection() {
        this(Optional.ofNullable(System.getProperty(TAGS_PROPERTY)).filter(tags -> !tags.isBlank()));
    }

    SuiteTagSelection(Optional<String> expression) {
        this.selection = expression.map(tags -> new TagSelection(tags, SuiteTagSelection::inSuite));
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        return selection.map(tags -> tags.apply(descriptor))
                .orElseGet(() -> FilterResult.included("no " + TAGS_PROPERTY + " given"));
    }

    /** Whether a descriptor belongs to the suite class {@link ConformanceIT}. */
    static boolean inSuite(TestDescriptor descriptor) {
        return descriptor.getUniqueId().getSegments().stream()
                .anyMatch(segment -> isSuite(segment) && segment.getValue().equals(ConformanceIT.class.getName()));
    }

    private static boolean isSuite(UniqueId.Segment segment) {
        return segment.getType().equals("suite");
    }
}
