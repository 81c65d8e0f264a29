package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.CypReturn;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.referral.questions.CypReason;

/**
 * What LEW's returns count about a young person's case (LEW 17.5, Appendix 1 outputs): their group
 * (CWCN, LAC, leaving care, CP: the active caseload's breakdown) and the primary and secondary
 * reasons for advocacy. Children and young people's cases only; the case's advocate or a manager.
 *
 * <p>Interpretation (LEW 17.5): the referral already says the young person's status and what they
 * want an advocate for ({@code cypStatus}, {@code cypReason}), so a group or primary reason left
 * out of the request is taken from those answers; nothing is stored until staff record the
 * details, because the referrer's answer is for staff to confirm. A report that meets a case
 * without recorded details can take the same defaults ({@link CypReturn#referredGroup},
 * {@link CypReturn#referredReason}).
 */
@Singleton
public final class RecordReturnDetails {

    public static final FieldSpec GROUP = new FieldSpec("group", "Young person's group", "For the caseload breakdown. Left out, "
            + "it is taken from the referral", FieldKind.CHOICE, false, 20, List.of(CypReturn.Group.values()), "", "Group");
    public static final FieldSpec PRIMARY = new FieldSpec("primaryReason", "Primary reason for advocacy", "Left out, it is taken "
            + "from the referral", FieldKind.CHOICE, false, 40, List.of(CypReason.values()), "", "Primary reason");
    public static final FieldSpec SECONDARY = new FieldSpec("secondaryReason", "Secondary reason for advocacy", "If there is one; "
            + "not the primary reason again", FieldKind.CHOICE, false, 40, List.of(CypReason.values()), "", "Secondary reason");
    // LEW 17.5: the caseload information the referral does not give. Restricted: the caseload list only, never emailed.
    public static final FieldSpec SOCIAL_WORKER = new FieldSpec("socialWorker", "Social worker", "The young person's social "
            + "worker, for the caseload list the council receives securely (LEW 17.5)", FieldKind.TEXT, false, 100, List.of(), "",
            "Social worker");
    public static final FieldSpec ASYLUM_SEEKER = new FieldSpec("asylumSeeker", "Asylum seeker", "Whether the young person is "
            + "an asylum seeker (LEW 17.5)", FieldKind.YES_NO, false, 5, List.of(), "", "Asylum seeker");
    public static final FieldSpec LEGAL_STATUS = new FieldSpec("legalStatus", "Legal status", "LEW 17.5", FieldKind.CHOICE, false,
            40, List.of(CypReturn.LegalStatus.values()), "", "Legal status");
    public static final FieldSpec OUTCOMES_SOUGHT = new FieldSpec("outcomesSought", "Outcomes the young person seeks",
            "In their words (LEW 17.5)", FieldKind.TEXTAREA, false, 1000, List.of(), "", "Outcomes sought");
    public static final FieldSpec SUMMARY_OF_WORK = new FieldSpec("summaryOfWork", "Summary of the work undertaken",
            "What the advocate has done so far (LEW 17.5)", FieldKind.TEXTAREA, false, 2000, List.of(), "", "Summary of work");
    public static final FieldSpec HOURS_REMAINING = new FieldSpec("estimatedHoursRemaining", "Estimated hours until the case closes",
            "The advocate's estimate, in hours (LEW 17.5)", FieldKind.DECIMAL, false, 6, List.of(), "", "Estimated hours remaining",
            FieldSpec.Range.of(0, 100));
    public static final List<FieldSpec> FIELDS = List.of(GROUP, PRIMARY, SECONDARY, SOCIAL_WORKER, ASYLUM_SEEKER, LEGAL_STATUS,
            OUTCOMES_SOUGHT, SUMMARY_OF_WORK, HOURS_REMAINING);

    private final CaseWork work;

    public RecordReturnDetails(CaseWork work) {
        this.work = work;
    }

    /** The details recorded on the case as form values (each field's name to its value), for the form to show; none if none. */
    public static Map<String, List<String>> current(ReferralCase referral) {
        CypReturn r = referral.work().cypReturn();
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        if (r == null) {
            return values;
        }
        values.put(GROUP.name(), List.of(r.group().name()));
        values.put(PRIMARY.name(), List.of(r.primary().name()));
        if (r.secondary() != null) {
            values.put(SECONDARY.name(), List.of(r.secondary().name()));
        }
        CypReturn.Caseload k = r.caseload();
        if (k.socialWorker() != null) {
            values.put(SOCIAL_WORKER.name(), List.of(k.socialWorker()));
        }
        if (k.asylumSeeker() != null) {
            values.put(ASYLUM_SEEKER.name(), List.of(k.asylumSeeker() ? "yes" : "no")); // the form's radio values
        }
        if (k.legalStatus() != null) {
            values.put(LEGAL_STATUS.name(), List.of(k.legalStatus().name()));
        }
        if (k.outcomesSought() != null) {
            values.put(OUTCOMES_SOUGHT.name(), List.of(k.outcomesSought()));
        }
        if (k.summaryOfWork() != null) {
            values.put(SUMMARY_OF_WORK.name(), List.of(k.summaryOfWork()));
        }
        if (k.estimatedHoursRemaining() != null) {
            values.put(HOURS_REMAINING.name(), List.of(k.estimatedHoursRemaining().toPlainString()));
        }
        return values;
    }

