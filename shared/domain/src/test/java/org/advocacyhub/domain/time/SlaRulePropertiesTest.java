package org.advocacyhub.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.advocacyhub.domain.testing.London;

/**
 * Properties that hold for every start instant, 2019 to 2034 (so both the official list and
 * rule-generated years are exercised) and every clock change in between.
 */
class SlaRulePropertiesTest {

    private static final long FROM_2019 = 1_546_300_800L;
    private static final long TO_2035 = 2_051_222_400L;
    private static final String REASON = "waiting for information";

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @Property
    @Label("working-day deadlines always fall at 17:00 London on a working day")
    void workingDayDeadlineIsAtFiveOnAWorkingDay(@ForAll @LongRange(min = FROM_2019, max = TO_2035) long start,
            @ForAll @IntRange(min = 0, max = 20) int days) {
        Instant due = new WorkingDays(days).dueAt(Instant.ofEpochSecond(start), calendar);
        assertEquals(LocalTime.of(17, 0), London.local(due).toLocalTime());
        assertTrue(calendar.isWorkingDay(London.local(due).toLocalDate()));
    }

    @Property
    @Label("counting working days from the taken-as day to the due day gives N; N working days end strictly between start and due")
    void workingDaysBetweenTakenAsAndDueIsN(@ForAll @LongRange(min = FROM_2019, max = TO_2035) long start,
            @ForAll @IntRange(min = 0, max = 20) int days) {
        Instant received = Instant.ofEpochSecond(start);
        Deadline deadline = new WorkingDays(days).deadline(received, calendar);
        LocalDate takenAs = deadline.takenAsDay();
        assertTrue(calendar.isWorkingDay(takenAs));
        assertFalse(takenAs.isBefore(calendar.dateOf(received)));
        assertEquals(days, calendar.workingDaysBetween(takenAs, calendar.dateOf(deadline.due())));
        assertEquals(days, calendar.workingDaysElapsed(received, deadline.due()));
    }

    @Property
    @Label("24 working hours: exactly 24 hours of working-day time pass between start and due")
    void workingHoursCountExactly(@ForAll @LongRange(min = FROM_2019, max = TO_2035) long start,
            @ForAll @IntRange(min = 1, max = 100) int hours) {
        Instant from = Instant.ofEpochSecond(start);
        Instant due = new WorkingHours(hours).dueAt(from, calendar);
        assertEquals(Duration.ofHours(hours), calendar.workingTimeBetween(from, due));
        // and it is the earliest such instant: one second earlier is not enough
        assertEquals(Duration.ofHours(hours).minusSeconds(1), calendar.workingTimeBetween(from, due.minusSeconds(1)));
    }

    @Property
    @Label("the due time is never before the start (strictly after it)")
    void dueIsAfterStart(@ForAll @LongRange(min = FROM_2019, max = TO_2035) long start, @ForAll("rules") SlaRule rule) {
        Instant from = Instant.ofEpochSecond(start);
        assertTrue(rule.dueAt(from, calendar).isAfter(from), rule::toString);
    }

    @Property
    @Label("with no pauses, the pausable computation agrees with the plain one")
    void noPausesAgrees(@ForAll @LongRange(min = FROM_2019, max = TO_2035) long start, @ForAll("rules") SlaRule rule) {
        Instant from = Instant.ofEpochSecond(start);
        assertEquals(Optional.of(rule.dueAt(from, calendar)), rule.dueAt(from, List.of(), calendar));
    }

    @Property
    @Label("pausing then resuming at the same instant leaves the due time unchanged")
    void zeroPauseLeavesDueUnchanged(@ForAll @LongRange(min = FROM_2019, max = TO_2035) long start,
            @ForAll @LongRange(min = 0, max = 30L * 24 * 3600) long offset, @ForAll("rules") SlaRule rule) {
        Instant from = Instant.ofEpochSecond(start);
        Instant at = from.plusSeconds(offset);
        SlaClock clock = SlaClock.start("clock", rule, from).pause(at, REASON).resume(at);
        assertEquals(Optional.of(rule.dueAt(from, calendar)), clock.dueAt(calendar));
    }

    @Property
    @Label("a pause never brings the due time forward, and one starting after the due time does not move it")
    void pausesOnlyDelay(@ForAll @LongRange(min = FROM_2019, max = TO_2035) long start,
            @ForAll @LongRange(min = 0, max = 20L * 24 * 3600) long offset,
            @ForAll @LongRange(min = 0, max = 10L * 24 * 3600) long length, @ForAll("rules") SlaRule rule) {
        Instant from = Instant.ofEpochSecond(start);
        Instant pausedAt = from.plusSeconds(offset);
        Instant unpaused = rule.dueAt(from, calendar);
        Instant paused = SlaClock.start("clock", rule, from).pause(pausedAt, REASON).resume(pausedAt.plusSeconds(length))
                .dueAt(calendar).orElseThrow();
        assertFalse(paused.isBefore(unpaused));
        if (!pausedAt.isBefore(unpaused)) {
            assertEquals(unpaused, paused);
        }
    }

    @Property
    @Label("elapsed hours: a pause that starts before the due time moves it by exactly the pause's length")
    void elapsedHoursMoveByThePause(@ForAll @LongRange(min = FROM_2019, max = TO_2035) long start,
            @ForAll @IntRange(min = 1, max = 72) int hours, @ForAll @LongRange(min = 0, max = 3600) long offsetMinutes,
            @ForAll @LongRange(min = 0, max = 10_000) long lengthMinutes) {
        Instant from = Instant.ofEpochSecond(start);
        Instant pausedAt = from.plus(Duration.ofMinutes(offsetMinutes));
        Instant unpaused = from.plus(Duration.ofHours(hours));
        Instant due = SlaClock.start("contact", new ElapsedHours(hours), from).pause(pausedAt, REASON)
                .resume(pausedAt.plus(Duration.ofMinutes(lengthMinutes))).dueAt(calendar).orElseThrow();
        Duration expectedShift = pausedAt.isBefore(unpaused) ? Duration.ofMinutes(lengthMinutes) : Duration.ZERO;
        assertEquals(unpaused.plus(expectedShift), due);
    }

    @Property
    @Label("a met deadline is met at its due instant and missed one second later")
    void metAtTheDueInstant(@ForAll @LongRange(min = FROM_2019, max = TO_2035) long start, @ForAll("rules") SlaRule rule) {
        Deadline deadline = rule.deadline(Instant.ofEpochSecond(start), calendar);
        assertTrue(deadline.metBy(deadline.due()));
        assertFalse(deadline.metBy(deadline.due().plusSeconds(1)));
        assertFalse(deadline.isOverdueAt(deadline.due()));
        assertTrue(deadline.isOverdueAt(deadline.due().plusSeconds(1)));
    }

    @Provide
    Arbitrary<SlaRule> rules() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 20).map(WorkingDays::new),
                Arbitraries.integers().between(1, 100).map(WorkingHours::new),
                Arbitraries.integers().between(1, 200).map(ElapsedHours::new),
                Arbitraries.integers().between(0, 30).map(CalendarDays::new));
    }
}
