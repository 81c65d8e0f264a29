package org.advocacyhub.domain.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.testing.London;
import org.advocacyhub.domain.time.SlaClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Closing a case: each goal's mark (KPI 4), the clocks (LEW 8.12, LLR 5.23) and what a reopen goes back to. */
class CaseClosureTest {

    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();
    private static final Instant RECEIVED = London.at("2026-11-23T10:00");
    private static final Instant ALLOCATED = London.at("2026-11-23T14:00");
    /** Friday 27 November 2026, 15:00. */
    private static final Instant CLOSED = London.at("2026-11-27T15:00");

    private static final List<Goal> PLAN = List.of(new Goal("g1", "Move home", Goal.Status.IN_PROGRESS),
            new Goal("g2", "Be heard at the review", Goal.Status.NOT_STARTED), new Goal("g3", "See family", Goal.Status.IN_PROGRESS));

    private static ServiceConfig service(ServiceCode code) {
        return CONTRACTS.contractFor(code).service(code);
    }

    private static Contract contract(ServiceCode code) {
        return CONTRACTS.contractFor(code);
    }

    /** A case's clocks after allocation: the allocation clock met, the contact and meeting clocks running. */
    private static List<SlaClock> allocatedClocks(ServiceCode code) {
        ServiceConfig service = service(code);
        List<SlaClock> clocks = service.clocksStartedBy(ClockEvent.REFERRAL_RECEIVED).stream()
                .map(d -> d.startClock(RECEIVED, false)).toList();
        return CaseClocks.on(clocks, service, ClockEvent.ALLOCATED, ALLOCATED, Map.of(), false, contract(code).calendar()).clocks();
    }

