package org.advocacyhub.domain.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * "Within N days" (requirements §5 Interpretations): calendar days - e.g. IMHA eligibility confirmed
 * within 3 days of receipt (LLR 7.48), DoLS assessments in 7 or 21 days (LLR 5.38), 7 days' notice
 * of withdrawal (LLR 19.2).
 *
 * <p>Interpretation: due at the end (24:00 London, i.e. the following midnight) of the Nth
 * calendar day after the day of X; the day of X itself is not counted, as in the usual legal
 * reckoning of "within N days of". Counted as midnights: the due time is the (N+1)th midnight
 * strictly after X. The due instant is a midnight, which a letter should show as "by the end of"
 * the previous day. Pauses: see {@link SlaRule}.
 *
 * @param days N
 */
public record CalendarDays(int days) implements SlaRule {

    static final String KIND = "calendar-days";

    public CalendarDays {
        if (days < 0 || days > 3660) {
            throw new IllegalArgumentException("calendar days must be between 0 and 3660: " + days);
        }
    }

    @Override
    public Deadline deadline(Instant start, WorkingCalendar calendar) {
        LocalDate lastDay = calendar.dateOf(start).plusDays(days);
        return new Deadline(calendar.startOf(lastDay.plusDays(1)), null);
    }

    @Override
    public Optional<Instant> dueAt(Instant start, List<Pause> pauses, WorkingCalendar calendar) {
        return RunningTime.nthRunningTick(start, pauses, days + 1L,
                instant -> calendar.startOf(calendar.dateOf(instant).plusDays(1)));
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
        return days == 1 ? "1 day" : days + " days";
    }
}
