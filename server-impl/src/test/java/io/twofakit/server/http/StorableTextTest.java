package io.twofakit.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void textOfEveryScriptAndCharactersOutsideTheBasicPlaneAreStorable() {
        for (String text : new String[] {"", "plain", "Grüße", "\u202Eabc", "a\u0001b", "\uD83D\uDE00 emoji", "漢字"}) {
            assertTrue(StorableText.storable(text), text);
        }
    }

    @Test
    void theCharacterU0000IsNot() {
        assertEquals(Optional.of(StorableText.NUL_MESSAGE), StorableText.problem("ab\u0000cd"));
        assertEquals(Optional.of(StorableText.NUL_MESSAGE), StorableText.problem("\u0000"));
    }

    @Test
    void aSurrogateWithoutItsPartnerIsNot() {
        assertEquals(Optional.of(StorableText.SURROGATE_MESSAGE), StorableText.problem("ab\uD83D"));
        assertEquals(Optional.of(StorableText.SURROGATE_MESSAGE), StorableText.problem("\uDE00ab"));
        assertEquals(Optional.of(StorableText.SURROGATE_MESSAGE), StorableText.problem("\uDE00\uD83D"));
    }
}
