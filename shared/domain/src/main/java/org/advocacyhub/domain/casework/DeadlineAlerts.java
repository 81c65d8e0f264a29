package org.advocacyhub.domain.casework;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.contract.Warning;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.time.ServiceHours;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * When a running clock needs an alert (requirements §5, issue 9): a reminder before its deadline,
 * at the time its {@link Warning} gives, and an escalation once the deadline has passed unmet.
 * Pure: the due time, the contract's service hours and calendar are parameters, so a clock that
 * is paused and resumed gets times that move with its deadline.
 */
public final class DeadlineAlerts {

    private DeadlineAlerts() {
    }

    /** The two alerts of a deadline. */
    public enum Kind {
        /** Before the deadline: to the advocate, or the duty managers before allocation. */
        REMINDER,
        /** After the deadline passed unmet: to the duty managers and the advocate. */
        ESCALATION
    }

    /**
     * A running clock of a case that alerts will be raised for: its definition, due time and
     * reminder time.
     */
    public record Watched(SlaClock clock, ClockDefinition definition, Instant dueAt, Instant reminderAt, boolean urgent) {
    }

    /**
     * The clocks of {@code referral} that alerts are raised for: every clock its service defines
     * that is running with a due time. A paused clock whose deadline is not yet known raises
     * nothing (issue 9), and one that is stopped raises nothing more.
     */
    public static List<Watched> watched(ReferralCase referral, Contract contract) {
        ServiceConfig service = contract.service(referral.details().service());
        boolean urgent = referral.details().urgency() == Urgency.URGENT;
        List<Watched> watched = new ArrayList<>();
        for (SlaClock clock : referral.clocks()) {
            if (clock.isStopped()) {
                continue;
            }
            Optional<ClockDefinition> definition = service.findClock(clock.name());
            Optional<Instant> due = clock.dueAt(contract.calendar());
            if (definition.isPresent() && due.isPresent()) {
                watched.add(new Watched(clock, definition.get(), due.get(),
                        reminderAt(clock, definition.get(), due.get(), contract.serviceHours(), contract.calendar()), urgent));
            }
        }
        return watched;
    }

    /**
     * The callback clock of an answerphone message (LLR 9.23), while alerts are raised for it: running,
     * with the contract's answerphone clock definition. Never urgent.
     */
    public static Optional<Watched> watched(org.advocacyhub.domain.answerphone.AnswerphoneMessage message, Contract contract) {
        SlaClock clock = message.clock();
        Optional<ClockDefinition> definition = contract.answerphoneClock();
        Optional<Instant> due = clock.isStopped() ? Optional.empty() : clock.dueAt(contract.calendar());
        if (definition.isEmpty() || due.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Watched(clock, definition.get(), due.get(),
                reminderAt(clock, definition.get(), due.get(), contract.serviceHours(), contract.calendar()), false));
    }

    /**
     * When the reminder of {@code clock} is due, given its due time.
     *
     * <ul>
     *   <li>{@link Warning.Kind#OPENING_ON_DUE_DAY}: the service's opening on the London day the
     *       deadline falls (the day of the instant just before it, so a deadline at midnight falls on
     *       the day that ends). Interpretation: on a day the service is closed (a calendar-day
     *       deadline on a Sunday), the last opening before the deadline.</li>
     *   <li>{@link Warning.Kind#FRACTION_ELAPSED}: when that share of the time limit has gone,
     *       counted back from the due time in the rule's own time (working time for working hours),
     *       so pauses move it as they move the deadline.</li>
     * </ul>
     * A reminder time before the clock started is the clock's start: warned at once (issue 9: "at
     * once if the clock starts that day"). Without a configured warning, the default is that of the
     * rule the clock runs under (an urgent rule may count days where the standard one counts hours).
     */
    public static Instant reminderAt(SlaClock clock, ClockDefinition definition, Instant due, ServiceHours hours,
                                     WorkingCalendar calendar) {
        Warning warning = definition.warning().orElseGet(() -> Warning.defaultFor(clock.rule().kind()));
        Instant reminder = switch (warning.kind()) {
            case OPENING_ON_DUE_DAY -> openingOnDueDay(due, hours, calendar);
            case FRACTION_ELAPSED -> beforeDue(clock, due, warning.fraction(), calendar);
        };
        return reminder.isBefore(clock.startedAt()) ? clock.startedAt() : reminder;
    }

    private static Instant openingOnDueDay(Instant due, ServiceHours hours, WorkingCalendar calendar) {
        LocalDate day = LocalDateTime.ofInstant(due.minusNanos(1), WorkingCalendar.ZONE).toLocalDate();
        for (int back = 0; back < 30; back++, day = day.minusDays(1)) {
            if (hours.isOpenOn(day, calendar)) {
                Instant opening = day.atTime(hours.opens()).atZone(WorkingCalendar.ZONE).toInstant();
                if (opening.isBefore(due)) {
                    return opening;
                }
            }
        }
        return due;
    }

    private static Instant beforeDue(SlaClock clock, Instant due, BigDecimal fraction, WorkingCalendar calendar) {
        long limitMillis = Duration.ofHours(clock.rule().amount()).toMillis();
        Duration left = Duration.ofMillis(BigDecimal.ONE.subtract(fraction).multiply(BigDecimal.valueOf(limitMillis)).longValue());
        return clock.rule().kind().equals("working-hours") ? calendar.minusWorkingTime(due, left) : due.minus(left);
    }

    /**
     * The next alert a running clock needs after the stage it has reached, and when: the reminder
     * while it has not been raised (unless it would come at or after the deadline), else the
     * escalation, one millisecond after the due time: a deadline is met by an event exactly at it
     * (requirements §5 interpretation 2), so it is missed only after.
     */
    public static Next next(Kind stage, Instant reminderAt, Instant due) {
        if (stage == Kind.REMINDER && reminderAt.isBefore(due)) {
            return new Next(Kind.REMINDER, reminderAt);
        }
        return new Next(Kind.ESCALATION, due.plusMillis(1));
    }

    /** The alert a clock is waiting for and when it falls due. */
    public record Next(Kind kind, Instant at) {
    }

    /** Which alert is due at {@code now} for a clock waiting for {@code waiting}: the escalation once the deadline has passed. */
    public static Optional<Kind> dueAt(Instant now, Kind waiting, Instant reminderAt, Instant due) {
        if (now.isAfter(due)) {
            return Optional.of(Kind.ESCALATION);
        }
        return waiting == Kind.REMINDER && !now.isBefore(reminderAt) ? Optional.of(Kind.REMINDER) : Optional.empty();
    }
}
