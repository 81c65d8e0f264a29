package org.advocacyhub.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.advocacyhub.domain.testing.London;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElapsedHoursTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @ParameterizedTest(name = "{0}: {1} hours from {2} ⇒ due {3} (London)")
    @CsvSource({
        "LEW 8.4 contact within 72 hours of acceptance,          72, 2026-12-24T20:00, 2026-12-27T20:00",
        "LEW 8.4 across the October change (one hour earlier),   72, 2026-10-23T12:00, 2026-10-26T11:00",
        "DERBY 3.3.1 standard response within 24 hours,          24, 2026-11-21T15:00, 2026-11-22T15:00",
        "DERBY 3.3.1 across the March change (one hour later),   24, 2026-03-28T12:00, 2026-03-29T13:00",
        "DERBY 3.3.1 urgent response within 1 hour,               1, 2026-12-25T19:30, 2026-12-25T20:30",
        "LEW 8.4 across 29 February 2028,                        72, 2028-02-27T09:00, 2028-03-01T09:00"
    })
    void plainElapsedHours(String clause, int hours, String start, String due) {
        Deadline deadline = new ElapsedHours(hours).deadline(London.at(start), calendar);
        assertEquals(London.at(due), deadline.due(), clause);
        assertNull(deadline.takenAsDay());
    }

    @Test
    @DisplayName("DERBY 3.3.1 urgent: 1 hour from 01:30 BST on the October change day is 01:30 GMT (the hour repeats)")
    void urgentResponseInTheRepeatedHour() {
        Instant start = Instant.parse("2026-10-25T00:30:00Z"); // 01:30 BST
        Instant due = new ElapsedHours(1).dueAt(start, calendar);
        assertEquals(Instant.parse("2026-10-25T01:30:00Z"), due); // 01:30 GMT
        assertEquals(London.local(start).toLocalTime(), London.local(due).toLocalTime());
    }
}
