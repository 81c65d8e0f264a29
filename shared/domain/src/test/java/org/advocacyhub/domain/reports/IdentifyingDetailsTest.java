package org.advocacyhub.domain.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text written for a council's return names no one (LLR 26.9, 27.6): what the rule recognises and what it lets through. */
class IdentifyingDetailsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Write to pat@example.org for the outcome                  | an email address
            The family in LE1 5WW complained about the wait            | a full postcode (the district alone, like LE1, is fine)
            Call back on 0116 496 0000 about the meeting               | a telephone or NHS number
            NHS number 943 476 5919 was given                          | a telephone or NHS number
            Met on 12/03/2026 with the ward                            | a full date (give the month, like 'in March')
            Born 3rd March 1950                                        | a full date (give the month, like 'in March')
            The meeting of 2026-11-03 overran                          | a full date (give the month, like 'in March')
            See LLR-2026-000123 for the notes                          | a case reference
            Mrs Jones felt unheard at the review                       | a title with a name
            """)
    void refusesWhatIdentifies(String text, String found) {
        assertEquals(List.of(found), IdentifyingDetails.in(text, List.of()));
    }

    @Test
    @DisplayName("a name the hub holds for the person, as a whole word in any case; not a word that merely contains it")
    void refusesTheirName() {
        assertEquals(List.of("the person's name"), IdentifyingDetails.in("ada was supported to attend", List.of("Ada Lovelace")));
        assertEquals(List.of("the person's name"), IdentifyingDetails.in("Support for Lovelace's review", List.of("Ada Lovelace")));
        assertEquals(List.of(), IdentifyingDetails.in("Adaptations were agreed", List.of("Ada Lovelace")));
    }

    @Test
    @DisplayName("what a summary says without identifying anyone passes: months, districts, hours, counts, years")
    void letsPlainSummariesThrough() {
        assertEquals(List.of(), IdentifyingDetails.in("In March a relative in the LE1 district complained that allocation took 5 working "
                + "days; 12 hours of support in 2026 and 1000 hours a year; resolved at stage 2 after a meeting in the hospital ward.",
                List.of()));
        assertEquals(List.of(), IdentifyingDetails.in(null, List.of("Ada")));
        assertEquals("Brief details must not identify anyone: it has an email address and a case reference",
                IdentifyingDetails.message("Brief details", List.of("an email address", "a case reference")));
    }
}
