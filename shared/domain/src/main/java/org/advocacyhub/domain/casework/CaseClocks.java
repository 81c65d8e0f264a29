package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * What a case event does to a case's clocks, as the contract defines them: it stops the running
 * clocks it ends and starts those it begins (requirements §5). Pure: the caller saves the result.
 */
public final class CaseClocks {

    private CaseClocks() {
    }

    /**
     * One clock that stopped, with both times the returns need (met or missed, requirements §10).
     *
     * @param dueAt when it was due (its pauses counted)
     */
    public record Stopped(String clock, String clause, Instant dueAt, Instant stoppedAt, boolean met) {

        /** "Clock 'allocation' stopped: met (due 2026-12-31T17:00:00Z, stopped 2026-12-30T10:00:00Z)". */
        public String describe() {
            return "Clock '" + clock + "' stopped: " + (met ? "met" : "missed") + " (due " + dueAt + ", stopped " + stoppedAt
                    + "; " + clause + ")";
        }
    }

    /**
     * The clocks after {@code event} happened at {@code at}.
     *
     * @param clocks    stopped: the clocks it stopped, with met or missed
     * @param started   the names of the clocks it started
     */
    public record Applied(List<SlaClock> clocks, List<Stopped> stopped, List<String> started) {
        public Applied {
            clocks = List.copyOf(clocks);
            stopped = List.copyOf(stopped);
            started = List.copyOf(started);
        }
    }

    /**
     * Applies {@code event}. A running clock it ends stops at {@code at}; one already stopped is
     * left alone (only the first contact stops the contact clock). A clock it begins starts at
     * {@code at} unless the case already has it (a reallocation starts nothing again, LLR 9.32).
     *
     * <p>Interpretation: staff may record an event after the fact, so {@code at} can be earlier
     * than a clock's start (a meeting recorded as held before a later-recorded contact); such a
     * clock stops at its own start, as met. A clock started now whose stopping event has already
     * happened ({@code happened}) stops at once, as met: the work it waits for is done.
     *
     * @param happened when each event first happened on the case (the case's milestones)
     * @param urgent   whether the case is urgent (DERBY 3.3.1: the urgent limit)
     */
    public static Applied on(List<SlaClock> clocks, ServiceConfig service, ClockEvent event, Instant at,
                             Map<ClockEvent, Instant> happened, boolean urgent, WorkingCalendar calendar) {
        List<SlaClock> after = new ArrayList<>();
        List<Stopped> stopped = new ArrayList<>();
        for (SlaClock clock : clocks) {
            Optional<ClockDefinition> definition = service.findClock(clock.name());
            if (definition.isPresent() && definition.get().stop() == event && !clock.isStopped()) {
                SlaClock done = clock.stop(stopInstant(clock, at));
                stopped.add(new Stopped(clock.name(), definition.get().clause(), done.dueAt(calendar).orElseThrow(),
                        done.stoppedAt(), done.met(calendar)));
                after.add(done);
            } else {
                after.add(clock);
            }
        }
        List<String> started = new ArrayList<>();
        for (ClockDefinition definition : service.clocksStartedBy(event)) {
            if (after.stream().anyMatch(c -> c.name().equals(definition.name()))) {
                continue;
            }
            SlaClock clock = definition.startClock(at, urgent);
            Instant stopEvent = happened.get(definition.stop());
            if (stopEvent != null) {
                SlaClock done = clock.stop(at);
                stopped.add(new Stopped(definition.name(), definition.clause(), done.dueAt(calendar).orElseThrow(), at, true));
                after.add(done);
            } else {
                after.add(clock);
            }
            started.add(definition.name());
        }
        return new Applied(after, stopped, started);
    }

    /** {@code at}, or the clock's start or open pause's start if that is later: a clock cannot stop before either. */
    private static Instant stopInstant(SlaClock clock, Instant at) {
        Instant earliest = clock.isPaused() ? clock.pauses().get(clock.pauses().size() - 1).start() : clock.startedAt();
        return at.isBefore(earliest) ? earliest : at;
    }

    /**
     * Every running clock stopped at {@code at} (a closure: LEW 8.12), except those that stop only
     * on {@code keepRunningUntil} (an IMCA report is still due after the instruction ends, LLR 5.23).
     */
    public static Applied stopAll(List<SlaClock> clocks, ServiceConfig service, Instant at, ClockEvent keepRunningUntil,
                                  WorkingCalendar calendar) {
        List<SlaClock> after = new ArrayList<>();
        List<Stopped> stopped = new ArrayList<>();
        for (SlaClock clock : clocks) {
            Optional<ClockDefinition> definition = service.findClock(clock.name());
            boolean keep = definition.isPresent() && definition.get().stop() == keepRunningUntil;
            if (clock.isStopped() || keep) {
                after.add(clock);
                continue;
            }
            SlaClock done = clock.stop(stopInstant(clock, at));
            stopped.add(new Stopped(clock.name(), definition.map(ClockDefinition::clause).orElse(""),
                    done.dueAt(calendar).orElseThrow(), done.stoppedAt(), done.met(calendar)));
            after.add(done);
        }
        return new Applied(after, stopped, List.of());
    }
}
