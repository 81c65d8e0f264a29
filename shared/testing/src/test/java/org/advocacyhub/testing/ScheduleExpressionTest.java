package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant ANY_START = Instant.parse("2020-01-01T00:00:00Z");

    private static Instant next(String expression, String after) {
        return ScheduleExpression.parse(expression, LONDON).nextAfter(Instant.parse(after), ANY_START).orElseThrow();
    }

    @Test
    void a_daily_london_time_moves_an_hour_in_utc_when_the_clocks_go_forward() {
        assertEquals(Instant.parse("2026-03-28T07:00:00Z"), next("cron(0 7 * * ? *)", "2026-03-27T12:00:00Z"));
        assertEquals(Instant.parse("2026-03-29T06:00:00Z"), next("cron(0 7 * * ? *)", "2026-03-28T08:00:00Z"));
    }

    @Test
    void a_time_that_does_not_exist_when_the_clocks_go_forward_is_skipped() {
        // 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 London time never happens that day.
        assertEquals(Instant.parse("2026-03-30T00:30:00Z"), next("cron(30 1 * * ? *)", "2026-03-28T02:00:00Z"));
    }

    @Test
    void a_time_that_happens_twice_when_the_clocks_go_back_fires_once() {
        // 25 October 2026: 01:30 London time is 00:30Z (BST) and again 01:30Z (GMT).
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), next("cron(30 1 * * ? *)", "2026-10-24T12:00:00Z"));
        assertEquals(Instant.parse("2026-10-26T01:30:00Z"), next("cron(30 1 * * ? *)", "2026-10-25T00:30:00Z"));
    }

    @Test
    void quarterly_report_runs_on_the_first_of_each_quarter_at_seven_london_time() {
        assertEquals(Instant.parse("2026-04-01T06:00:00Z"), next("cron(0 7 1 1,4,7,10 ? *)", "2026-01-01T07:00:00Z"));
        assertEquals(Instant.parse("2026-10-01T06:00:00Z"), next("cron(0 7 1 JAN,APR,JUL,OCT ? *)", "2026-07-01T06:00:00Z"));
        assertEquals(Instant.parse("2027-01-01T07:00:00Z"), next("cron(0 7 1 1,4,7,10 ? *)", "2026-10-01T06:00:00Z"));
    }

    @Test
    void office_hours_steps_and_weekday_ranges() {
        // Friday 5 June 2026 17:50 BST is past the last run (17:45); the next is Monday 09:00 BST.
        assertEquals(Instant.parse("2026-06-08T08:00:00Z"), next("cron(0/15 9-17 ? * MON-FRI *)", "2026-06-05T16:50:00Z"));
        assertEquals(Instant.parse("2026-06-05T16:45:00Z"), next("cron(*/15 9-17 ? * 2-6 *)", "2026-06-05T16:31:00Z"));
    }

    @Test
    void day_of_week_one_is_sunday_as_in_aws() {
        Instant sunday = next("cron(0 12 ? * 1 *)", "2026-06-01T00:00:00Z");
        assertEquals(DayOfWeek.SUNDAY, sunday.atZone(LONDON).getDayOfWeek());
        assertEquals(Instant.parse("2026-06-07T11:00:00Z"), sunday);
        assertEquals(sunday, next("cron(0 12 ? * SUN *)", "2026-06-01T00:00:00Z"));
    }

    @Test
    void the_year_field_limits_the_schedule() {
        ScheduleExpression once = ScheduleExpression.parse("cron(0 0 1 1 ? 2027)", ZoneId.of("UTC"));
        assertEquals(Optional.of(Instant.parse("2027-01-01T00:00:00Z")), once.nextAfter(Instant.parse("2026-05-01T00:00:00Z"), ANY_START));
        assertEquals(Optional.empty(), once.nextAfter(Instant.parse("2027-01-01T00:00:00Z"), ANY_START));
    }

    @Test
    void a_rate_fires_at_its_start_and_then_every_period() {
        Instant start = Instant.parse("2026-03-29T00:58:00Z");
        ScheduleExpression every5 = ScheduleExpression.parse("rate(5 minutes)", LONDON);
        assertEquals(start, every5.nextAfter(start.minusNanos(1), start).orElseThrow());
        assertEquals(start.plusSeconds(300), every5.nextAfter(start, start).orElseThrow());
        assertEquals(start.plusSeconds(600), every5.nextAfter(start.plusSeconds(420), start).orElseThrow());
    }

    @Test
    void a_daily_rate_is_24_hours_even_across_the_clock_change() {
        Instant start = Instant.parse("2026-03-28T12:00:00Z");
        assertEquals(Instant.parse("2026-03-29T12:00:00Z"),
                ScheduleExpression.parse("rate(1 day)", LONDON).nextAfter(start, start).orElseThrow());
        assertEquals(Instant.parse("2026-03-28T14:00:00Z"),
                ScheduleExpression.parse("rate(2 hours)", LONDON).nextAfter(start, start).orElseThrow());
    }

    @Test
    void a_one_time_schedule_fires_once_in_its_zone() {
        ScheduleExpression at = ScheduleExpression.parse("at(2026-07-01T09:00:00)", LONDON);
        assertEquals(Optional.of(Instant.parse("2026-07-01T08:00:00Z")), at.nextAfter(Instant.parse("2026-06-01T00:00:00Z"), ANY_START));
        assertTrue(at.nextAfter(Instant.parse("2026-07-01T08:00:00Z"), ANY_START).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cron(0 7 * * * *)", "cron(0 7 ? * ? *)", "cron(0 7 L * ? *)", "cron(0 7 ? * 6#3 *)",
            "cron(0 7 * *)", "cron(60 7 * * ? *)", "rate(0 minutes)", "rate(5 weeks)", "every 5 minutes"})
    void invalid_or_unsupported_expressions_are_rejected(String expression) {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse(expression, LONDON));
    }
}
