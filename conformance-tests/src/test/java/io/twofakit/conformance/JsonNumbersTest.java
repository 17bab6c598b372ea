package io.twofakit.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.builder.ResponseBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.opentest4j.AssertionFailedError;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {

    @Test
    void aNumberBeyondIntIsReportedAsTheNumberItIs() {
        // Prism's made-up status: as an int it would read as 1
        Response prism = json("{\"status\":-9007199254740991,\"title\":\"Unauthorized\"}");

        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> JsonNumbers.assertNumberAt(401, "status", prism, () -> "the answer"));

        assertTrue(failure.getMessage().startsWith("expected status 401 but was -9007199254740991"), failure::getMessage);
    }

    @Test
    void equalNumbersPassWhateverTheirJsonSpelling() {
        assertDoesNotThrow(() -> JsonNumbers.assertNumberAt(401, "status", json("{\"status\":401}"), () -> ""));
        assertDoesNotThrow(() -> JsonNumbers.assertNumberAt(401, "status", json("{\"status\":401.0}"), () -> ""));
        assertDoesNotThrow(() -> JsonNumbers.assertNumberAt(3, "attemptCount", json("{\"attemptCount\":3}"), () -> ""));
    }

    @Test
    void aStringOrAMissingValueIsNoNumber() {
        AssertionFailedError string = assertThrows(AssertionFailedError.class,
                () -> JsonNumbers.assertNumberAt(401, "status", json("{\"status\":\"401\"}"), () -> ""));
        assertTrue(string.getMessage().contains("the string \"401\""), string::getMessage);

        AssertionFailedError missing = assertThrows(AssertionFailedError.class,
                () -> JsonNumbers.assertNumberAt(401, "status", json("{\"title\":\"Unauthorized\"}"), () -> ""));
        assertTrue(missing.getMessage().contains("absent"), missing::getMessage);
    }

    @Test
    void aNumberTooLargeForLongStaysWhole() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> JsonNumbers.assertNumberAt(409, "status", json("{\"status\":18446744073709552025}"), () -> ""));
        assertTrue(failure.getMessage().contains("18446744073709552025"), failure::getMessage);
    }

    private static Response json(String body) {
        return new ResponseBuilder().setStatusCode(401).setContentType(ContentType.JSON).setBody(body).build();
    }
}
