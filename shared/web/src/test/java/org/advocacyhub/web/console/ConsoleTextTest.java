package org.advocacyhub.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @Test
    void llr923TimeLeftCountsWorkingDaysOnlySoAWeekendIsNotCounted() {
        // Friday 18:00 to Monday 18:00 is 24 working hours: one working day (LLR 9.23's measure).
        assertEquals("1 working day left", ConsoleText.timeLeft(Instant.parse("2026-11-30T18:00:00Z"),
                Instant.parse("2026-11-27T18:00:00Z"), calendar));
        assertEquals("6 hours 30 minutes left", ConsoleText.timeLeft(Instant.parse("2026-11-24T17:00:00Z"),
                Instant.parse("2026-11-24T10:30:00Z"), calendar));
    }

    @Test
    void anOverdueClockSaysByHowMuchWorkingTimeAndAClockDueThisMinuteIsDueNow() {
        assertEquals("Overdue by 2 hours", ConsoleText.timeLeft(Instant.parse("2026-11-24T17:00:00Z"),
                Instant.parse("2026-11-24T19:00:00Z"), calendar));
        assertEquals("Due now", ConsoleText.timeLeft(Instant.parse("2026-11-24T17:00:00Z"),
                Instant.parse("2026-11-24T17:00:30Z"), calendar));
    }

    @Test
    void dueByTheEndOfTodayIsJudgedOnTheLondonDay() {
        Instant now = Instant.parse("2026-07-01T09:00:00Z");
        assertTrue(ConsoleText.dueByEndOfToday(Instant.parse("2026-07-01T22:59:00Z"), now), "23:59 BST is still today");
        assertFalse(ConsoleText.dueByEndOfToday(Instant.parse("2026-07-01T23:01:00Z"), now), "00:01 BST is tomorrow");
        assertTrue(ConsoleText.dueByEndOfToday(Instant.parse("2026-06-30T12:00:00Z"), now), "overdue counts");
    }

    @Test
    void timesAreShownAsLondonWallTime() {
        assertEquals("Wed 1 Jul 2026, 10:00", ConsoleText.when(Instant.parse("2026-07-01T09:00:00Z")));
        // Issue 21: a deadline at midnight is the end of the day named, not 00:00 of the next.
        assertEquals("Mon 7 Dec 2026, midnight", ConsoleText.when(Instant.parse("2026-12-08T00:00:00Z")));
        assertEquals("Tue 30 Jun 2026, midnight", ConsoleText.when(Instant.parse("2026-06-30T23:00:00Z")));
    }
}
