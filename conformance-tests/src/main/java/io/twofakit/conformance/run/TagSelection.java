package io.twofakit.conformance.run;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.util.List;
import java.util.function.Predicate;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * The scenarios a Cucumber tag expression selects, chosen when the test plan is made. Cucumber's own
 * {@code cucumber.filter.tags} leaves the other scenarios in the plan and reports them as skipped, so that JUnit
 * counted hundreds of skipped scenarios where the suite's closing line said none; this filter takes them out of the
 * plan, and every count (progress, JUnit XML, the suite's line) is of the same scenarios.
 *
 * <p>Applies to Cucumber's scenarios only ({@link #appliesTo} narrows that further); anything else passes.
 */
public class TagSelection implements PostDiscoveryFilter {

    private final String expression;
    private final Expression parsed;
    private final Predicate<TestDescriptor> appliesTo;

    TagSelection(String expression, Predicate<TestDescriptor> appliesTo) {
        this.expression = expression;
        this.appliesTo = appliesTo;
        try {
            this.parsed = TagExpressionParser.parse(expression);
        } catch (TagExpressionException e) {
            throw new IllegalArgumentException("Not a tag expression: \"" + expression + "\" (" + e.getMessage() + ")",
                    e);
        }
    }

    /**
     * The scenarios that {@code expression} selects, e.g. {@code not @destructive and not @clock}.
     *
     * @throws IllegalArgumentException when it is not a Cucumber tag expression
     */
    public static TagSelection of(String expression) {
        return new TagSelection(expression, descriptor -> true);
    }

    public String expression() {
        return expression;
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!isScenario(descriptor) || !appliesTo.test(descriptor)) {
            return FilterResult.included("not a scenario this selection is about");
        }
        List<String> tags = descriptor.getTags().stream().map(tag -> "@" + tag.getName()).toList();
        return parsed.evaluate(tags)
                ? FilterResult.included("its tags " + tags + " match " + expression)
                : FilterResult.excluded("its tags " + tags + " do not match " + expression);
    }

    /** A scenario, or one example of an outline: a test below a feature file. */
    static boolean isScenario(TestDescriptor descriptor) {
        return descriptor.isTest()
                && descriptor.getUniqueId().getSegments().stream().map(UniqueId.Segment::getType).anyMatch("feature"::equals);
    }
}
