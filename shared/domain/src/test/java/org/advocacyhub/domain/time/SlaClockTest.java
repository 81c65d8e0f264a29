package org.advocacyhub.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.testing.London;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaClockTest {

    private static final String WAITING = "Waiting for the decision maker to confirm the instruction (LLR 5.57)";

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @ParameterizedTest(name = "pausing {0} started {1}: paused {2} to {3} ⇒ due {4}")
    @CsvSource({
        // working days: each working day whose 17:00 passes while paused adds one working day
        "LLR 9.38a 2 working days, working-days,  2, 2026-11-16T10:00, 2026-11-16T11:00, 2026-11-16T16:00, 2026-11-18T17:00",
        "LLR 9.38a 2 working days, working-days,  2, 2026-11-16T10:00, 2026-11-16T11:00, 2026-11-17T10:00, 2026-11-19T17:00",
        "LLR 9.38a 2 working days, working-days,  2, 2026-11-16T10:00, 2026-11-16T17:00, 2026-11-17T10:00, 2026-11-18T17:00",
        "LLR 9.38a 2 working days, working-days,  2, 2026-11-16T10:00, 2026-11-16T11:00, 2026-11-16T17:00, 2026-11-19T17:00",
        "LLR 9.38a over a weekend, working-days,  2, 2026-11-20T10:00, 2026-11-20T18:00, 2026-11-23T08:00, 2026-11-24T17:00",
        "LLR 9.38a over Christmas, working-days,  2, 2026-12-23T10:00, 2026-12-23T12:00, 2026-12-29T12:00, 2026-12-31T17:00",
        // working hours: the working time spent paused is added
        "LLR 9.23 answerphone,     working-hours, 24, 2026-11-20T18:00, 2026-11-23T09:00, 2026-11-23T12:00, 2026-11-23T21:00",
        "LLR 9.23 over a weekend,  working-hours, 24, 2026-11-20T18:00, 2026-11-21T09:00, 2026-11-22T12:00, 2026-11-23T18:00",
        // elapsed hours: all time spent paused is added
        "LEW 8.4 72 hours,         elapsed-hours, 72, 2026-11-16T10:00, 2026-11-17T10:00, 2026-11-17T12:30, 2026-11-19T12:30",
        // calendar days: each midnight passed while paused adds a day
        "LLR 7.48 3 days,          calendar-days,  3, 2026-11-16T10:00, 2026-11-16T23:00, 2026-11-17T01:00, 2026-11-21T00:00"
    })
    void pauseMovesTheDueTimeByTheRulesKindOfTime(String clause, String kind, int amount, String start, String pausedAt,
            String resumedAt, String due) {
        SlaClock clock = SlaClock.start("clock", SlaRule.of(kind, amount), London.at(start))
                .pause(London.at(pausedAt), WAITING)
                .resume(London.at(resumedAt));
        assertEquals(Optional.of(London.at(due)), clock.dueAt(calendar), clause);
        assertEquals(1, clock.pauses().size());
        assertEquals(new Pause(London.at(pausedAt), London.at(resumedAt), WAITING), clock.pauses().get(0));
    }

    @Test
    @DisplayName("a pause that starts after the due time has passed does not move it (the deadline was missed)")
    void pauseAfterTheDueTimeDoesNotMoveIt() {
        SlaClock clock = SlaClock.start("allocation", new WorkingDays(2), London.at("2026-11-16T10:00"))
                .pause(London.at("2026-11-19T10:00"), WAITING);
        assertEquals(Optional.of(London.at("2026-11-18T17:00")), clock.dueAt(calendar));
        assertEquals(ClockStatus.OVERDUE, clock.status(London.at("2026-11-19T11:00"), calendar));
    }

    @Test
    @DisplayName("while paused before its due time a clock has no due time and is PAUSED; resuming gives it one")
    void openPause() {
        SlaClock running = SlaClock.start("allocation", new WorkingDays(2), London.at("2026-11-16T10:00"));
        SlaClock paused = running.pause(London.at("2026-11-16T12:00"), WAITING);
        assertTrue(paused.isPaused());
        assertEquals(Optional.empty(), paused.dueAt(calendar));
        assertEquals(Optional.empty(), paused.remaining(London.at("2026-11-30T12:00"), calendar));
        assertEquals(ClockStatus.PAUSED, paused.status(London.at("2026-11-30T12:00"), calendar));
        assertEquals(Duration.ofHours(2), paused.timePaused(London.at("2026-11-16T14:00")));
        SlaClock resumed = paused.resume(London.at("2026-11-18T10:00"));
        assertFalse(resumed.isPaused());
        assertEquals(Optional.of(London.at("2026-11-20T17:00")), resumed.dueAt(calendar));
        // the record of the original clock is untouched
        assertEquals(List.of(), running.pauses());
    }

    @Test
    @DisplayName("stopping at or before the due time is MET, after it MISSED; remaining time counts down and goes negative")
    void metAndMissed() {
        SlaClock clock = SlaClock.start("allocation", new WorkingDays(2), London.at("2026-12-24T20:00"));
        assertEquals(LocalDate.of(2026, 12, 29), clock.takenAsDay(calendar));
        assertEquals(Optional.of(Duration.ofHours(2)), clock.remaining(London.at("2026-12-31T15:00"), calendar));
        assertEquals(Optional.of(Duration.ofHours(-1)), clock.remaining(London.at("2026-12-31T18:00"), calendar));
        assertEquals(ClockStatus.RUNNING, clock.status(London.at("2026-12-31T17:00"), calendar));
        assertEquals(ClockStatus.OVERDUE, clock.status(London.at("2026-12-31T17:01"), calendar));
        assertFalse(clock.met(calendar), "a running clock has not met its deadline");

        SlaClock onTime = clock.stop(London.at("2026-12-31T17:00"));
        assertTrue(onTime.met(calendar));
        assertEquals(ClockStatus.MET, onTime.status(London.at("2027-06-01T00:00"), calendar));
        SlaClock late = clock.stop(London.at("2026-12-31T17:01"));
        assertFalse(late.met(calendar));
        assertEquals(ClockStatus.MISSED, late.status(London.at("2026-12-31T17:01"), calendar));
    }

    @Test
    @DisplayName("stopping a paused clock ends the pause at the stop: it met its deadline")
    void stopWhilePaused() {
        SlaClock clock = SlaClock.start("allocation", new WorkingDays(2), London.at("2026-11-16T10:00"))
                .pause(London.at("2026-11-16T11:00"), WAITING)
                .stop(London.at("2026-11-30T11:00"));
        assertFalse(clock.isPaused());
        assertEquals(London.at("2026-11-30T11:00"), clock.pauses().get(0).end());
        assertTrue(clock.met(calendar));
    }

    @Test
    @DisplayName("illegal transitions are refused")
    void illegalTransitions() {
        SlaClock clock = SlaClock.start("allocation", new WorkingDays(2), London.at("2026-11-16T10:00"));
        assertThrows(IllegalStateException.class, () -> clock.resume(London.at("2026-11-16T11:00")));
        assertThrows(IllegalArgumentException.class, () -> clock.pause(London.at("2026-11-16T09:00"), WAITING));
        assertThrows(IllegalArgumentException.class, () -> clock.pause(London.at("2026-11-16T11:00"), " "));
        SlaClock paused = clock.pause(London.at("2026-11-16T11:00"), WAITING);
        assertThrows(IllegalStateException.class, () -> paused.pause(London.at("2026-11-16T12:00"), WAITING));
        assertThrows(IllegalArgumentException.class, () -> paused.resume(London.at("2026-11-16T10:30")));
        SlaClock stopped = clock.stop(London.at("2026-11-17T10:00"));
        assertThrows(IllegalStateException.class, () -> stopped.pause(London.at("2026-11-17T11:00"), WAITING));
        assertThrows(IllegalStateException.class, () -> stopped.stop(London.at("2026-11-17T11:00")));
        assertThrows(IllegalArgumentException.class, () -> clock.stop(London.at("2026-11-16T09:00")));
        SlaClock resumed = paused.resume(London.at("2026-11-16T12:00"));
        assertThrows(IllegalArgumentException.class, () -> resumed.pause(London.at("2026-11-16T11:30"), WAITING));
    }
}
