package org.advocacyhub.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.advocacyhub.domain.testing.London;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @ParameterizedTest(name = "LLR 9.38a: received {0} ({1}) ⇒ taken as {2} ⇒ allocation due {3} 17:00")
    @CsvSource({
        // requirements §5 examples
        "2026-11-16T10:00, Mon 10:00,                      2026-11-16, 2026-11-18",
        "2026-11-20T18:00, Fri 18:00,                      2026-11-23, 2026-11-25",
        "2026-11-21T11:00, Sat,                            2026-11-23, 2026-11-25",
        "2026-12-24T20:00, Thu 24 Dec 2026 20:00,          2026-12-29, 2026-12-31",
        // the edges of the interpretation
        "2026-11-16T08:30, Mon before 09:00 stays Monday,  2026-11-16, 2026-11-18",
        "2026-11-16T00:00, Mon at midnight,                2026-11-16, 2026-11-18",
        "2026-11-16T16:59, Mon 16:59,                      2026-11-16, 2026-11-18",
        "2026-11-16T17:00, Mon at 17:00 is after hours,    2026-11-17, 2026-11-19",
        "2026-11-22T23:59, Sun 23:59,                      2026-11-23, 2026-11-25",
        // bank holidays
        "2026-05-22T12:00, Fri before spring holiday,      2026-05-22, 2026-05-27",
        "2026-05-25T10:00, on the spring bank holiday,     2026-05-26, 2026-05-28",
        "2026-04-02T15:00, Thu before Easter,              2026-04-02, 2026-04-08",
        "2026-12-31T10:00, New Year's Eve,                 2026-12-31, 2027-01-05",
        "2021-12-31T12:00, New Year on Saturday 2022,      2021-12-31, 2022-01-05",
        "2027-12-24T10:00, Christmas on Saturday 2027,     2027-12-24, 2027-12-30",
        // leap years
        "2024-02-28T10:00, Wed 28 Feb 2024,                2024-02-28, 2024-03-01",
        "2028-02-28T18:00, Mon 28 Feb 2028 evening,        2028-02-29, 2028-03-02"
    })
    void allocationWithinTwoWorkingDaysOfReceipt(String received, String description, LocalDate takenAs, LocalDate dueDay) {
        Deadline deadline = new WorkingDays(2).deadline(London.at(received), calendar);
        assertEquals(takenAs, deadline.takenAsDay(), description);
        assertEquals(London.at(dueDay + "T17:00"), deadline.due(), description);
    }

    @ParameterizedTest(name = "{0}: from {1} ⇒ due {2} 17:00")
    @CsvSource({
        "LLR 9.38b first contact 1 working day after allocation,   1, 2027-12-24T10:00, 2027-12-29",
        "LLR 9.38c first meeting within 7 working days,            7, 2026-12-21T10:00, 2027-01-04",
        "LLR 7.25 IMHA contact within 1 working day,               1, 2026-11-20T18:00, 2026-11-24",
        "LLR 5.23 IMCA report within 5 working days,               5, 2026-12-23T16:00, 2027-01-04",
        "LLR 5.45 DoLS IMCA report: 3 working days over Easter,        3, 2026-04-01T09:00, 2026-04-08",
        "0 working days: by 17:00 on the taken-as day,             0, 2026-11-21T11:00, 2026-11-23"
    })
    void otherWorkingDayClocks(String clause, int days, String from, LocalDate dueDay) {
        assertEquals(London.at(dueDay + "T17:00"), new WorkingDays(days).dueAt(London.at(from), calendar), clause);
    }

    @Test
    @DisplayName("LLR 9.38b across the October change: allocated Fri 23 Oct 2026 18:00 BST ⇒ due Tue 27 Oct 17:00 GMT (17:00 UTC)")
    void octoberClockChange() {
        Instant allocated = Instant.parse("2026-10-23T17:00:00Z"); // 18:00 BST
        assertEquals(Instant.parse("2026-10-27T17:00:00Z"), new WorkingDays(1).dueAt(allocated, calendar));
    }

    @Test
    @DisplayName("LLR 9.38b across the March change: allocated Fri 27 Mar 2026 16:00 GMT ⇒ due Mon 30 Mar 17:00 BST (16:00 UTC)")
    void marchClockChange() {
        Instant allocated = Instant.parse("2026-03-27T16:00:00Z"); // 16:00 GMT
        assertEquals(Instant.parse("2026-03-30T16:00:00Z"), new WorkingDays(1).dueAt(allocated, calendar));
    }

    @Test
    @DisplayName("a working-day clock with no pauses gives the same due time by both computations")
    void pausedComputationAgreesWhenThereAreNoPauses() {
        Instant received = London.at("2026-12-24T20:00");
        assertEquals(new WorkingDays(2).dueAt(received, calendar), new WorkingDays(2).dueAt(received, List.of(), calendar).orElseThrow());
    }

    @Test
    @DisplayName("a negative number of working days is refused")
    void negativeDaysRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WorkingDays(-1));
    }

    @Test
    @DisplayName("rules describe themselves for emails")
    void describe() {
        assertEquals("2 working days", new WorkingDays(2).describe());
        assertEquals("1 working day", new WorkingDays(1).describe());
        assertEquals("24 hours excluding weekends and bank holidays", new WorkingHours(24).describe());
        assertEquals("72 hours", new ElapsedHours(72).describe());
        assertEquals("1 hour", new ElapsedHours(1).describe());
        assertEquals("3 days", new CalendarDays(3).describe());
    }

    @Test
    @DisplayName("rules are built from their configuration names; an unknown name lists the known ones")
    void ruleFromConfiguration() {
        assertEquals(new WorkingDays(2), SlaRule.of("working-days", 2));
        assertEquals(new WorkingHours(24), SlaRule.of("working-hours", 24));
        assertEquals(new ElapsedHours(72), SlaRule.of("elapsed-hours", 72));
        assertEquals(new CalendarDays(21), SlaRule.of("calendar-days", 21));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SlaRule.of("workng-days", 2));
        assertEquals("unknown rule 'workng-days'; expected one of working-days, working-hours, elapsed-hours, calendar-days",
                error.getMessage());
    }
}
