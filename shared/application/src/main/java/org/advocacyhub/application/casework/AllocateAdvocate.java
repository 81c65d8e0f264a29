package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.mail.OutboxMails;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffEmails;
import org.advocacyhub.domain.casework.Allocation;
import org.advocacyhub.domain.casework.BrokenRule;
import org.advocacyhub.domain.casework.CaseClocks;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.Casework;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.staff.AllocationCheck;
import org.advocacyhub.domain.staff.AllocationRequirement;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * A manager allocates an accepted case to a named advocate (LLR 9.38a, 33.7e), or reallocates it
 * to another (leave, sickness: LLR 9.32). The advocate must be active, work in the service and hold
 * what the contract says the service needs (LLR 13.1-13.7, 5.49); every rule broken is named with
 * its clause. The first allocation stops the allocation clock (met or missed, with both times) and
 * starts the clocks that run from allocation; a reallocation keeps every clock as it is.
 *
 * <p>Each carries what its caller saw (issue 19: twenty managers allocating one case at once all
 * "succeeded", last writer winning, and twenty advocates were told the case was theirs). An
 * allocation succeeds only while the case is still waiting; a reallocation only while the case is
 * still held by the advocate the caller names as its holder. Anything else is a conflict that names
 * who holds the case now, and sends nothing. The save is conditional on the case's version, so of
 * two allocations made at once exactly one is saved, with its one email (written into the outbox
 * in that save); the other is told who won.
 */
@Singleton
public final class AllocateAdvocate {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    public static final FieldSpec ADVOCATE = new FieldSpec("advocateId", "Advocate", "The advocate's staff id", FieldKind.TEXT,
            true, 40, List.of(), "Enter the advocate's staff id", "Advocate");
    /** A reallocation: the advocate the caller saw holding the case. */
    public static final FieldSpec FROM_ADVOCATE = new FieldSpec("fromAdvocateId", "Current advocate", "The staff id of the advocate "
            + "who holds the case now, as you saw it: the case moves only if they still hold it", FieldKind.TEXT, true, 40, List.of(),
            "Enter the staff id of the advocate who holds the case now", "Current advocate");
    /** Why it moves (LLR 9.32: leave, sickness, a conflict of interest...), for the timeline. */
    public static final FieldSpec REASON = new FieldSpec("reason", "Reason", "Why the case moves to another advocate (LLR 9.32), "
            + "for the case's timeline", FieldKind.TEXTAREA, true, 500, List.of(), "Enter why the case moves", "Reason");
    public static final List<FieldSpec> REALLOCATION = List.of(FROM_ADVOCATE, ADVOCATE, REASON);

    private final CaseWork work;
    private final StaffDirectory directory;
    private final StaffEmails emails;
    private final CaseStore store;
    private final ContractCatalogue contracts;
    private final Clock clock;

