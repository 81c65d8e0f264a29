package org.advocacyhub.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One running deadline of a case, e.g. "allocation" under {@code WorkingDays(2)} from receipt
 * (LLR 9.38a). Immutable: every change returns a new clock, and the pauses stay on it so that
 * reports can show them. How pausing moves the due time is defined once, on {@link SlaRule}.
 *
 * <p>The time is always a parameter: a clock never reads the system clock.
 *
 * @param name      the clock's name in the contract (e.g. {@code allocation})
 * @param rule      how its time limit is counted
 * @param startedAt when the starting event happened
 * @param pauses    the pauses, in order; only the last may be open
 * @param stoppedAt when the stopping event happened; {@code null} while the clock runs
 */
public record SlaClock(String name, SlaRule rule, Instant startedAt, List<Pause> pauses, Instant stoppedAt) {

    public SlaClock {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a clock needs a name");
        }
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(startedAt, "startedAt");
        pauses = List.copyOf(pauses);
        RunningTime.segments(startedAt, pauses); // validates order and openness
        if (stoppedAt != null) {
            if (stoppedAt.isBefore(startedAt)) {
                throw new IllegalArgumentException("clock '" + name + "' cannot stop (" + stoppedAt + ") before it started (" + startedAt + ")");
            }
            if (!pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen()) {
                throw new IllegalArgumentException("clock '" + name + "' is stopped but still has an open pause");
            }
        }
    }

    /** A new running clock. */
    public static SlaClock start(String name, SlaRule rule, Instant at) {
        return new SlaClock(name, rule, at, List.of(), null);
    }

    public boolean isStopped() {
        return stoppedAt != null;
    }

    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen();
    }

    /** The stop instant, if stopped. */
    public Optional<Instant> stopped() {
        return Optional.ofNullable(stoppedAt);
    }

    /**
     * Pauses the clock.
     *
     * @throws IllegalStateException when stopped or already paused
     * @throws IllegalArgumentException when {@code at} is before the start or the end of the last pause
     */
    public SlaClock pause(Instant at, String reason) {
        requireRunning("pause");
        Instant earliest = pauses.isEmpty() ? startedAt : pauses.get(pauses.size() - 1).end();
        if (at.isBefore(earliest)) {
            throw new IllegalArgumentException("clock '" + name + "' cannot be paused at " + at + ", before " + earliest);
        }
        List<Pause> more = new ArrayList<>(pauses);
        more.add(Pause.from(at, reason));
        return new SlaClock(name, rule, startedAt, more, null);
    }

    /**
     * Resumes a paused clock.
     *
     * @throws IllegalStateException when not paused
     */
    public SlaClock resume(Instant at) {
        if (!isPaused()) {
            throw new IllegalStateException("clock '" + name + "' is not paused");
        }
        return new SlaClock(name, rule, startedAt, withLastPauseEndedAt(at), null);
    }

    /**
     * Stops the clock: its stopping event happened. Stopping a paused clock ends the pause at
     * the same instant.
     *
     * @throws IllegalStateException when already stopped
     */
    public SlaClock stop(Instant at) {
        if (isStopped()) {
            throw new IllegalStateException("clock '" + name + "' already stopped at " + stoppedAt);
        }
        List<Pause> ended = isPaused() ? withLastPauseEndedAt(at) : pauses;
        return new SlaClock(name, rule, startedAt, ended, at);
    }

    /** The soonest running clock of {@code clocks} that has a due time (a paused one has none), if there is one. */
    public static Optional<SlaClock> soonestRunning(java.util.Collection<SlaClock> clocks, WorkingCalendar calendar) {
        return clocks.stream().filter(k -> !k.isStopped() && k.dueAt(calendar).isPresent())
                .min(java.util.Comparator.comparing(k -> k.dueAt(calendar).get()));
    }

    /** The due instant, moved by the pauses; empty while an open pause holds a clock not yet due. */
    public Optional<Instant> dueAt(WorkingCalendar calendar) {
        return rule.dueAt(startedAt, pauses, calendar);
    }

    /** The deadline as if never paused, with the taken-as day for working-day rules. */
    public Deadline unpausedDeadline(WorkingCalendar calendar) {
        return rule.deadline(startedAt, calendar);
    }

    /** Whether the clock stopped at or before its due time. False while it runs. */
    public boolean met(WorkingCalendar calendar) {
        return isStopped() && status(stoppedAt, calendar) == ClockStatus.MET;
    }

    /** Elapsed time left until the due time at {@code now}; negative once overdue; empty while paused. */
    public Optional<Duration> remaining(Instant now, WorkingCalendar calendar) {
        return dueAt(calendar).map(due -> Duration.between(now, due));
    }

    /** Where the clock stands at {@code now} (a stopped clock's status does not depend on {@code now}). */
    public ClockStatus status(Instant now, WorkingCalendar calendar) {
        Optional<Instant> due = dueAt(calendar);
        if (isStopped()) {
            // A stopped clock has no open pause, so its due time is known.
            return due.filter(d -> !stoppedAt.isAfter(d)).isPresent() ? ClockStatus.MET : ClockStatus.MISSED;
        }
        if (due.isEmpty()) {
            return ClockStatus.PAUSED;
        }
        if (now.isAfter(due.get())) {
            return ClockStatus.OVERDUE;
        }
        return isPaused() ? ClockStatus.PAUSED : ClockStatus.RUNNING;
    }

    /** Total elapsed time paused, an open pause counting up to {@code now}. */
    public Duration timePaused(Instant now) {
        return pauses.stream().map(pause -> pause.length(now)).reduce(Duration.ZERO, Duration::plus);
    }

    /** The taken-as day for working-day rules, {@code null} otherwise (see {@link Deadline#takenAsDay}). */
    public LocalDate takenAsDay(WorkingCalendar calendar) {
        return unpausedDeadline(calendar).takenAsDay();
    }

    private void requireRunning(String action) {
        if (isStopped()) {
            throw new IllegalStateException("clock '" + name + "' is stopped; cannot " + action);
        }
        if (isPaused()) {
            throw new IllegalStateException("clock '" + name + "' is already paused");
        }
    }

    private List<Pause> withLastPauseEndedAt(Instant at) {
        List<Pause> ended = new ArrayList<>(pauses);
        Pause last = ended.remove(ended.size() - 1);
        if (at.isBefore(last.start())) {
            throw new IllegalArgumentException("clock '" + name + "' cannot resume at " + at + ", before its pause began at " + last.start());
        }
        ended.add(last.endedAt(at));
        return ended;
    }
}
