package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.advocacyhub.domain.casework.CaseClocks;
import org.advocacyhub.domain.casework.CaseClosure;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.Casework;
import org.advocacyhub.domain.casework.Closure;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.Goal;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ObjectListSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.referral.Urgency;

/**
 * Closing a case (LEW 8.12; LLR 4.5.4, 5.21-5.23, 7.41) and a manager's reopening of it. A closure
 * gives its reason, each goal of the action plan its outcome (KPI 4) and a summary; every running
 * clock stops, except that the end of an IMCA instruction starts the report clock (LLR 5.23), and
 * the case leaves its advocate's list. A closed case is changed by nothing but the report sent,
 * the person's feedback and a manager's reopen.
 */
@Singleton
public final class CloseCase {

    /** Generous for one person's plan, as the plan itself allows. */
    private static final int MOST_GOALS = 50;

    public static final FieldSpec REASON = new FieldSpec("reason", "Why the case closed", "", FieldKind.CHOICE, true, 40,
            List.of(ClosureReason.values()), "Select why the case closed", "Reason");
    public static final ObjectListSpec GOALS = new ObjectListSpec("goals", "Goals", List.of(
            new FieldSpec("id", "Goal id", "Each goal of the action plan, by its id", FieldKind.TEXT, true, 40, List.of(),
                    "Give the goal's id", "A goal's id"),
            new FieldSpec("outcome", "Outcome", "", FieldKind.CHOICE, true, 40, Goal.Status.OUTCOMES,
                    "Select the goal's outcome", "A goal's outcome")),
            false, MOST_GOALS, "");
    public static final FieldSpec SUMMARY = new FieldSpec("summary", "Summary", "What was done and achieved, for the returns' summary "
            + "of outcomes (LLR 26.17)", FieldKind.TEXTAREA, true, 2000, List.of(), "Enter a summary of the work and its outcome", "Summary");
    /** {@code {"reason", "goals": [{"id", "outcome"}], "summary"}}, as the route declares them. */
    public static final List<FieldSpec> FIELDS = fields();
    public static final FieldSpec REOPEN_REASON = new FieldSpec("reason", "Why the case is reopened", "", FieldKind.TEXTAREA, true, 1000,
            List.of(), "Enter why the case is reopened", "Reason");
    public static final List<FieldSpec> REOPEN_FIELDS = List.of(REOPEN_REASON);

    private final CaseWork work;
    private final ContractCatalogue contracts;

    public CloseCase(CaseWork work, ContractCatalogue contracts) {
        this.work = work;
        this.contracts = contracts;
    }

    private static List<FieldSpec> fields() {
        List<FieldSpec> fields = new ArrayList<>(List.of(REASON));
        fields.addAll(GOALS.declared());
        fields.add(SUMMARY);
        return List.copyOf(fields);
    }

