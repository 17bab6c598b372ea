package io.twofakit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConformanceConfigTest {

    @Test
    void systemPropertyWinsOverEnvironment() {
        ConformanceConfig config = new ConformanceConfig(
                Map.of("conformance.baseUrl", "http://from-property:1/")::get,
                Map.of("CONFORMANCE_BASE_URL", "http://from-env:2", "CONFORMANCE_API_KEY", "env-key")::get);
        assertEquals("http://from-property:1", config.baseUrl());
        assertEquals("env-key", config.apiKey());
        assertEquals(Optional.empty(), config.secondApiKey());
        assertTrue(config.hasBaseUrl());
    }

    @Test
    void missingBaseUrlTellsHowToGiveIt() {
        ConformanceConfig config = new ConformanceConfig(Map.<String, String>of()::get, Map.<String, String>of()::get);
        assertFalse(config.hasBaseUrl());
        IllegalStateException e = assertThrows(IllegalStateException.class, config::baseUrl);
        assertTrue(e.getMessage().contains("-Dconformance.baseUrl="), e.getMessage());
        assertTrue(e.getMessage().contains("CONFORMANCE_BASE_URL"), e.getMessage());
    }
}
