package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.HourRules;
import org.advocacyhub.domain.casework.Hours;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.HourThreshold;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;

/**
 * What lifts a case's hour limit ({@link HourRules}): a manager records the Service Manager's
 * approval of a new limit (LEW 7.3, 7.16, 8.11), or staff on the case record a request for more
 * hours with its reasons (LLR 26.17, counted in the quarterly return). Each is kept on the case's
 * hours; the timeline says what the limit now is, without the free text.
 */
@Singleton
public final class RecordHourLimits {

    /** {@code POST /cases/{reference}/hour-approvals}. */
    public static final List<FieldSpec> APPROVAL = List.of(
            new FieldSpec("approvedBy", "Approved by", "The Service Manager who approved, e.g. their role (LAC, Leaving Care or FSW) and "
                    + "name", FieldKind.TEXT, true, 100, List.of(), "Enter who approved the hours", "Approved by"),
            new FieldSpec("limitHours", "New limit in hours", "The most hours the case may now have in all", FieldKind.DECIMAL, true,
                    10, List.of(), "Enter the new limit in hours", "New limit", FieldSpec.Range.of(1, 200)),
            new FieldSpec("reason", "Why more hours are needed", "", FieldKind.TEXTAREA, true, 2000, List.of(),
                    "Enter why more hours are needed", "The reason"));

    /** {@code POST /cases/{reference}/hour-requests}. */
    public static final List<FieldSpec> REQUEST = List.of(
            new FieldSpec("hours", "More hours asked for", "How many hours beyond what the case may have now",
                    FieldKind.DECIMAL, true, 10, List.of(), "Enter the hours asked for", "Hours asked for",
                    new FieldSpec.Range(new BigDecimal("0.25"), BigDecimal.valueOf(100))),
            new FieldSpec("reasons", "Reasons", "Why the person needs more advocacy (reported to the council, LLR 26.17)",
                    FieldKind.TEXTAREA, true, 2000, List.of(), "Enter the reasons for the request", "The reasons"));

    private final CaseWork work;
    private final ContractCatalogue contracts;

    public RecordHourLimits(CaseWork work, ContractCatalogue contracts) {
        this.work = work;
        this.contracts = contracts;
    }

    /** A manager records the Service Manager's approval of a new limit; the latest approval's limit applies (LEW 7.3, 8.11). */
    public CaseWork.Outcome approve(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER, CaseWork.WhenClosed.REFUSE,
                "recorded the Service Manager's approval of more hours", APPROVAL, body, "an approval of more hours",
                (v, referral, now) -> {
                    BigDecimal limit = (BigDecimal) v.get("limitHours");
                    Optional<CaseWork.Outcome> refused = approvalRefusal(referral);
                    if (refused.isPresent()) {
                        return new CaseWork.Stop(refused.get());
                    }
                    Optional<HourThreshold> cap = cap(referral);
                    // LEW 7.3, 7.16, 8.11: approval is for "more than" the cap.
                    if (limit.compareTo(cap.get().hours()) <= 0) {
                        return new CaseWork.Stop(new CaseWork.Invalid(List.of(new FieldError("limitHours", "The new limit must be more "
                                + "than the " + HourRules.hours(cap.get().hours()) + " the case may have without approval ("
                                + cap.get().clause() + ")"))));
                    }
                    Hours hours = referral.work().hours().withApproval(new Hours.Approval((String) v.get("approvedBy"), limit,
                            (String) v.get("reason"), now, actor.id()));
                    ReferralCase after = referral.worked(referral.status(), referral.clocks(), referral.work().withHours(hours));
                    return CaseWork.Change.of(after, List.of(new CaseEvent(now, CaseEvent.Type.HOURS_APPROVED, "The Service Manager's "
                            + "approval recorded by " + actor.id() + ": the case may now have up to " + HourRules.hours(limit)
                            + " (LEW 7.3; " + cap.get().clause() + ")")));
                });
    }

    /** Staff on the case record a request for more hours with its reasons; it raises the allowed total (LLR 26.17). */
    public CaseWork.Outcome request(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, CaseWork.WhenClosed.REFUSE,
                "recorded a request for more hours", REQUEST, body, "a request for more hours", (v, referral, now) -> {
                    BigDecimal asked = (BigDecimal) v.get("hours");
                    Optional<CaseWork.Outcome> refused = requestRefusal(referral);
                    if (refused.isPresent()) {
                        return new CaseWork.Stop(refused.get());
                    }
                    ServiceConfig service = CaseWork.serviceOf(referral, contracts);
                    Hours hours = referral.work().hours().withRequest(new Hours.Request(asked, (String) v.get("reasons"), now, actor.id()));
                    HourRules.Limit raised = HourRules.limits(service.hourThresholds(),
                            HourRules.isConferenceCase(referral.details()), hours).stream()
                            .filter(limit -> limit.rule().equals("HOURS_REQUEST_NEEDED")).findFirst().orElseThrow();
                    ReferralCase after = referral.worked(referral.status(), referral.clocks(), referral.work().withHours(hours));
                    return CaseWork.Change.of(after, List.of(new CaseEvent(now, CaseEvent.Type.HOURS_REQUESTED, "Request for "
                            + HourRules.hours(asked) + " more recorded by " + actor.id() + ": time may now be recorded up to "
                            + HourRules.hours(raised.hours()) + " (" + raised.clause() + ")")));
                });
    }

    /** Whether the case as it is takes an approval of more hours (the console offers the form only then). */
    public boolean approvalOffered(ReferralCase referral) {
        return approvalRefusal(referral).isEmpty();
    }

    /** Whether the case as it is takes a request for more hours (the console offers the form only then). */
    public boolean requestOffered(ReferralCase referral) {
        return requestRefusal(referral).isEmpty();
    }

    private Optional<HourThreshold> cap(ReferralCase referral) {
        return HourRules.cap(CaseWork.serviceOf(referral, contracts).hourThresholds(), HourRules.isConferenceCase(referral.details()));
    }

    private Optional<CaseWork.Outcome> approvalRefusal(ReferralCase referral) {
        if (notOpen(referral).isPresent()) {
            return notOpen(referral);
        }
        if (cap(referral).isEmpty()) {
            return Optional.of(new CaseWork.Conflict("The " + referral.details().service().displayName()
                    + " service has no cap on hours to approve more than"));
        }
        return Optional.empty();
    }

    private Optional<CaseWork.Outcome> requestRefusal(ReferralCase referral) {
        if (notOpen(referral).isPresent()) {
            return notOpen(referral);
        }
        if (CaseWork.serviceOf(referral, contracts).hourThreshold(HourThreshold.Kind.RECORD_REQUESTS_OVER).isEmpty()) {
            return Optional.of(new CaseWork.Conflict("The " + referral.details().service().displayName()
                    + " service does not take requests for more hours"));
        }
        return Optional.empty();
    }

    private static Optional<CaseWork.Outcome> notOpen(ReferralCase referral) {
        return referral.status().isOpenCasework() ? Optional.empty()
                : Optional.of(new CaseWork.Conflict("This applies to accepted cases; this one is: " + referral.status().description()));
    }
}