    /** {@code POST /cases/{reference}/closure}: the case's advocate or a manager. */
    public CaseWork.Outcome close(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, CaseWork.WhenClosed.REFUSE,
                values -> "closed the case", List.of(REASON, SUMMARY), List.of(GOALS), values -> List.of(), body, "a closure",
                planner(actor));
    }

    /**
     * The closure {@link #close} would make, checked by the same rules and not made: {@link CaseWork.Checked}, or what
     * the closure would be refused with (the console's "check your answers" step, issue 21).
     */
    public CaseWork.Outcome check(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.check(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, CaseWork.WhenClosed.REFUSE,
                values -> "closed the case", List.of(REASON, SUMMARY), List.of(GOALS), values -> List.of(), body, "a closure",
                planner(actor));
    }

    private CaseWork.Planner planner(StaffActor actor) {
        return (values, referral, now) -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) values.getOrDefault(GOALS.name(), List.of());
            List<CaseClosure.GoalOutcome> outcomes = items.stream()
                    .map(item -> new CaseClosure.GoalOutcome((String) item.get("id"), (Goal.Status) item.get("outcome"))).toList();
            return plan(referral, now, actor, (ClosureReason) values.get(REASON.name()), outcomes, (String) values.get(SUMMARY.name()));
        };
    }

    private CaseWork.Plan plan(ReferralCase referral, Instant now, StaffActor actor, ClosureReason reason,
                               List<CaseClosure.GoalOutcome> outcomes, String summary) {
        if (!referral.status().isOpenCasework()) {
            return new CaseWork.Stop(new CaseWork.Conflict("Only an accepted case is closed; this one is: "
                    + referral.status().description()));
        }
        // LLR Appendix One KPI 4: every goal of the plan gets its outcome; a goal missing or unknown is named.
        CaseClosure.Marked marked = CaseClosure.markGoals(referral.work().actionPlan(), outcomes, GOALS.name());
        if (!marked.valid()) {
            return new CaseWork.Stop(new CaseWork.Invalid(marked.errors()));
        }
        Contract contract = contracts.contractFor(referral.details().service());
        ServiceConfig service = contract.service(referral.details().service());
        CaseClocks.Applied clocks = CaseClosure.clocks(referral.clocks(), service, now, referral.work().milestones(),
                referral.details().urgency() == Urgency.URGENT, contract.calendar());
        List<CaseEvent> events = new ArrayList<>();
        // The whole closure goes in the timeline: a reopen takes it off the case, the timeline keeps it.
        events.add(new CaseEvent(now, CaseEvent.Type.CLOSED, "Closed: " + reason.displayName() + " (" + reason.clause() + ")"
                + goals(marked.goals()) + ". Summary: " + summary));
        Casework after = referral.work().withActionPlan(marked.goals()).withClosure(new Closure(reason, now, actor.id(), summary));
        if (CaseClosure.endsInstruction(service)) {
            events.add(new CaseEvent(now, CaseEvent.Type.INSTRUCTION_ENDED, "The instruction ended with the closure ("
                    + reason.displayName().toLowerCase(java.util.Locale.UK) + "); a report is still due (LLR 5.23)"));
            after = after.withMilestone(ClockEvent.INSTRUCTION_ENDED, now);
        }
        ClockChanges.describe(clocks, service, contract, now, events);
        return CaseWork.Change.of(referral.worked(CaseStatus.CLOSED, clocks.clocks(), after), events);
    }

    /** "; goals: a1 Achieved, b2 Not achieved" (KPI 4), or nothing without a plan. */
    private static String goals(List<Goal> goals) {
        return goals.isEmpty() ? "; no action plan goals" : "; goals (" + CaseClosure.KPI_4 + "): "
                + goals.stream().map(g -> g.id() + " " + g.status().displayName()).collect(Collectors.joining(", "));
    }

    /**
     * {@code POST /cases/{reference}/reopen}: a manager only. The case goes back to its advocate (or
     * the waiting list, or its answer to the council), its closure leaves the case and stays in the
     * timeline, and the clocks the closure stopped stay stopped: each was counted once, met or
     * missed (requirements §10). A report clock the closure started keeps running.
     */
    public CaseWork.Outcome reopen(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER, CaseWork.WhenClosed.ALLOW, "reopened the case", REOPEN_FIELDS, body,
                "a reopen", (values, referral, now) -> {
                    Closure closure = referral.work().closure();
                    if (closure == null) {
                        return new CaseWork.Stop(new CaseWork.Conflict("The case is not closed"));
                    }
                    CaseStatus status = CaseClosure.reopenedStatus(referral.work());
                    CaseEvent event = new CaseEvent(now, CaseEvent.Type.REOPENED, "Reopened (closed " + closure.at() + ": "
                            + closure.reason().displayName() + "); back to: " + status.description() + ". The clocks the closure "
                            + "stopped stay stopped. Reason: " + values.get(REOPEN_REASON.name()));
                    return CaseWork.Change.of(referral.worked(status, referral.clocks(), referral.work().withClosure(null)), List.of(event));
                });
    }
}
