package org.advocacyhub.domain.time;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a statutory or contractual time limit is counted (requirements §5 Interpretations). Each kind
 * is a small immutable value; which rule applies to which clock is contract configuration.
 *
 * <h2>What each rule counts</h2>
 * <ul>
 *   <li>{@link WorkingDays} "within N working days of X": working-day ends (17:00 on a working day).</li>
 *   <li>{@link WorkingHours} "within N hours excluding weekends and bank holidays": elapsed time
 *       that falls on working days, whole days 00:00-24:00.</li>
 *   <li>{@link ElapsedHours} "within N hours": all elapsed time.</li>
 *   <li>{@link CalendarDays} "within N days": midnights (ends of calendar days).</li>
 * </ul>
 *
 * <h2>Pausing (one definition for every rule)</h2>
 * A clock counts only while it runs. While it is paused, whatever the rule counts does not count,
 * so the due time moves by the rule's own kind of time spent paused:
 * <ul>
 *   <li>day rules ({@link WorkingDays}, {@link CalendarDays}) count <i>day ends</i> - the 17:00 of
 *       each working day, or each midnight. A day end that falls inside a pause (after the pause
 *       began, up to and including the instant it ended) is not counted, so each working day whose
 *       17:00 passes while paused adds one working day. A pause from Monday 11:00 to Monday 16:00
 *       moves nothing; one from Monday 11:00 to Tuesday 10:00 moves the due time by one working day;
 *       one over a weekend moves nothing for a working-day rule.</li>
 *   <li>hour rules ({@link WorkingHours}, {@link ElapsedHours}) count a duration; the paused part
 *       of it (working-day time, or all time) is not counted, so the due time moves by the working
 *       time (or elapsed time) spent paused.</li>
 * </ul>
 * A pause that starts after the due time has passed does not move it (the deadline was already
 * missed). While a pause is open, a due time not already passed cannot be known.
 */
public sealed interface SlaRule permits WorkingDays, WorkingHours, ElapsedHours, CalendarDays {

    /** The configuration names of the rule kinds, as used in the contract files. */
    List<String> KINDS = List.of(WorkingDays.KIND, WorkingHours.KIND, ElapsedHours.KIND, CalendarDays.KIND);

    /**
     * The rule of a configuration kind (one of {@link #KINDS}) and amount.
     *
     * @throws IllegalArgumentException for an unknown kind or an amount out of range
     */
    static SlaRule of(String kind, int amount) {
        return switch (kind) {
            case WorkingDays.KIND -> new WorkingDays(amount);
            case WorkingHours.KIND -> new WorkingHours(amount);
            case ElapsedHours.KIND -> new ElapsedHours(amount);
            case CalendarDays.KIND -> new CalendarDays(amount);
            default -> throw new IllegalArgumentException(
                    "unknown rule '" + kind + "'; expected one of " + String.join(", ", KINDS));
        };
    }

    /** The deadline for a clock started at {@code start} that is never paused. */
    Deadline deadline(Instant start, WorkingCalendar calendar);

    /** The due instant for a clock started at {@code start} that is never paused. */
    default Instant dueAt(Instant start, WorkingCalendar calendar) {
        return deadline(start, calendar).due();
    }

    /**
     * The due instant for a clock started at {@code start} with {@code pauses} (in order, not
     * overlapping, none before {@code start}; only the last may be open), as defined above.
     *
     * @return empty while an open pause holds the clock before it reached its due time
     */
    Optional<Instant> dueAt(Instant start, List<Pause> pauses, WorkingCalendar calendar);

    /** The configuration name of this rule's kind (one of {@link #KINDS}). */
    String kind();

    /** The N of the rule: days or hours. */
    int amount();

    /** In words, e.g. "2 working days" or "24 hours excluding weekends and bank holidays". */
    String describe();
}