    public AllocateAdvocate(CaseWork work, StaffDirectory directory, StaffEmails emails, CaseStore store,
                            ContractCatalogue contracts, Clock clock) {
        this.work = work;
        this.directory = directory;
        this.emails = emails;
        this.store = store;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** {@code POST /cases/{reference}/allocation} with {@code {"advocateId": "jo-advocate"}}: the case must still be waiting. */
    public CaseWork.Outcome allocate(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return heldBy(reference, work.change(reference, actor, CaseWork.Access.MANAGER, CaseWork.WhenClosed.REFUSE,
                values -> "allocated the case to " + values.get(ADVOCATE.name()), List.of(ADVOCATE), body, "an allocation",
                (values, referral, now) -> allocation(referral, now, (String) values.get(ADVOCATE.name()), actor)));
    }

    /**
     * {@code POST /cases/{reference}/reallocation} with {@code {"fromAdvocateId": "ira-imca", "advocateId": "hana-imha",
     * "reason": "..."}}: the case must still be held by {@code fromAdvocateId}.
     */
    public CaseWork.Outcome reallocate(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return heldBy(reference, work.change(reference, actor, CaseWork.Access.MANAGER, CaseWork.WhenClosed.REFUSE,
                values -> "reallocated the case from " + values.get(FROM_ADVOCATE.name()) + " to " + values.get(ADVOCATE.name()),
                REALLOCATION, body, "a reallocation",
                (values, referral, now) -> reallocation(referral, now, (String) values.get(FROM_ADVOCATE.name()),
                        (String) values.get(ADVOCATE.name()), (String) values.get(REASON.name()), actor)));
    }

    /**
     * A save that lost to another change made at the same moment: say who holds the case now, as a stale
     * allocation is told, rather than only "it changed".
     */
    private CaseWork.Outcome heldBy(ReferralReference reference, CaseWork.Outcome outcome) {
        if (!(outcome instanceof CaseWork.Conflict conflict) || !conflict.why().startsWith(CaseWork.CHANGED_MEANWHILE)) {
            return outcome;
        }
        return store.findCase(reference).filter(c -> c.work().allocation() != null)
                .<CaseWork.Outcome>map(c -> new CaseWork.Conflict("The case was allocated to " + c.work().allocation().advocateName()
                        + " meanwhile. Nothing was changed and no one was emailed."))
                .orElse(outcome);
    }

    /**
     * An advocate the case could go to, and every rule allocating it to them would break (none:
     * they are offered). The check is the allocation's own, so the console offers exactly the
     * advocates an allocation would accept.
     */
    public record Candidate(StaffRecord advocate, List<BrokenRule> broken) {

        public Candidate {
            broken = List.copyOf(broken);
        }

        public boolean qualified() {
            return broken.isEmpty();
        }
    }

    /**
     * Each advocate of {@code staff} (the directory, read once for a whole waiting list) for
     * {@code referral}: managers and members who do not work in the case's contract are left out.
     */
    public List<Candidate> candidates(ReferralCase referral, List<StaffRecord> staff) {
        ServiceConfig service = CaseWork.serviceOf(referral, contracts);
        LocalDate today = today(clock.instant());
        AllocationRequirement.Context context = new AllocationRequirement.Context(today,
                AllocationCheck.usesBritishSignLanguage(referral.details().person()));
        List<Candidate> out = new ArrayList<>();
        for (StaffRecord member : staff) {
            if (member.role() == org.advocacyhub.domain.staff.StaffRole.ADVOCATE && member.contracts().contains(referral.reference().contract())) {
                out.add(new Candidate(member, AllocationCheck.check(member, referral.reference().contract(),
                        referral.details().service(), service.allocation(), context)));
            }
        }
        return out;
    }

    /**
     * Each member of staff's time recorded this calendar month so far (UK dates, any contract), in minutes: what a
     * manager weighs beside a candidate's open cases (issue 21). Interpretation of "hours this month": the time entries
     * the advocate recorded ({@code author}) dated from the 1st of this month to today, on any case, open or closed.
     */
    public Map<String, Integer> minutesThisMonth() {
        LocalDate today = today(clock.instant());
        return store.minutesRecorded(today.withDayOfMonth(1), today);
    }

    /** The staff directory, for {@link #candidates}. */
    public List<StaffRecord> staff() {
        return directory.all();
    }

    private CaseWork.Plan allocation(ReferralCase referral, Instant now, String advocateId, StaffActor actor) {
        Casework current = referral.work();
        if (referral.status() == CaseStatus.ALLOCATED && current.allocation() != null) {
            String holder = current.allocation().advocateName();
            return new CaseWork.Stop(new CaseWork.Conflict(current.allocation().advocateId().equals(advocateId)
                    ? "The case is already allocated to " + holder + ". Nothing was changed."
                    : "The case is already allocated to " + holder + ". To move it to another advocate, reallocate it with a "
                    + "reason (LLR 9.32). Nothing was changed."));
        }
        if (referral.status() != CaseStatus.AWAITING_ALLOCATION) {
            return new CaseWork.Stop(new CaseWork.Conflict("Only an accepted referral can be allocated; this one is: "
                    + referral.status().description()));
        }
        Optional<StaffRecord> advocate = qualified(referral, now, advocateId);
        if (advocate.isEmpty()) {
            return refusal(referral, now, advocateId);
        }
        List<CaseEvent> events = new ArrayList<>();
        Allocation allocation = new Allocation(advocate.get().id(), advocate.get().name(), now, actor.id());
        events.add(new CaseEvent(now, CaseEvent.Type.ALLOCATED, "Allocated to " + advocate.get().name() + " (LLR 9.38a, 33.7e)"));
        CaseClocks.Applied clocks = ClockChanges.apply(referral, contracts, ClockEvent.ALLOCATED, now, now, events);
        ReferralCase after = referral.worked(CaseStatus.ALLOCATED, clocks.clocks(),
                current.withMilestone(ClockEvent.ALLOCATED, now).allocatedTo(allocation));
        return change(after, events, advocate.get(), now);
    }

    private CaseWork.Plan reallocation(ReferralCase referral, Instant now, String fromAdvocateId, String advocateId, String reason,
                                       StaffActor actor) {
        Casework current = referral.work();
        if (referral.status() != CaseStatus.ALLOCATED || current.allocation() == null) {
            return new CaseWork.Stop(new CaseWork.Conflict("Only an allocated case can be reallocated; this one is: "
                    + referral.status().description() + ". Nothing was changed."));
        }
        if (!current.allocation().advocateId().equals(fromAdvocateId)) {
            return new CaseWork.Stop(new CaseWork.Conflict("The case is now allocated to " + current.allocation().advocateName()
                    + ", not to the advocate you saw. Look at the case again before moving it. Nothing was changed."));
        }
        if (fromAdvocateId.equals(advocateId)) {
            return new CaseWork.Stop(new CaseWork.Invalid(List.of(new FieldError(ADVOCATE.name(),
                    "Choose an advocate other than the one who holds the case now"))));
        }
        Optional<StaffRecord> advocate = qualified(referral, now, advocateId);
        if (advocate.isEmpty()) {
            return refusal(referral, now, advocateId);
        }
        // LLR 9.32: continuity through leave and sickness. The deadlines stay as they were.
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent(now, CaseEvent.Type.REALLOCATED, "Reallocated from " + current.allocation().advocateName() + " to "
                + advocate.get().name() + "; the clocks keep running (LLR 9.32). Reason: " + reason));
        Allocation allocation = new Allocation(advocate.get().id(), advocate.get().name(), now, actor.id());
        ReferralCase after = referral.worked(CaseStatus.ALLOCATED, referral.clocks(), current.allocatedTo(allocation));
        return change(after, events, advocate.get(), now);
    }

