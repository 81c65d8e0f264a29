package org.advocacyhub.domain.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.advocacyhub.domain.casework.Allocation;
import org.advocacyhub.domain.casework.CaseClocks;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.Closure;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.Feedback;
import org.advocacyhub.domain.casework.Goal;
import org.advocacyhub.domain.casework.Hours;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.ScreeningRecord;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.eligibility.InformationNeeded;
import org.advocacyhub.domain.eligibility.Outcome;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.eligibility.ScreeningDecision;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.Disability;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.Referrer;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;

/** Cases built with the real domain types and the bundled contracts, moved along as the use cases move them. */
final class ReportFixtures {

    static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();
    static final Contract LLR = CONTRACTS.contract("LLR").orElseThrow();
    static final Contract LEW = CONTRACTS.contract("LEW").orElseThrow();
    static final Contract DERBY = CONTRACTS.contract("DERBY").orElseThrow();
    static final WorkingCalendar CALENDAR = LLR.calendar();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ReportFixtures() {
    }

    static Person person(String name, LocalDate dateOfBirth, String authority) {
        return new Person(name, dateOfBirth, Gender.FEMALE, Ethnicity.WHITE_BRITISH, Set.of(Disability.DEMENTIA), Residence.CARE_HOME, null,
                "LE1 7RH", authority, null, null, false);
    }

    static Person person(String authority) {
        return person("Alex Testperson " + SEQUENCE.incrementAndGet(), LocalDate.of(1950, 1, 1), authority);
    }

    /** A referral just received, its receipt clocks started (as ReceiveReferral does). */
    static ReferralCase received(ServiceCode service, Person person, Instant at) {
        return received(service, person, at, Urgency.STANDARD, ReferralSource.ADULT_SOCIAL_CARE, Map.of());
    }

    static ReferralCase received(ServiceCode service, Person person, Instant at, Urgency urgency, ReferralSource source,
                                 Map<String, String> answers) {
        Contract contract = CONTRACTS.contractFor(service);
        Referrer referrer = new Referrer(ReferrerRelationship.PROFESSIONAL, "Sam", "Social worker", "Council", "sam@council.example", null);
        ReferralDetails details = new ReferralDetails(service, ReferralRoute.EMAIL, source, person, referrer, urgency, null, null,
                Awareness.AWARE_AND_AGREES, "Reason", answers);
        List<SlaClock> clocks = new ArrayList<>();
        for (ClockDefinition definition : contract.service(service).clocksStartedBy(ClockEvent.REFERRAL_RECEIVED)) {
            clocks.add(definition.startClock(at, urgency == Urgency.URGENT));
        }
        return ReferralCase.received(new ReferralReference(contract.code(), 2026, SEQUENCE.incrementAndGet()), details, at, null, clocks);
    }

    static ScreeningDecision decision(Outcome outcome, Reason reason) {
        return new ScreeningDecision(outcome, List.of(reason), List.of(), outcome == Outcome.REDIRECT ? ServiceCode.CARE_ACT : null, Set.of(),
                outcome == Outcome.NEEDS_INFORMATION ? List.of(new InformationNeeded("the decision", "the decision maker")) : List.of());
    }

    /** Screened ELIGIBLE at {@code at}; the clocks started by acceptance start (CYP contact, LEW 8.4). */
    static ReferralCase eligible(ReferralCase c, Instant at) {
        ServiceConfig service = contract(c).service(c.details().service());
        CaseClocks.Applied applied = CaseClocks.on(c.clocks(), service, ClockEvent.REFERRAL_ACCEPTED, at, c.work().milestones(),
                c.details().urgency() == Urgency.URGENT, CALENDAR);
        ReferralCase screened = c.screened(CaseStatus.AWAITING_ALLOCATION,
                new ScreeningRecord(decision(Outcome.ELIGIBLE, new Reason("Meets the criteria", "LLR 5.2")), at, "test"), applied.clocks(), null);
        return screened.worked(screened.status(), screened.clocks(), screened.work().withMilestone(ClockEvent.REFERRAL_ACCEPTED, at));
    }

