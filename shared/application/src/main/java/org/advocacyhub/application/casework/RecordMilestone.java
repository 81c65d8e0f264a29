package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.casework.CaseClocks;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;

/**
 * Staff record a milestone that stops a clock: eligibility confirmed with an IMHA patient
 * (LLR 7.48), or the IMCA or DoLS IMCA report sent (LLR 5.23, 5.45). Only services with a clock
 * that the milestone stops take it. A report may be recorded after the case closed: its clock
 * runs from the end of the instruction (LLR 5.23).
 */
@Singleton
public final class RecordMilestone {

    public static final List<FieldSpec> FIELDS = List.of(new FieldSpec("at", "When", "When it happened: now or earlier, not before "
            + "the referral", FieldKind.DATE_TIME, true, 40, List.of(), "Enter when it happened", "When"));

    private final CaseWork work;
    private final ContractCatalogue contracts;
    public RecordMilestone(CaseWork work, ContractCatalogue contracts) {
        this.work = work;
        this.contracts = contracts;
    }

    /** {@code POST /cases/{reference}/eligibility-confirmation}: LLR 7.48. */
    public CaseWork.Outcome eligibilityConfirmed(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return record(reference, actor, body, ClockEvent.ELIGIBILITY_CONFIRMED, CaseEvent.Type.ELIGIBILITY_CONFIRMED,
                "confirmed eligibility with the person", CaseWork.WhenClosed.REFUSE);
    }

    /** {@code POST /cases/{reference}/report-sent}: LLR 5.23, 5.45. */
    public CaseWork.Outcome reportSent(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return record(reference, actor, body, ClockEvent.REPORT_SENT, CaseEvent.Type.REPORT_SENT, "sent the report",
                CaseWork.WhenClosed.ALLOW);
    }

    /**
     * Whether the case as it is takes {@code milestone}: the console offers the form only then. Eligibility is confirmed on
     * an open case; a report may be sent after closure (LLR 5.23).
     */
    public boolean offered(ReferralCase referral, ClockEvent milestone) {
        return refusal(referral, milestone).isEmpty() && (milestone == ClockEvent.REPORT_SENT || !referral.work().isClosed());
    }

    /** Why {@code milestone} cannot be recorded on the case as it is, or empty. */
    private Optional<CaseWork.Outcome> refusal(ReferralCase referral, ClockEvent milestone) {
        ServiceConfig service = CaseWork.serviceOf(referral, contracts);
        if (service.clocksStoppedBy(milestone).isEmpty()) {
            return Optional.of(new CaseWork.Conflict("The " + referral.details().service().displayName()
                    + " service has no clock that this stops"));
        }
        if (referral.work().milestone(milestone).isPresent()) {
            return Optional.of(new CaseWork.Conflict("Already recorded at " + referral.work().milestone(milestone).get()));
        }
        if (!referral.status().isOpenCasework() && !referral.work().isClosed()) {
            return Optional.of(new CaseWork.Conflict("This applies to accepted cases; this one is: " + referral.status().description()));
        }
        return Optional.empty();
    }

    private CaseWork.Outcome record(ReferralReference reference, StaffActor actor, SubmittedFields body, ClockEvent milestone,
                                    CaseEvent.Type type, String action, CaseWork.WhenClosed whenClosed) {
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, whenClosed, action, FIELDS, body, "a milestone",
                (values, referral, now) -> {
            Instant at = (Instant) values.get("at");
            Optional<CaseWork.Outcome> refused = refusal(referral, milestone);
            if (refused.isPresent()) {
                return new CaseWork.Stop(refused.get());
            }
            Optional<FieldError> wrongTime = CaseWork.eventTime("at", "When", at, referral, now);
            if (wrongTime.isPresent()) {
                return new CaseWork.Stop(new CaseWork.Invalid(List.of(wrongTime.get())));
            }
            List<CaseEvent> events = new ArrayList<>();
            events.add(new CaseEvent(now, type, "Recorded: " + action + " at " + at));
            CaseClocks.Applied clocks = ClockChanges.apply(referral, contracts, milestone, at, now, events);
            ReferralCase after = referral.worked(referral.status(), clocks.clocks(), referral.work().withMilestone(milestone, at));
            return CaseWork.Change.of(after, events);
        });
    }
}
