package org.advocacyhub.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.advocacyhub.domain.testing.London;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingHoursTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();
    private final WorkingHours callback = new WorkingHours(24); // LLR 9.23

    @ParameterizedTest(name = "LLR 9.23: answerphone message {0} ({1}) ⇒ callback due {2}")
    @CsvSource({
        // requirements §5 examples
        "2026-11-20T18:00, Fri 18:00,                                     2026-11-23T18:00",
        "2026-12-24T20:00, Thu 24 Dec 2026 20:00,                         2026-12-29T20:00",
        // whole working days count, from midnight to midnight
        "2026-11-16T10:00, Mon 10:00,                                     2026-11-17T10:00",
        "2026-11-21T10:00, Sat: Monday counts from 00:00,                 2026-11-24T00:00",
        "2026-11-20T00:00, Fri 00:00: due as Friday ends,                 2026-11-21T00:00",
        // clock changes (the Sunday is never counted)
        "2026-10-23T18:00, Fri before the October change,                 2026-10-26T18:00",
        "2026-03-27T18:00, Fri before the March change,                   2026-03-30T18:00",
        "2027-03-25T18:00, Thu before Easter and the March change 2027,   2027-03-30T18:00",
        // Christmas and New Year substitute days
        "2027-12-24T18:00, Fri 24 Dec 2027: Mon 27 and Tue 28 substitutes, 2027-12-29T18:00",
        "2021-12-31T18:00, Fri 31 Dec 2021: Mon 3 Jan substitute,         2022-01-04T18:00",
        "2022-12-23T18:00, Fri 23 Dec 2022: Mon 26 and Tue 27,            2022-12-28T18:00",
        // leap years
        "2024-02-28T18:00, Wed 28 Feb 2024,                               2024-02-29T18:00",
        "2024-02-29T18:00, Thu 29 Feb 2024,                               2024-03-01T18:00"
    })
    void callbackWithin24HoursExcludingWeekendsAndBankHolidays(String left, String description, String due) {
        Deadline deadline = callback.deadline(London.at(left), calendar);
        assertEquals(London.at(due), deadline.due(), description);
        assertNull(deadline.takenAsDay(), "hour rules count from the instant itself");
        assertEquals(Duration.ofHours(24), calendar.workingTimeBetween(London.at(left), deadline.due()));
    }

    @Test
    @DisplayName("LLR 9.23 across the October change: Fri 23 Oct 2026 18:00 BST ⇒ Mon 26 Oct 18:00 GMT, 73 real hours later")
    void octoberChangeInUtc() {
        Instant left = Instant.parse("2026-10-23T17:00:00Z");
        Instant due = callback.dueAt(left, calendar);
        assertEquals(Instant.parse("2026-10-26T18:00:00Z"), due);
        assertEquals(Duration.ofHours(73), Duration.between(left, due));
    }

    @Test
    @DisplayName("LLR 9.23 across the March change: Fri 27 Mar 2026 18:00 GMT ⇒ Mon 30 Mar 18:00 BST, 71 real hours later")
    void marchChangeInUtc() {
        Instant left = Instant.parse("2026-03-27T18:00:00Z");
        Instant due = callback.dueAt(left, calendar);
        assertEquals(Instant.parse("2026-03-30T17:00:00Z"), due);
        assertEquals(Duration.ofHours(71), Duration.between(left, due));
    }
}
