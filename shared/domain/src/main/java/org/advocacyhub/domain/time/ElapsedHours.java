package org.advocacyhub.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Within N hours" with no exclusion (requirements §5 Interpretations): contact a young person
 * within 72 hours of acceptance (LEW 8.4); respond to an accommodation referral within 24 hours,
 * or 1 hour when urgent (DERBY 3.3.1).
 *
 * <p>Interpretation: N hours of real elapsed time. Across a clock change the wall-clock due time
 * shifts by an hour (24 hours from Saturday 12:00 before the October change is Sunday 11:00).
 * Pauses: see {@link SlaRule}.
 *
 * @param hours N
 */
public record ElapsedHours(int hours) implements SlaRule {

    static final String KIND = "elapsed-hours";

    public ElapsedHours {
        if (hours < 1 || hours > 24 * 366) {
            throw new IllegalArgumentException("elapsed hours must be between 1 and 8784: " + hours);
        }
    }

    @Override
    public Deadline deadline(Instant start, WorkingCalendar calendar) {
        return new Deadline(start.plus(Duration.ofHours(hours)), null);
    }

    @Override
    public Optional<Instant> dueAt(Instant start, List<Pause> pauses, WorkingCalendar calendar) {
        return RunningTime.whenRunningTimeReaches(start, pauses, Duration.ofHours(hours), Duration::between, Instant::plus);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int amount() {
        return hours;
    }

    @Override
    public String describe() {
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
