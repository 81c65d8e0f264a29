package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The rules of closing a case and reopening it (LEW 8.12; LLR 9.34 and Appendix One KPI 4;
 * LLR 5.21-5.23). Pure: the caller saves the result.
 */
public final class CaseClosure {

    /** The clause every goal's closing mark serves. */
    public static final String KPI_4 = "LLR Appendix One KPI 4";

    private CaseClosure() {
    }

    /** The outcome given for one goal at closure. */
    public record GoalOutcome(String goalId, Goal.Status outcome) {
    }

    /**
     * The action plan with its closing marks, or the problems with the outcomes given, each naming
     * its request field.
     */
    public record Marked(List<Goal> goals, List<FieldError> errors) {
        public Marked {
            goals = List.copyOf(goals);
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * Each goal of {@code plan} marked with its outcome from {@code given} (KPI 4: a person's goals
     * achieved as set out in their action plan). Every goal of the plan must be given exactly once,
     * with a closing mark (achieved, partly achieved or not achieved), and only goals of the plan:
     * a goal given that the plan does not have is named at {@code goals.<i>.id}, one given twice
     * too, and the plan's goals left without an outcome are named together at {@code goals}.
     *
     * @param field the request's list of outcomes, {@code goals}
     */
    public static Marked markGoals(List<Goal> plan, List<GoalOutcome> given, String field) {
        Map<String, Goal> byId = new LinkedHashMap<>();
        plan.forEach(goal -> byId.put(goal.id(), goal));
        Map<String, Goal.Status> outcomes = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            GoalOutcome outcome = given.get(i);
            String at = field + "." + i;
            if (!byId.containsKey(outcome.goalId())) {
                errors.add(new FieldError(at + ".id", "The action plan has no goal '" + outcome.goalId() + "'; "
                        + (plan.isEmpty() ? "it has no goals" : "its goals are " + String.join(", ", byId.keySet()))));
            } else if (!seen.add(outcome.goalId())) {
                errors.add(new FieldError(at + ".id", "Goal '" + outcome.goalId() + "' is given twice"));
            } else if (!outcome.outcome().isFinal()) {
                errors.add(new FieldError(at + ".outcome", "A goal's outcome at closure is ACHIEVED, PARTLY_ACHIEVED or NOT_ACHIEVED"));
            } else {
                outcomes.put(outcome.goalId(), outcome.outcome());
            }
        }
        List<String> missing = byId.keySet().stream().filter(id -> !seen.contains(id)).toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError(field, (missing.size() == 1 ? "Goal '" + missing.get(0) + "' has" : "Goals '"
                    + String.join("', '", missing) + "' have") + " no outcome: every goal of the action plan is marked achieved, "
                    + "partly achieved or not achieved at closure (" + KPI_4 + ")"));
        }
        if (!errors.isEmpty()) {
            return new Marked(plan, errors);
        }
        return new Marked(plan.stream().map(goal -> goal.withStatus(outcomes.get(goal.id()))).toList(), List.of());
    }

    /**
     * Whether a closure ends the instruction of a case of {@code service}: so for a service with a
     * clock that the end of the instruction starts (the IMCA report, LLR 5.23).
     *
     * <p>Interpretation: every closure reason ends an IMCA instruction, not only "instruction
     * withdrawn": a closed case has no instruction left, and LLR 5.23 asks for a written report for
     * all instructions, naming withdrawn instructions and the person's death among them. So the
     * closure is the {@link ClockEvent#INSTRUCTION_ENDED} event, and the report clock starts then.
     */
    public static boolean endsInstruction(ServiceConfig service) {
        return !service.clocksStartedBy(ClockEvent.INSTRUCTION_ENDED).isEmpty();
    }

    /**
     * The clocks after a closure at {@code at}: every running clock stops (LEW 8.12), met or missed
     * by its due time, except a report's; then, for a service whose instruction the closure ends,
     * the clocks the end of the instruction starts (the IMCA report within 5 working days,
     * LLR 5.23) start, already stopped as met if the report was sent before.
     *
     * <p>Interpretation: sending the report is the one thing still recorded on a closed case
     * (LLR 5.23: a report for every instruction), so a clock that stops when the report is sent
     * keeps running through the closure: the DoLS IMCA report (LLR 5.45) as well as the IMCA one.
     * Every other clock's work can no longer happen once the case is closed.
     *
     * @param happened when each event first happened on the case (its milestones)
     * @param urgent   whether the case is urgent
     */
    public static CaseClocks.Applied clocks(List<SlaClock> clocks, ServiceConfig service, Instant at,
                                            Map<ClockEvent, Instant> happened, boolean urgent, WorkingCalendar calendar) {
        CaseClocks.Applied stopped = CaseClocks.stopAll(clocks, service, at, ClockEvent.REPORT_SENT, calendar);
        if (!endsInstruction(service)) {
            return stopped;
        }
        CaseClocks.Applied ended = CaseClocks.on(stopped.clocks(), service, ClockEvent.INSTRUCTION_ENDED, at, happened, urgent,
                calendar);
        List<CaseClocks.Stopped> all = new ArrayList<>(stopped.stopped());
        all.addAll(ended.stopped());
        return new CaseClocks.Applied(ended.clocks(), all, ended.started());
    }

    /**
     * The status a reopened case goes back to: with its advocate (ALLOCATED), with its answer to the
     * council (DERBY: RESPONDED), or waiting for an advocate. Its closure stays in the timeline; the
     * clocks the closure stopped stay stopped (each was counted met or missed once, requirements §10).
     */
    // Interpretation: the issue names ALLOCATED, or AWAITING_ALLOCATION without an advocate; a DERBY case has no
    // advocate but may have answered the council, and goes back to RESPONDED then, as it was.
    public static CaseStatus reopenedStatus(Casework work) {
        if (work.allocation() != null) {
            return CaseStatus.ALLOCATED;
        }
        return work.response() != null ? CaseStatus.RESPONDED : CaseStatus.AWAITING_ALLOCATION;
    }
}