    private static SlaClock named(List<SlaClock> clocks, String name) {
        return clocks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    @DisplayName("LLR Appendix One KPI 4: every goal of the plan is marked with the outcome given for it")
    void everyGoalIsMarked() {
        CaseClosure.Marked marked = CaseClosure.markGoals(PLAN, List.of(new CaseClosure.GoalOutcome("g2", Goal.Status.ACHIEVED),
                new CaseClosure.GoalOutcome("g1", Goal.Status.PARTLY_ACHIEVED), new CaseClosure.GoalOutcome("g3", Goal.Status.NOT_ACHIEVED)),
                "goals");
        assertTrue(marked.valid(), marked.errors().toString());
        assertEquals(List.of(new Goal("g1", "Move home", Goal.Status.PARTLY_ACHIEVED), new Goal("g2", "Be heard at the review",
                Goal.Status.ACHIEVED), new Goal("g3", "See family", Goal.Status.NOT_ACHIEVED)), marked.goals(), "in the plan's order");
    }

    @Test
    @DisplayName("LLR Appendix One KPI 4: a goal left without an outcome, one the plan does not have and one given twice are each named")
    void missingUnknownAndRepeatedGoalsAreNamed() {
        CaseClosure.Marked marked = CaseClosure.markGoals(PLAN, List.of(new CaseClosure.GoalOutcome("g1", Goal.Status.ACHIEVED),
                new CaseClosure.GoalOutcome("g9", Goal.Status.ACHIEVED), new CaseClosure.GoalOutcome("g1", Goal.Status.NOT_ACHIEVED),
                new CaseClosure.GoalOutcome("g2", Goal.Status.IN_PROGRESS)), "goals");
        assertFalse(marked.valid());
        assertEquals(List.of(
                new FieldError("goals.1.id", "The action plan has no goal 'g9'; its goals are g1, g2, g3"),
                new FieldError("goals.2.id", "Goal 'g1' is given twice"),
                new FieldError("goals.3.outcome", "A goal's outcome at closure is ACHIEVED, PARTLY_ACHIEVED or NOT_ACHIEVED"),
                new FieldError("goals", "Goal 'g3' has no outcome: every goal of the action plan is marked achieved, partly "
                        + "achieved or not achieved at closure (LLR Appendix One KPI 4)")), marked.errors());
        assertEquals(PLAN, marked.goals(), "nothing marked");
        assertEquals(List.of(new FieldError("goals", "Goals 'g1', 'g2', 'g3' have no outcome: every goal of the action plan is marked "
                + "achieved, partly achieved or not achieved at closure (LLR Appendix One KPI 4)")),
                CaseClosure.markGoals(PLAN, List.of(), "goals").errors());
    }

    @Test
    @DisplayName("a case with no action plan closes with no goals")
    void noPlanNoGoals() {
        assertEquals(List.of(), CaseClosure.markGoals(List.of(), List.of(), "goals").goals());
        assertEquals(List.of(new FieldError("goals.0.id", "The action plan has no goal 'g1'; it has no goals")),
                CaseClosure.markGoals(List.of(), List.of(new CaseClosure.GoalOutcome("g1", Goal.Status.ACHIEVED)), "goals").errors());
    }

    @Test
    @DisplayName("LEW 8.12, LLR 5.23: closing an IMCA case stops its running clocks and starts the report clock, 5 working days from the closure")
    void imcaClosureStartsTheReportClock() {
        CaseClocks.Applied applied = CaseClosure.clocks(allocatedClocks(ServiceCode.IMCA), service(ServiceCode.IMCA), CLOSED,
                Map.of(ClockEvent.ALLOCATED, ALLOCATED), false, contract(ServiceCode.IMCA).calendar());
        assertEquals(List.of("first-contact", "first-meeting"), applied.stopped().stream().map(CaseClocks.Stopped::clock).toList());
        assertEquals(CLOSED, named(applied.clocks(), "first-meeting").stoppedAt());
        assertFalse(applied.stopped().get(0).met(), "contact was due Tuesday 17:00: missed");
        assertTrue(applied.stopped().get(1).met(), "the meeting was not yet due");
        assertEquals(List.of("report"), applied.started());
        SlaClock report = named(applied.clocks(), "report");
        assertFalse(report.isStopped());
        assertEquals(CLOSED, report.startedAt());
        assertEquals(London.at("2026-12-04T17:00"), report.dueAt(contract(ServiceCode.IMCA).calendar()).orElseThrow(),
                "5 working days from Friday: the next Friday, 17:00");
        assertTrue(CaseClosure.endsInstruction(service(ServiceCode.IMCA)));
    }

    @Test
    @DisplayName("LLR 5.23: a report already sent when the IMCA case closes leaves the report clock met at once")
    void reportSentBeforeClosure() {
        Instant sent = CLOSED.minusSeconds(3600);
        CaseClocks.Applied applied = CaseClosure.clocks(allocatedClocks(ServiceCode.IMCA), service(ServiceCode.IMCA), CLOSED,
                Map.of(ClockEvent.REPORT_SENT, sent), false, contract(ServiceCode.IMCA).calendar());
        SlaClock report = named(applied.clocks(), "report");
        assertTrue(report.isStopped());
        assertTrue(report.met(contract(ServiceCode.IMCA).calendar()));
    }

    @Test
    @DisplayName("LLR 5.45: the DoLS IMCA report clock keeps running through the closure, the others stop")
    void dolsReportKeepsRunning() {
        CaseClocks.Applied applied = CaseClosure.clocks(allocatedClocks(ServiceCode.DOLS_IMCA), service(ServiceCode.DOLS_IMCA), CLOSED,
                Map.of(), false, contract(ServiceCode.DOLS_IMCA).calendar());
        assertFalse(named(applied.clocks(), "report").isStopped());
        assertTrue(named(applied.clocks(), "first-meeting").isStopped());
        assertEquals(List.of(), applied.started(), "a DoLS report clock runs from the referral, not from the closure");
        assertFalse(CaseClosure.endsInstruction(service(ServiceCode.DOLS_IMCA)));
    }

    @Test
    @DisplayName("LEW 8.12: closing a Care Act case stops every running clock and starts none")
    void careActClosureStopsAll() {
        CaseClocks.Applied applied = CaseClosure.clocks(allocatedClocks(ServiceCode.CARE_ACT), service(ServiceCode.CARE_ACT), CLOSED,
                Map.of(), false, contract(ServiceCode.CARE_ACT).calendar());
        assertTrue(applied.clocks().stream().allMatch(SlaClock::isStopped));
        assertEquals(List.of(), applied.started());
        assertEquals(named(allocatedClocks(ServiceCode.CARE_ACT), "allocation"), named(applied.clocks(), "allocation"),
                "a clock stopped before is left as it was");
    }

    @Test
    @DisplayName("a reopened case goes back to its advocate, its answer to the council, or the waiting list")
    void reopenedStatus() {
        Casework allocated = Casework.NONE.allocatedTo(new Allocation("ira", "Ira", ALLOCATED, "m-1"));
        assertEquals(CaseStatus.ALLOCATED, CaseClosure.reopenedStatus(allocated));
        assertEquals(CaseStatus.AWAITING_ALLOCATION, CaseClosure.reopenedStatus(Casework.NONE));
        Casework responded = Casework.NONE.withResponse(new AccommodationResponse(AccommodationResponse.Kind.OFFER, ALLOCATED, "m-1",
                "Room offered", null, null));
        assertEquals(CaseStatus.RESPONDED, CaseClosure.reopenedStatus(responded));
    }
}
