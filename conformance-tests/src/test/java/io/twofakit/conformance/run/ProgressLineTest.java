package io.twofakit.conformance.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void aFailureIsShownByTheFirstLineOfItsReason() {
        assertEquals("expected status 401 but was 200 ...",
                ProgressLine.firstLine(new AssertionError("expected status 401 but was 200\n{\"body\":1}")));
        assertEquals("NullPointerException", ProgressLine.firstLine(new NullPointerException()));
        assertEquals("x".repeat(ProgressLine.MAX_REASON) + " ...",
                ProgressLine.firstLine(new AssertionError("x".repeat(ProgressLine.MAX_REASON + 50))));
    }
}
