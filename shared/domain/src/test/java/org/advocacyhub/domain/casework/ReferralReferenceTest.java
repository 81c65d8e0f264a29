package org.advocacyhub.domain.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requirements §3: a reference is {@code <CONTRACT>-<YYYY>-<6-digit sequence>}. */
class ReferralReferenceTest {

    @ParameterizedTest(name = "{0} {1} {2} is {3}")
    @CsvSource({"LLR, 2026, 1, LLR-2026-000001", "LLR, 2026, 42, LLR-2026-000042", "LEW, 2027, 123456, LEW-2027-123456",
        "DERBY, 2030, 999999, DERBY-2030-999999", "ABCDEFGHIJ, 2000, 7010, ABCDEFGHIJ-2000-007010"})
    @DisplayName("the sequence is written in six digits, and the text reads back as the same reference")
    void sixDigits(String contract, int year, long sequence, String text) {
        ReferralReference reference = new ReferralReference(contract, year, sequence);
        assertEquals(text, reference.value());
        assertEquals(text, reference.toString());
        assertEquals(Optional.of(reference), ReferralReference.parse(text));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"L, 2026, 1", "llr, 2026, 1", "ABCDEFGHIJK, 2026, 1", "LLR, 1999, 1", "LLR, 2026, 0", "LLR, 2026, 1000000"})
    @DisplayName("a contract of other than 2 to 10 capitals, a year out of range or a sequence beyond six digits is refused")
    void refused(String contract, int year, long sequence) {
        assertThrows(IllegalArgumentException.class, () -> new ReferralReference(contract, year, sequence));
    }

    @Test
    @DisplayName("text that is not a reference reads as none")
    void notAReference() {
        assertTrue(ReferralReference.parse("LLR-2026-42").isEmpty());
        assertTrue(ReferralReference.parse("LLR-2026-000000").isEmpty());
        assertTrue(ReferralReference.parse(null).isEmpty());
    }
}
