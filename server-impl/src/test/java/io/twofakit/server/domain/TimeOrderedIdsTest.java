package io.twofakit.server.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void carryTheirMillisecondVersionSevenAndTheStandardVariant() {
        long millis = 1_795_000_000_123L;

        UUID id = TimeOrderedIds.at(millis);

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void sortByTheirTimeAsTheDatabasesCompareThem() {
        UUID earlier = TimeOrderedIds.at(1_795_000_000_123L);
        UUID later = TimeOrderedIds.at(1_795_000_000_124L);

        // H2 and PostgreSQL order uuid columns by their bytes, as unsigned numbers; the text form sorts the same
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(1_795_000_000_123L));
        }
        assertEquals(10_000, ids.size());
    }
}
