package io.twofakit.server.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiKeyFilterTest {

    @Test
    void guardsEveryPathOfTheApi() {
        assertTrue(ApiKeyFilter.isGuarded("2fa/v4/otp"));
        assertTrue(ApiKeyFilter.isGuarded("/2fa/v4/templates/sms"));
        assertTrue(ApiKeyFilter.isGuarded("//2fa//v4/profiles"));
        assertTrue(ApiKeyFilter.isGuarded("2fa/v4"));
        assertTrue(ApiKeyFilter.isGuarded("2fa/v4/"));
    }

    @Test
    void guardsEveryControlOfTheSimulator() {
        assertTrue(ApiKeyFilter.isGuarded("simulator/messages"));
        assertTrue(ApiKeyFilter.isGuarded("/simulator/clock"));
        assertTrue(ApiKeyFilter.isGuarded("simulator//webhooks/"));
        assertTrue(ApiKeyFilter.isGuarded("simulator/anything-added-later"));
    }

    @Test
    void matrixParametersDoNotOpenAGuardedPath() {
        // Jersey ignores matrix parameters when it matches a resource: /simulator;x=1/messages is the messages
        assertTrue(ApiKeyFilter.isGuarded("simulator;x=1/messages"));
        assertTrue(ApiKeyFilter.isGuarded("2fa;a=b/v4;c=d/otp"));
    }

    @Test
    void leavesOtherPathsOpen() {
        assertFalse(ApiKeyFilter.isGuarded("health"));
        assertFalse(ApiKeyFilter.isGuarded("/health"));
        assertFalse(ApiKeyFilter.isGuarded(""));
        assertFalse(ApiKeyFilter.isGuarded("2fa/v40"));
        assertFalse(ApiKeyFilter.isGuarded("simulator"), "the page holds no data");
        assertFalse(ApiKeyFilter.isGuarded("/simulator/"), "the page holds no data");
    }
}
