package org.advocacyhub.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Within N hours excluding weekends and bank holidays" (the answerphone callback, LLR 9.23):
 * N hours of elapsed time, counting only time that falls on working days, whole days from 00:00 to
 * 24:00 London (requirements §5 Interpretations). A message left Friday 18:00 is due Monday 18:00;
 * one left Thursday 24 December 2026 20:00 is due Tuesday 29 December 20:00.
 *
 * <p>Interpretation of the clock changes: the hours are elapsed (instant) time, not wall-clock
 * time. The UK changes its clocks on Sundays, which are never working days, so the 23- and 25-hour
 * days are never counted and a callback spanning the change still falls due at the same wall-clock
 * time (Friday 18:00 ⇒ Monday 18:00 across the last Sunday of October, although 73 real hours
 * pass). Were a working day ever 23 or 25 hours long, it would contribute its real length.
 *
 * <p>The time due falls exactly when the count completes, which can be midnight at the end of a
 * working day (a message at Friday 00:00 is due at Saturday 00:00). Pauses: see {@link SlaRule}.
 *
 * @param hours N
 */
public record WorkingHours(int hours) implements SlaRule {

    static final String KIND = "working-hours";

    public WorkingHours {
        if (hours < 1 || hours > 24 * 366) {
            throw new IllegalArgumentException("working hours must be between 1 and 8784: " + hours);
        }
    }

    @Override
    public Deadline deadline(Instant start, WorkingCalendar calendar) {
        return new Deadline(calendar.plusWorkingTime(start, Duration.ofHours(hours)), null);
    }

    @Override
    public Optional<Instant> dueAt(Instant start, List<Pause> pauses, WorkingCalendar calendar) {
        return RunningTime.whenRunningTimeReaches(start, pauses, Duration.ofHours(hours),
                calendar::workingTimeBetween, calendar::plusWorkingTime);
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
        return hours + (hours == 1 ? " hour" : " hours") + " excluding weekends and bank holidays";
    }
}
