package org.advocacyhub.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When something is due, as computed by an {@link SlaRule} from a start instant.
 *
 * @param due        the due instant (UTC)
 * @param takenAsDay for working-day rules, the working day the start is taken as happening on
 *                   (e.g. a referral received Thursday 24 December 2026 at 20:00 is taken as
 *                   received on Tuesday 29 December); {@code null} for rules that count from the
 *                   start instant itself
 */
public record Deadline(Instant due, LocalDate takenAsDay) {

    public Deadline {
        Objects.requireNonNull(due, "due");
    }

    /**
     * Whether an event at {@code done} meets the deadline. Interpretation: "within" includes the
     * due instant itself (allocation at Wednesday 17:00 meets "within 2 working days" of Monday 10:00).
     */
    public boolean metBy(Instant done) {
        return !done.isAfter(due);
    }

    /** Whether the deadline has passed at {@code now} (it is still being met at the due instant). */
    public boolean isOverdueAt(Instant now) {
        return now.isAfter(due);
    }

    /** Elapsed time left at {@code now}; negative once overdue. */
    public Duration remainingAt(Instant now) {
        return Duration.between(now, due);
    }

    /** The due instant in London time, for display. */
    public ZonedDateTime dueInLondon() {
        return due.atZone(WorkingCalendar.ZONE);
    }
}
