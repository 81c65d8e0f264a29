package org.advocacyhub.domain.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * "Within N working days of X" (requirements §5 Interpretations; e.g. allocation within 2 working
 * days of receipt, LLR 9.38a): due at 17:00 London on the Nth working day after the day X is taken
 * as happening on. X at or after 17:00, or on a Saturday, Sunday or bank holiday, is taken as the
 * next working day; X before 09:00 on a working day stays that day
 * ({@link WorkingCalendar#takenAsWorkingDay}).
 *
 * <p>Examples: received Monday 10:00 ⇒ due Wednesday 17:00; received Friday 18:00 or Saturday ⇒
 * taken as Monday ⇒ due Wednesday 17:00; received Thursday 24 December 2026 20:00 ⇒ taken as
 * Tuesday 29 December ⇒ due Thursday 31 December 2026 17:00.
 *
 * <p>Counted as working-day ends: the due time is the (N+1)th 17:00 of a working day strictly after
 * X (the first being the end of the taken-as day). Pauses: see {@link SlaRule}.
 *
 * @param days N; 0 means by 17:00 on the taken-as day
 */
public record WorkingDays(int days) implements SlaRule {

    static final String KIND = "working-days";

    public WorkingDays {
        if (days < 0 || days > 366) {
            throw new IllegalArgumentException("working days must be between 0 and 366: " + days);
        }
    }

    @Override
    public Deadline deadline(Instant start, WorkingCalendar calendar) {
        LocalDate takenAs = calendar.takenAsWorkingDay(start);
        return new Deadline(calendar.workingDayEnd(calendar.plusWorkingDays(takenAs, days)), takenAs);
    }

    @Override
    public Optional<Instant> dueAt(Instant start, List<Pause> pauses, WorkingCalendar calendar) {
        return RunningTime.nthRunningTick(start, pauses, days + 1L, calendar::nextWorkingDayEnd);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int amount() {
        return days;
    }

    @Override
    public String describe() {
        return days == 1 ? "1 working day" : days + " working days";
    }
}
