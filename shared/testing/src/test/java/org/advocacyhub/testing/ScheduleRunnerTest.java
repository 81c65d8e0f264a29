package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ScheduleRunnerTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_rate_schedule_fires_at_start_then_every_period_and_coalesces_missed_runs() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-24T20:00:00Z"));
        List<ScheduledEvent> events = new CopyOnWriteArrayList<>();
        ScheduleRunner runner = new ScheduleRunner(clock).add("Sweep", "rate(5 minutes)", LONDON, events::add);

        assertEquals(1, runner.runDue().size(), "fires when created, as EventBridge Scheduler does without a StartDate");
        clock.advance(Duration.ofMinutes(4));
        assertEquals(0, runner.runDue().size());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, runner.runDue().size());
        clock.advance(Duration.ofHours(1));
        assertEquals(1, runner.runDue().size(), "missed runs are coalesced into one");
        assertEquals(Instant.parse("2026-12-24T21:10:00Z"), runner.nextFiring("Sweep").orElseThrow());

        ScheduledEvent first = events.get(0);
        assertEquals("Scheduled Event", first.getDetailType());
        assertEquals("aws.scheduler", first.getSource());
        assertEquals(Instant.parse("2026-12-24T20:00:00Z").toEpochMilli(), first.getTime().getMillis());
        assertTrue(first.getResources().get(0).endsWith(":schedule/default/Sweep"));
    }

    @Test
    void a_cron_schedule_follows_london_time_on_a_shifted_clock() {
        // LOCAL_CLOCK-style: the system clock shifted to the eve of the clocks going forward.
        Instant shiftedStart = Instant.parse("2026-03-28T23:59:00Z");
        ManualClock clock = new ManualClock(shiftedStart);
        Clock offset = Clock.offset(clock, Duration.ZERO);
        List<Instant> fired = new CopyOnWriteArrayList<>();
        ScheduleRunner runner = new ScheduleRunner(offset)
                .add("Morning", "cron(0 7 * * ? *)", LONDON, e -> fired.add(Instant.ofEpochMilli(e.getTime().getMillis())));

        assertEquals(Instant.parse("2026-03-29T06:00:00Z"), runner.nextFiring("Morning").orElseThrow());
        clock.advance(Duration.ofHours(6));
        assertEquals(0, runner.runDue().size());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, runner.runDue().size());
        assertEquals(List.of(Instant.parse("2026-03-29T06:00:00Z")), fired);
    }

    @Test
    void a_failing_target_is_reported_and_the_schedule_goes_on() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        ScheduleRunner runner = new ScheduleRunner(clock).add("Boom", "rate(1 minute)", LONDON, e -> {
            throw new IllegalStateException("boom");
        });
        assertNotNull(runner.runDue().get(0).error());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, runner.runDue().size());
    }

    @Test
    void a_clock_moved_inside_runDueAfter_fires_each_schedule_that_fell_due_once_and_reports_exactly_those() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-24T20:00:00Z"));
        List<String> invoked = new CopyOnWriteArrayList<>();
        ScheduleRunner runner = new ScheduleRunner(clock)
                .add("Sweep", "rate(5 minutes)", LONDON, e -> invoked.add("Sweep"))
                .add("Digest", "cron(30 8 ? * MON-FRI *)", LONDON, e -> invoked.add("Digest"));
        runner.runDue();
        invoked.clear();

        List<ScheduleRunner.Firing> hour = runner.runDueAfter(() -> clock.advance(Duration.ofHours(1)));
        assertEquals(List.of("Sweep"), hour.stream().map(ScheduleRunner.Firing::name).toList(), "not 12 sweeps, and no digest");
        assertEquals(List.of("Sweep"), invoked);

        // Christmas Eve 21:00 to Monday 28 December 09:00: one digest for the missed mornings, one sweep.
        List<ScheduleRunner.Firing> weekend = runner.runDueAfter(() -> clock.advance(Duration.ofHours(84)));
        assertEquals(List.of("Sweep", "Digest"), weekend.stream().map(ScheduleRunner.Firing::name).toList());
        assertEquals(Instant.parse("2026-12-25T08:30:00Z"), weekend.get(1).scheduledTime(), "the first missed occurrence");
        assertEquals(Instant.parse("2026-12-29T08:30:00Z"), runner.nextFiring("Digest").orElseThrow());
    }

    @Test
    void a_change_that_throws_fires_nothing() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-24T20:00:00Z"));
        ScheduleRunner runner = new ScheduleRunner(clock).add("Sweep", "rate(5 minutes)", LONDON, e -> { });
        runner.runDue();
        clock.advance(Duration.ofMinutes(10));
        assertThrows(IllegalArgumentException.class, () -> runner.runDueAfter(() -> {
            throw new IllegalArgumentException("refused");
        }));
        assertEquals(Instant.parse("2026-12-24T20:05:00Z"), runner.nextFiring("Sweep").orElseThrow(), "still due, not fired");
    }

    @Test
    void a_started_runner_fires_by_itself() throws InterruptedException {
        List<ScheduledEvent> events = new CopyOnWriteArrayList<>();
        try (ScheduleRunner runner = new ScheduleRunner(Clock.systemUTC()).add("Now", "rate(1 day)", LONDON, events::add)) {
            runner.start(Duration.ofMillis(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (events.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertEquals(1, events.size());
    }
}
