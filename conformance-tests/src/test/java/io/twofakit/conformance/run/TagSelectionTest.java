package io.twofakit.conformance.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twofakit.conformance.ConformanceIT;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

class TagSelectionTest {

    private static final UniqueId CUCUMBER = UniqueId.forEngine("cucumber");
    private static final UniqueId IN_SUITE = UniqueId.forEngine("junit-platform-suite")
            .append("suite", ConformanceIT.class.getName()).append("engine", "cucumber");

    @Test
    void aScenarioIsSelectedByItsTags() {
        TagSelection safe = TagSelection.of("not @destructive and not @clock");

        assertTrue(safe.apply(scenario(CUCUMBER, "simulator")).included());
        assertFalse(safe.apply(scenario(CUCUMBER, "simulator", "clock")).included());
        assertFalse(safe.apply(scenario(CUCUMBER, "destructive")).included());
        assertTrue(TagSelection.of("@contract").apply(scenario(CUCUMBER, "contract")).included());
        assertFalse(TagSelection.of("@contract").apply(scenario(CUCUMBER)).included());
    }

    @Test
    void whatIsNoScenarioPasses() {
        TestDescriptor feature = new Descriptor(CUCUMBER.append("feature", "classpath:features/x.feature"),
                TestDescriptor.Type.CONTAINER, Set.of());
        TestDescriptor jupiterTest = new Descriptor(UniqueId.forEngine("junit-jupiter").append("method", "m()"),
                TestDescriptor.Type.TEST, Set.of());

        assertTrue(TagSelection.of("@contract").apply(feature).included());
        assertTrue(TagSelection.of("@contract").apply(jupiterTest).included());
    }

    @Test
    void anExpressionCucumberCannotReadIsRefusedWithItsReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TagSelection.of("not and @x"));
        assertTrue(refused.getMessage().contains("not and @x"), refused::getMessage);
    }

    @Test
    void theMavenRouteSelectsWithinTheSuiteClassOnly() {
        SuiteTagSelection contractOnly = new SuiteTagSelection(Optional.of("@contract"));

        assertFalse(contractOnly.apply(scenario(IN_SUITE, "simulator")).included());
        assertTrue(contractOnly.apply(scenario(IN_SUITE, "contract")).included());
        assertTrue(contractOnly.apply(scenario(CUCUMBER, "simulator")).included(),
                "a run that selects features itself is left alone");
        assertTrue(new SuiteTagSelection(Optional.empty()).apply(scenario(IN_SUITE, "simulator")).included());
    }

    private static TestDescriptor scenario(UniqueId engine, String... tags) {
        UniqueId id = engine.append("feature", "classpath:features/x.feature").append("scenario", "12");
        return new Descriptor(id, TestDescriptor.Type.TEST,
                Arrays.stream(tags).map(TestTag::create).collect(Collectors.toSet()));
    }

    private static final class Descriptor extends AbstractTestDescriptor {
        private final Type type;
        private final Set<TestTag> tags;

        Descriptor(UniqueId id, Type type, Set<TestTag> tags) {
            super(id, id.getLastSegment().getValue());
            this.type = type;
            this.tags = tags;
        }

        @Override
        public Type getType() {
            return type;
        }

        @Override
        public Set<TestTag> getTags() {
            return tags;
        }
    }
}