    /** The advocate, if they exist and may take the case; else empty (see {@link #refusal}). */
    private Optional<StaffRecord> qualified(ReferralCase referral, Instant now, String advocateId) {
        Optional<StaffRecord> found = advocateId.matches(StaffRecord.ID_PATTERN) ? directory.find(advocateId) : Optional.empty();
        return found.filter(advocate -> broken(referral, now, advocate).isEmpty());
    }

    private CaseWork.Plan refusal(ReferralCase referral, Instant now, String advocateId) {
        Optional<StaffRecord> found = advocateId.matches(StaffRecord.ID_PATTERN) ? directory.find(advocateId) : Optional.empty();
        if (found.isEmpty()) {
            return new CaseWork.Stop(new CaseWork.Invalid(List.of(new FieldError(ADVOCATE.name(),
                    "There is no member of staff with the id '" + FieldRules.shown(advocateId) + "'"))));
        }
        return new CaseWork.Stop(new CaseWork.Refused(broken(referral, now, found.get())));
    }

    private List<BrokenRule> broken(ReferralCase referral, Instant now, StaffRecord advocate) {
        ServiceConfig service = CaseWork.serviceOf(referral, contracts);
        return AllocationCheck.check(advocate, referral.reference().contract(), referral.details().service(), service.allocation(),
                new AllocationRequirement.Context(today(now), AllocationCheck.usesBritishSignLanguage(referral.details().person())));
    }

    /**
     * The change and the advocate's email (reference, service and deadlines, the person by initials only), written
     * into the outbox with it: it exists if and only if this allocation is saved.
     */
    private CaseWork.Plan change(ReferralCase after, List<CaseEvent> events, StaffRecord advocate, Instant now) {
        Outbox.OutboxMail email = OutboxMails.allocation(after, advocate.id(), advocate.name(),
                emails.allocated(after, advocate, ClockChanges.deadlines(after, contracts)), now);
        return new CaseWork.Change(after, events, List.of(), List.of(),
                Optional.of(new CaseStore.AllocationCount(advocate.id(), after.details().service(), today(now))), List.of(email));
    }

    private static LocalDate today(Instant now) {
        return now.atZone(UK).toLocalDate();
    }
}
