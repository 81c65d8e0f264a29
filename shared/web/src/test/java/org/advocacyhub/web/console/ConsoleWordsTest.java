package org.advocacyhub.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 21: the hub's own records as staff read them on a page. */
class ConsoleWordsTest {

    private final ConsoleWords words = new ConsoleWords(Map.of("ira-imca", "Ira Imca", "morgan-manager", "Morgan Manager"),
            Map.of("first-contact", "contact the person"), Map.of("ELIGIBLE", "Eligible"),
            Map.of("LEICESTER", "Leicester City Council", "DERBY", "Derby City Council"));

    @Test
    void timesAndDatesAreLondonLocalTimeInUkForm() {
        assertEquals("Clock “Contact the person” started: contact the person by Tue 24 Nov 2026, 17:00 (LLR 9.38b)",
                words.of("Clock 'first-contact' started: contact the person by 2026-11-24T17:00:00Z (LLR 9.38b)"));
        // Summer time, and the nanoseconds a record keeps.
        assertEquals("stopped Wed 16 Jun 2027, 17:00", words.of("stopped 2027-06-16T16:00:00.123456789Z"));
        assertEquals("45 min direct, on Mon 23 Nov 2026", words.of("45 min direct, on 2026-11-23"));
    }

    @Test
    void staffCodesAndClocksByTheirNamesButAContractsClausesAsTheyAre() {
        assertEquals("allocated the case to Ira Imca", words.of("allocated the case to ira-imca"));
        assertEquals("Screened: Eligible (LLR 5.52, DERBY 3.3.1)", words.of("Screened: ELIGIBLE (LLR 5.52, DERBY 3.3.1)"));
        assertEquals("a well-known 'other' thing", words.of("a well-known 'other' thing"), "only known ids and clocks change");
        assertEquals("Leicester City Council", words.authority("LEICESTER"));
        assertEquals("Morgan Manager", words.staff("morgan-manager"));
        assertEquals("A sign-in not in the staff directory", words.staff("login:abc-123"));
        assertEquals("A member of staff no longer in the directory", words.staff("someone-gone"));
        assertEquals("The daily retention run", words.staff("retention"), "issue 22: the run that anonymises is no one on the staff");
        assertEquals("Not eligible", words.code("NOT_ELIGIBLE"));
    }
}
