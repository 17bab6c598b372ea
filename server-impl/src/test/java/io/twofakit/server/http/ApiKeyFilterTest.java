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
    void leavesOtherPathsOpen() {
        assertFalse(ApiKeyFilter.isGuarded("health"));
        assertFalse(ApiKeyFilter.isGuarded("/health"));
        assertFalse(ApiKeyFilter.isGuarded(""));
        assertFalse(ApiKeyFilter.isGuarded("2fa/v40"));
    }
}