    /** Whether the case as it is takes return details (the console offers the form only then). */
    public static boolean offered(ReferralCase referral) {
        return refusal(referral).isEmpty();
    }

    private static Optional<CaseWork.Outcome> refusal(ReferralCase referral) {
        if (referral.details().service() != ServiceCode.CYP) {
            return Optional.of(new CaseWork.Conflict("Return details (group and reasons, LEW 17.5) are recorded "
                    + "on children and young people's cases; this is a " + referral.details().service().displayName() + " case"));
        }
        if (!referral.status().isOpenCasework() && referral.status() != CaseStatus.CLOSED) {
            return Optional.of(new CaseWork.Conflict("Return details are recorded on accepted cases; this one is: "
                    + referral.status().description()));
        }
        return Optional.empty();
    }

    /** {@code PUT /cases/{reference}/return-details}: {@code {"group": "LAC", "primaryReason": "FORMAL_MEETING"}}. */
    public CaseWork.Outcome record(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        // Interpretation (LEW 17.5): the returns count closed cases too ("Outcome (if case
        // closed)"), and these details change a count, not the casework, so they may be corrected
        // after closure.
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, CaseWork.WhenClosed.ALLOW,
                "recorded the return details", FIELDS, body, "the return details", (v, referral, now) -> {
                    CypReturn.Group group = (CypReturn.Group) v.get(GROUP.name());
                    CypReason primary = (CypReason) v.get(PRIMARY.name());
                    CypReason secondary = (CypReason) v.get(SECONDARY.name());
                    Optional<CaseWork.Outcome> refused = refusal(referral);
                    if (refused.isPresent()) {
                        return new CaseWork.Stop(refused.get());
                    }
                    ServiceAnswers answers = ServiceAnswers.of(referral.details());
                    List<FieldError> errors = new ArrayList<>();
                    Optional<CypReturn.Group> chosenGroup = Optional.ofNullable(group).or(() -> CypReturn.referredGroup(answers));
                    Optional<CypReason> chosenPrimary = Optional.ofNullable(primary).or(() -> CypReturn.referredReason(answers));
                    if (chosenGroup.isEmpty()) {
                        errors.add(new FieldError(GROUP.name(), "Select the young person's group: the referral does not give it"));
                    }
                    if (chosenPrimary.isEmpty()) {
                        errors.add(new FieldError(PRIMARY.name(), "Select the primary reason: the referral does not give it"));
                    }
                    if (secondary != null && chosenPrimary.isPresent() && secondary == chosenPrimary.get()) {
                        errors.add(new FieldError(SECONDARY.name(), "The secondary reason must not be the primary reason ("
                                + chosenPrimary.get().name() + ")"));
                    }
                    if (!errors.isEmpty()) {
                        return new CaseWork.Stop(new CaseWork.Invalid(errors));
                    }
                    // Interpretation: the request gives the return details as they now are; a caseload field left out is
                    // not recorded (a PUT), as the group and reasons are taken afresh.
                    CypReturn.Caseload caseload = new CypReturn.Caseload((String) v.get(SOCIAL_WORKER.name()),
                            (Boolean) v.get(ASYLUM_SEEKER.name()), (CypReturn.LegalStatus) v.get(LEGAL_STATUS.name()),
                            (String) v.get(OUTCOMES_SOUGHT.name()), (String) v.get(SUMMARY_OF_WORK.name()),
                            (java.math.BigDecimal) v.get(HOURS_REMAINING.name()));
                    CypReturn details = new CypReturn(chosenGroup.get(), chosenPrimary.get(), secondary, caseload);
                    List<String> recorded = caseload.recorded();
                    // The timeline names the caseload fields recorded, never their words (personal data).
                    List<CaseEvent> events = List.of(new CaseEvent(now, CaseEvent.Type.RETURN_DETAILS_RECORDED, "Return details: "
                            + details.group().displayName() + "; primary reason: " + details.primary().displayName()
                            + (secondary == null ? "" : "; secondary reason: " + secondary.displayName())
                            + (recorded.isEmpty() ? "" : "; caseload information recorded: " + String.join(", ", recorded)) + " (LEW 17.5)"));
                    return CaseWork.Change.of(referral.worked(referral.status(), referral.clocks(),
                            referral.work().withCypReturn(details)), events);
                });
    }
}
