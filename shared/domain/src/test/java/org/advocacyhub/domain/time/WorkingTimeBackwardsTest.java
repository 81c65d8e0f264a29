package org.advocacyhub.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.advocacyhub.domain.testing.London;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link WorkingCalendar#minusWorkingTime}: {@link WorkingCalendar#plusWorkingTime} run backwards, the
 * count behind a working-hours reminder ("24 hours excluding weekends and bank holidays", LLR 9.23,
 * warned when three quarters have gone, issue 9). Working time is whole working days, 00:00 to 24:00
 * London (requirements §5 Interpretations).
 */
class WorkingTimeBackwardsTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @ParameterizedTest(name = "requirements §5: {0} London minus {1} of working time is {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-23T18:00 | PT24H  | 2026-11-20T18:00 | LLR 9.23 example run backwards: Mon 18:00 back over the weekend to Fri 18:00
            2026-12-29T20:00 | PT24H  | 2026-12-24T20:00 | LLR 9.23 Christmas example backwards: 25th, weekend and Boxing Day substitute 28th skipped
            2026-11-23T18:00 | PT6H   | 2026-11-23T12:00 | the answerphone reminder: a quarter of 24 working hours before Mon 18:00
            2026-11-23T03:00 | PT6H   | 2026-11-20T21:00 | 3 hours of Monday, then 3 from the end of Friday
            2026-11-23T06:00 | PT6H   | 2026-11-23T00:00 | exactly the Monday morning: lands on Monday's midnight, not Friday's end
            2026-11-21T12:00 | PT1H   | 2026-11-20T23:00 | from a Saturday, counting back starts at the end of Friday
            2026-11-23T00:00 | PT1H   | 2026-11-20T23:00 | from Monday's midnight, the same
            2026-12-29T00:00 | PT1H   | 2026-12-24T23:00 | Christmas 2026: Thu 24th is the working day before Tue 29th
            2026-04-07T10:00 | PT12H  | 2026-04-02T22:00 | Easter 2026: Good Friday 3 and Easter Monday 6 April skipped
            2026-10-26T18:00 | PT24H  | 2026-10-23T18:00 | across the October change (the 25-hour Sunday is never counted)
            2026-03-30T18:00 | PT24H  | 2026-03-27T18:00 | across the March change (the 23-hour Sunday is never counted)
            2026-11-18T18:00 | PT72H  | 2026-11-13T18:00 | three whole working days back across a weekend
            2026-11-23T10:00 | PT0.001S | 2026-11-23T09:59:59.999 | one millisecond
            """)
    void countsBackOnlyWorkingTime(String to, Duration amount, String expected, String why) {
        Instant from = calendar.minusWorkingTime(London.at(to), amount);
        assertEquals(London.at(expected), from, why);
        assertEquals(amount, calendar.workingTimeBetween(from, London.at(to)), why);
        Instant forward = calendar.plusWorkingTime(from, amount);
        if (calendar.isWorkingDay(calendar.dateOf(London.at(to).minusNanos(1)))) {
            assertEquals(London.at(to), forward, "plusWorkingTime undoes it: " + why);
        } else {
            // from a weekend or holiday (or its end), forward stops at the end of the last working day before it
            assertEquals(calendar.startOf(calendar.dateOf(from).plusDays(1)), forward, "plusWorkingTime stops as the working day ends: " + why);
            assertEquals(Duration.ZERO, calendar.workingTimeBetween(forward, London.at(to)), why);
        }
    }

    @Test
    @DisplayName("minusWorkingTime of zero is the instant itself, on a working day")
    void zeroIsTheInstantItself() {
        for (String at : List.of("2026-11-23T10:00", "2026-11-20T23:59:59", "2026-11-21T00:00", "2026-12-24T20:00", "2026-06-17T17:00")) {
            assertEquals(London.at(at), calendar.minusWorkingTime(London.at(at), Duration.ZERO), at);
        }
    }

    @Test
    @DisplayName("from a non-working day, counting back starts at the previous working day's end, even for zero (as plusWorkingTime starts at the next working day's midnight)")
    void fromANonWorkingDayZeroIsTheLastWorkingDaysEnd() {
        // Documented: "counting back starts ... at the previous working day's end otherwise". No working
        // time lies between that end and the instant, so workingTimeBetween is still zero.
        Instant saturday = London.at("2026-11-21T12:00");
        assertEquals(London.at("2026-11-21T00:00"), calendar.minusWorkingTime(saturday, Duration.ZERO));
        assertEquals(Duration.ZERO, calendar.workingTimeBetween(London.at("2026-11-21T00:00"), saturday));
        assertEquals(London.at("2026-11-21T00:00"), calendar.minusWorkingTime(London.at("2026-11-23T00:00"), Duration.ZERO));
    }

    @Test
    @DisplayName("a negative amount is refused")
    void negativeAmountRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> calendar.minusWorkingTime(London.at("2026-11-23T10:00"), Duration.ofHours(-1)));
        assertTrue(error.getMessage().contains("must not be negative"), error.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> calendar.minusWorkingTime(London.at("2026-11-23T10:00"), Duration.ofMillis(-1)));
    }

    /**
     * Every 23 minutes (so that every minute of the day is reached at some point) over Christmas and
     * New Year 2026-27 and over Easter and the March change 2027, for amounts from a millisecond to
     * three working days.
     */
    @Test
    @DisplayName("property: minusWorkingTime is the inverse of plusWorkingTime across weekends, bank holidays and clock changes")
    void inverseOfPlusWorkingTime() {
        List<Duration> amounts = List.of(Duration.ofMillis(1), Duration.ofMinutes(15), Duration.ofMinutes(45), Duration.ofHours(6),
                Duration.ofHours(18), Duration.ofHours(24), Duration.ofHours(25), Duration.ofHours(72));
        int checked = 0;
        int onWorkingDays = 0;
        for (Instant[] range : new Instant[][] {
                {London.at("2026-12-18T00:00"), London.at("2027-01-08T00:00")},
                {London.at("2027-03-19T00:00"), London.at("2027-04-06T00:00")}}) {
            for (Instant t = range[0]; t.isBefore(range[1]); t = t.plus(Duration.ofMinutes(23))) {
                boolean countingJustBefore = calendar.isWorkingDay(calendar.dateOf(t.minusNanos(1)));
                if (countingJustBefore) {
                    onWorkingDays++;
                    assertEquals(t, calendar.minusWorkingTime(t, Duration.ZERO), "zero from " + London.local(t));
                }
                for (Duration amount : amounts) {
                    Instant back = calendar.minusWorkingTime(t, amount);
                    String where = London.local(t) + " minus " + amount + " = " + London.local(back);
                    assertTrue(back.isBefore(t), where);
                    assertEquals(amount, calendar.workingTimeBetween(back, t), where);
                    // the latest such instant: a moment later, less than the amount is left
                    assertTrue(calendar.workingTimeBetween(back.plusMillis(1), t).compareTo(amount) < 0, where);
                    assertTrue(calendar.isWorkingDay(calendar.dateOf(back)), "it starts on a working day: " + where);
                    Instant forward = calendar.plusWorkingTime(back, amount);
                    if (countingJustBefore) {
                        assertEquals(t, forward, where);
                    } else {
                        // t is in a weekend or holiday: forward stops at the end of the last working day before t
                        assertFalse(forward.isAfter(t), where);
                        assertEquals(Duration.ZERO, calendar.workingTimeBetween(forward, t), where);
                    }
                    // and the other way round, from a start on a working day
                    if (calendar.isWorkingDay(calendar.dateOf(t))) {
                        assertEquals(t, calendar.minusWorkingTime(calendar.plusWorkingTime(t, amount), amount), where);
                    }
                    checked++;
                }
            }
        }
        assertTrue(onWorkingDays > 1000, "enough instants on working days: " + onWorkingDays);
        assertTrue(checked > 8 * 2400, "the loop ran over both ranges: " + checked);
    }

    @Test
    @DisplayName("a configured one-off bank holiday is skipped backwards as it is forwards")
    void configuredHolidaySkipped() {
        WorkingCalendar withExtra = WorkingCalendar.englandAndWales(java.util.Set.of(LocalDate.of(2026, 11, 20)));
        assertEquals(London.at("2026-11-19T18:00"), withExtra.minusWorkingTime(London.at("2026-11-23T18:00"), Duration.ofHours(24)));
        assertEquals(London.at("2026-11-20T18:00"), calendar.minusWorkingTime(London.at("2026-11-23T18:00"), Duration.ofHours(24)));
    }
}
