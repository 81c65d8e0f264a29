package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffNotifications;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A manager allocates an accepted case to a named advocate (LLR 9.38a, 33.7e), or reallocates it
 * (leave, sickness: LLR 9.32). The advocate must be active, work in the service and hold what the
 * contract says the service needs (LLR 13.1-13.7, 5.49); every rule broken is named with its
 * clause. The first allocation stops the allocation clock (met or missed, with both times) and
 * starts the clocks that run from allocation; a reallocation keeps every clock as it is.
 */
@Singleton
public final class AllocateAdvocate {

    private static final Logger LOG = LoggerFactory.getLogger(AllocateAdvocate.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    public static final FieldSpec ADVOCATE = new FieldSpec("advocateId", "Advocate", "The advocate's staff id", FieldKind.TEXT,
            true, 40, List.of(), "Enter the advocate's staff id", "Advocate");

    private final CaseWork work;
    private final StaffDirectory directory;
    private final StaffNotifications notifications;
    private final CaseStore store;
    private final ContractCatalogue contracts;
    private final Clock clock;

    public AllocateAdvocate(CaseWork work, StaffDirectory directory, StaffNotifications notifications, CaseStore store,
                            ContractCatalogue contracts, Clock clock) {
        this.work = work;
        this.directory = directory;
        this.notifications = notifications;
        this.store = store;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** {@code POST /cases/{reference}/allocation} with {@code {"advocateId": "jo-advocate"}}. */
    public CaseWork.Outcome allocate(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER, CaseWork.WhenClosed.REFUSE,
                values -> "allocated the case to " + values.get(ADVOCATE.name()), List.of(ADVOCATE), body, "an allocation",
                (values, referral, now) -> plan(referral, now, (String) values.get(ADVOCATE.name()), actor));
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

    /** The staff directory, for {@link #candidates}. */
    public List<StaffRecord> staff() {
        return directory.all();
    }

    private CaseWork.Plan plan(ReferralCase referral, Instant now, String advocateId, StaffActor actor) {
        if (referral.status() != CaseStatus.AWAITING_ALLOCATION && referral.status() != CaseStatus.ALLOCATED) {
            return new CaseWork.Stop(new CaseWork.Conflict("Only an accepted referral can be allocated; this one is: "
                    + referral.status().description()));
        }
        ServiceConfig service = CaseWork.serviceOf(referral, contracts);
        Optional<StaffRecord> found = advocateId.matches(StaffRecord.ID_PATTERN) ? directory.find(advocateId) : Optional.empty();
        if (found.isEmpty()) {
            return new CaseWork.Stop(new CaseWork.Invalid(List.of(new FieldError(ADVOCATE.name(),
                    "There is no member of staff with the id '" + FieldRules.shown(advocateId) + "'"))));
        }
        StaffRecord advocate = found.get();
        Casework current = referral.work();
        if (current.allocation() != null && current.allocation().advocateId().equals(advocateId)) {
            return new CaseWork.Stop(new CaseWork.Conflict("The case is already allocated to " + advocateId));
        }
        LocalDate today = today(now);
        List<BrokenRule> broken = AllocationCheck.check(advocate, referral.reference().contract(), referral.details().service(),
                service.allocation(), new AllocationRequirement.Context(today, AllocationCheck.usesBritishSignLanguage(referral.details().person())));
        if (!broken.isEmpty()) {
            return new CaseWork.Stop(new CaseWork.Refused(broken));
        }
        List<CaseEvent> events = new ArrayList<>();
        Allocation allocation = new Allocation(advocate.id(), advocate.name(), now, actor.id());
        ReferralCase after;
        if (current.allocation() == null) {
            events.add(new CaseEvent(now, CaseEvent.Type.ALLOCATED, "Allocated to " + advocate.id() + " (LLR 9.38a, 33.7e)"));
            CaseClocks.Applied clocks = ClockChanges.apply(referral, contracts, ClockEvent.ALLOCATED, now, now, events);
            after = referral.worked(CaseStatus.ALLOCATED, clocks.clocks(),
                    current.withMilestone(ClockEvent.ALLOCATED, now).allocatedTo(allocation));
        } else {
            // LLR 9.32: continuity through leave and sickness. The deadlines stay as they were.
            events.add(new CaseEvent(now, CaseEvent.Type.REALLOCATED, "Reallocated from " + current.allocation().advocateId()
                    + " to " + advocate.id() + "; the clocks keep running (LLR 9.32)"));
            after = referral.worked(CaseStatus.ALLOCATED, referral.clocks(), current.allocatedTo(allocation));
        }
        return new CaseWork.Change(after, events, List.of(), List.of(),
                Optional.of(new CaseStore.AllocationCount(advocate.id(), referral.details().service(), today)),
                saved -> tell(saved, advocate));
    }

    /** The advocate's email: reference, service and deadlines, the person by initials only. A failure is on the timeline. */
    private void tell(ReferralCase saved, StaffRecord advocate) {
        Instant at = clock.instant();
        try {
            notifications.allocated(saved, advocate, ClockChanges.deadlines(saved, contracts));
            store.appendEvent(saved.reference(), new CaseEvent(at, CaseEvent.Type.EMAIL_SENT, "Allocation emailed to " + advocate.id()));
        } catch (RuntimeException e) {
            LOG.warn("Allocation email for case {} not sent ({})", saved.reference(), e.getClass().getSimpleName());
            store.appendEvent(saved.reference(), new CaseEvent(at, CaseEvent.Type.EMAIL_NOT_SENT,
                    "The allocation email to " + advocate.id() + " could not be sent: tell them another way"));
        }
    }

    private static LocalDate today(Instant now) {
        return now.atZone(UK).toLocalDate();
    }
}
