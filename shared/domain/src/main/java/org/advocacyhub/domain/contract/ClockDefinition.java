package org.advocacyhub.domain.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.time.Deadline;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.SlaRule;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * A clock a contract promises, as configured: e.g. {@code allocation}, from
 * {@link ClockEvent#REFERRAL_RECEIVED} to {@link ClockEvent#ALLOCATED}, within 2 working days
 * (LLR 9.38a), KPI 1 target 95%.
 *
 * @param name        unique within its service (or contract, for contract-wide clocks)
 * @param description what is due, in words for the referrer (e.g. "allocate an advocate")
 * @param start       the event that starts it
 * @param stop        the event that stops it
 * @param rule        how its limit is counted for a standard referral
 * @param urgentRule  the limit for an urgent referral, if different (DERBY 3.3.1: 1 hour)
 * @param clause      the clause it implements
 * @param kpi         the KPI it feeds, if any
 * @param warning     when staff are warned before it falls due, if the contract says; else {@link Warning#defaultFor}
 */
public record ClockDefinition(
        String name,
        String description,
        ClockEvent start,
        ClockEvent stop,
        SlaRule rule,
        Optional<SlaRule> urgentRule,
        String clause,
        Optional<KpiTarget> kpi,
        Optional<Warning> warning) {

    public ClockDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(urgentRule, "urgentRule");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(warning, "warning");
    }

    /** A clock warned about by the default for its rule. */
    public ClockDefinition(String name, String description, ClockEvent start, ClockEvent stop, SlaRule rule,
                           Optional<SlaRule> urgentRule, String clause, Optional<KpiTarget> kpi) {
        this(name, description, start, stop, rule, urgentRule, clause, kpi, Optional.empty());
    }

    /**
     * When staff are warned before this clock falls due under its standard rule (issue 9). A clock
     * running under an urgent rule of another kind gets that rule's default instead, see
     * {@code DeadlineAlerts.reminderAt}.
     */
    public Warning warningOrDefault() {
        return warning.orElse(Warning.defaultFor(rule.kind()));
    }

    /** The rule for a standard or an urgent case. */
    public SlaRule rule(boolean urgent) {
        return urgent ? urgentRule.orElse(rule) : rule;
    }

    /** The deadline of this clock started at {@code startedAt}, never paused. */
    public Deadline deadline(Instant startedAt, boolean urgent, WorkingCalendar calendar) {
        return rule(urgent).deadline(startedAt, calendar);
    }

    /** A running {@link SlaClock} for this definition. */
    public SlaClock startClock(Instant at, boolean urgent) {
        return SlaClock.start(name, rule(urgent), at);
    }
}
