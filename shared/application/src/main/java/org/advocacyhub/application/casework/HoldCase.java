package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.util.List;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.LegalHold;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;

/**
 * A legal hold on a case (issue 22): a manager keeps a case past its retention period while a complaint, a safeguarding
 * enquiry or litigation needs it, and lifts the hold when that is over. Any case, open or closed, taken on or not; the
 * timeline keeps each hold and its lifting, the audit trail who did it.
 */
@Singleton
public final class HoldCase {

    public static final FieldSpec REASON = new FieldSpec("reason", "Why the case is held", "While the hold is on, nothing of the case "
            + "is anonymised, whatever its retention period", FieldKind.CHOICE, true, 40, List.of(LegalHold.Reason.values()),
            "Select why the case is held", "Reason");
    public static final FieldSpec DETAILS = new FieldSpec("details", "What it is about", "A complaint's or an enquiry's reference, "
            + "or who asked for the case to be kept", FieldKind.TEXTAREA, true, 1000, List.of(), "Enter what the hold is about", "Details");
    /** {@code {"reason", "details"}}. */
    public static final List<FieldSpec> FIELDS = List.of(REASON, DETAILS);
    public static final FieldSpec LIFT_REASON = new FieldSpec("reason", "Why the hold can end", "", FieldKind.TEXTAREA, true, 1000,
            List.of(), "Enter why the hold can end", "Reason");
    /** {@code {"reason"}}. */
    public static final List<FieldSpec> LIFT_FIELDS = List.of(LIFT_REASON);

    private final CaseWork work;

    public HoldCase(CaseWork work) {
        this.work = work;
    }

    /**
     * {@code PUT /cases/{reference}/legal-hold}: a manager puts the case under a legal hold, or changes the hold it is under.
     * The same hold sent again changes nothing (PUT).
     */
    public CaseWork.Outcome hold(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER, CaseWork.WhenClosed.ALLOW,
                values -> "put the case under a legal hold", FIELDS, body, "a legal hold", (values, referral, now) -> {
                    LegalHold.Reason reason = (LegalHold.Reason) values.get(REASON.name());
                    String details = (String) values.get(DETAILS.name());
                    LegalHold held = referral.work().legalHold();
                    if (held != null && held.reason() == reason && held.details().equals(details)) {
                        return new CaseWork.Stop(new CaseWork.Done(referral));
                    }
                    CaseEvent event = new CaseEvent(now, CaseEvent.Type.LEGAL_HOLD_SET, (held == null ? "Legal hold set: " : "Legal hold "
                            + "changed: ") + reason.displayName() + ". Nothing of the case is anonymised while it holds. About: " + details);
                    return changed(referral, new LegalHold(reason, details, actor.id(), now), event);
                });
    }

    /** {@code POST /cases/{reference}/legal-hold/lift}: a manager lifts the hold, with why; its retention period applies again. */
    public CaseWork.Outcome lift(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER, CaseWork.WhenClosed.ALLOW, "lifted the legal hold", LIFT_FIELDS,
                body, "the end of a legal hold", (values, referral, now) -> {
                    LegalHold held = referral.work().legalHold();
                    if (held == null) {
                        return new CaseWork.Stop(new CaseWork.Conflict("The case is not under a legal hold. Nothing was changed."));
                    }
                    CaseEvent event = new CaseEvent(now, CaseEvent.Type.LEGAL_HOLD_LIFTED, "Legal hold lifted (" + held.reason()
                            .displayName() + "); the case's retention period applies again. Reason: " + values.get(LIFT_REASON.name()));
                    return changed(referral, null, event);
                });
    }

    /** Whether {@code viewer} is offered the hold on {@code referral} (managers), and its lifting (managers, while held). */
    public static boolean offered(ReferralCase referral, StaffActor viewer, boolean lifting) {
        return viewer.isManager() && (referral.work().legalHold() != null) == lifting;
    }

    private static CaseWork.Plan changed(ReferralCase referral, LegalHold hold, CaseEvent event) {
        return CaseWork.Change.of(referral.worked(referral.status(), referral.clocks(), referral.work().withLegalHold(hold)),
                List.of(event));
    }
}