    /** Screened with {@code outcome} (not ELIGIBLE): the clocks are removed, as ScreenReferral does. */
    static ReferralCase screened(ReferralCase c, Outcome outcome, Reason reason, Instant at) {
        if (outcome == Outcome.ELIGIBLE) {
            throw new IllegalArgumentException("use eligible()");
        }
        CaseStatus status = CaseStatus.after(outcome);
        List<SlaClock> clocks = outcome == Outcome.NEEDS_INFORMATION ? c.clocks().stream().map(k -> k.pause(at, "Waiting")).toList()
                : outcome == Outcome.REDIRECT ? c.clocks() : List.of();
        return c.screened(status, new ScreeningRecord(decision(outcome, reason), at, "test"), clocks, null);
    }

    /** {@code event} happened at {@code at}: its clocks stop and start (as RecordMilestone / AllocateAdvocate do). */
    static ReferralCase event(ReferralCase c, ClockEvent event, Instant at) {
        ServiceConfig service = contract(c).service(c.details().service());
        CaseClocks.Applied applied = CaseClocks.on(c.clocks(), service, event, at, c.work().milestones(),
                c.details().urgency() == Urgency.URGENT, CALENDAR);
        return c.worked(c.status(), applied.clocks(), c.work().withMilestone(event, at));
    }

    static ReferralCase allocated(ReferralCase c, Instant at, String advocateId) {
        ReferralCase after = event(c, ClockEvent.ALLOCATED, at);
        return after.worked(CaseStatus.ALLOCATED, after.clocks(),
                after.work().allocatedTo(new Allocation(advocateId, "Advocate " + advocateId, at, "manager-1")));
    }

    static ReferralCase withHours(ReferralCase c, int directMinutes, int indirectMinutes) {
        return c.worked(c.status(), c.clocks(), c.work().withHours(c.work().hours().withMinutes(directMinutes, indirectMinutes)));
    }

    static ReferralCase withRequest(ReferralCase c, String hours, String reasons, Instant at) {
        Hours more = c.work().hours().withRequest(new Hours.Request(new BigDecimal(hours), reasons, at, "advocate-1"));
        return c.worked(c.status(), c.clocks(), c.work().withHours(more));
    }

    static ReferralCase withGoals(ReferralCase c, Goal.Status... statuses) {
        List<Goal> goals = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            goals.add(new Goal("g" + i, "Goal " + i, statuses[i]));
        }
        return c.worked(c.status(), c.clocks(), c.work().withActionPlan(goals));
    }

    static ReferralCase withFeedback(ReferralCase c, Instant at, Map<String, String> answers) {
        return c.worked(c.status(), c.clocks(), c.work().withFeedback(new Feedback(at, "advocate-1", answers)));
    }

    /** Closed at {@code at}: every running clock stops (CaseClocks.stopAll, LEW 8.12). */
    static ReferralCase closed(ReferralCase c, Instant at, ClosureReason reason) {
        ServiceConfig service = contract(c).service(c.details().service());
        CaseClocks.Applied applied = CaseClocks.stopAll(c.clocks(), service, at, ClockEvent.REPORT_SENT, CALENDAR);
        return c.worked(CaseStatus.CLOSED, applied.clocks(), c.work().withClosure(new Closure(reason, at, "manager-1", "Done")));
    }

    /** Reopened: the closure removed, back to its advocate (CaseClosure.reopenedStatus). */
    static ReferralCase reopened(ReferralCase c) {
        return c.worked(CaseStatus.ALLOCATED, c.clocks(), c.work().withClosure(null));
    }

    static TimeRow time(ReferralCase c, LocalDate date, int minutes, TimeEntry.Kind kind, TimeEntry.Activity activity, String by) {
        return new TimeRow(c.reference(), c.details().service(), c.details().person().authority(), date, minutes, kind, activity, null, by);
    }

    /** A direct hour attending {@code meeting} with the person (LEW Appendix 1). */
    static TimeRow meeting(ReferralCase c, LocalDate date, TimeEntry.Meeting meeting, String by) {
        return new TimeRow(c.reference(), c.details().service(), c.details().person().authority(), date, 60, TimeEntry.Kind.DIRECT,
                TimeEntry.Activity.MEETING_ATTENDANCE, meeting, by);
    }

    static Contract contract(ReferralCase c) {
        return CONTRACTS.contractFor(c.details().service());
    }
}
