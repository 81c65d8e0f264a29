package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.application.mail.OutboxMails;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.ReferrerLetters;
import org.advocacyhub.domain.casework.AccommodationResponse;
import org.advocacyhub.domain.casework.CaseClocks;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.PlacementEnd;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;

/**
 * The provider's answer to an accommodation referral and what happens to the placement after it
 * (DERBY). Such a referral is not allocated to an advocate: the team answers the council with an
 * offer or a decline within 24 hours, or 1 hour when urgent (DERBY 3.3.1). The answer stops the
 * response clock, is kept with the counts the access KPI needs, and is emailed to the council's
 * referrer. Placements that end are recorded for the same KPI (DERBY KPIs, Access).
 *
 * <p>Who may: managers, and active staff who work in the contract's service
 * ({@link CaseWork.Access#MANAGER_OR_CASE_STAFF}).
 */
@Singleton
public final class AnswerAccommodation {

    private static final int MOST_PLACEMENTS = 1000;

    public static final FieldSpec KIND = new FieldSpec("kind", "Answer", "An offer of a placement, or a decline", FieldKind.CHOICE,
            true, 20, List.of(AccommodationResponse.Kind.values()), "Select offer or decline", "Answer");
    public static final FieldSpec AT = new FieldSpec("at", "When", "When the council was given the answer: now or earlier, not "
            + "before the referral", FieldKind.DATE_TIME, true, 40, List.of(), "Enter when the council was given the answer", "When");
    public static final FieldSpec DETAILS = new FieldSpec("details", "Details for the council", "What is offered, or why it is "
            + "declined. Give no personal details beyond the young person's initials: no name, date of birth or address. The "
            + "details stay in the hub and are not emailed.", FieldKind.TEXTAREA, true, 2000, List.of(),
            "Enter what is offered, or why it is declined", "Details");
    public static final FieldSpec PUT_FORWARD = new FieldSpec("placementsPutForward", "Placements the council put forward",
            "How many placements the council asked for in this referral (DERBY access KPI). Give it with the suitable "
            + "placements available, or leave both out", FieldKind.INTEGER, false, 10, List.of(), "",
            "Placements put forward", FieldSpec.Range.of(1, MOST_PLACEMENTS));
    public static final FieldSpec SUITABLE = new FieldSpec("suitablePlacementsAvailable", "Suitable placements available",
            "How many of them the provider has a suitable placement for (DERBY access KPI)", FieldKind.INTEGER, false, 10,
            List.of(), "", "Suitable placements available", FieldSpec.Range.of(0, MOST_PLACEMENTS));
    public static final List<FieldSpec> RESPONSE = List.of(KIND, AT, DETAILS, PUT_FORWARD, SUITABLE);

    private static final FieldSpec ENDED_AT = new FieldSpec("at", "When", "When the placement ended: now or earlier, not before "
            + "the offer", FieldKind.DATE_TIME, true, 40, List.of(), "Enter when the placement ended", "When");
    public static final List<FieldSpec> PLACEMENT_END = List.of(ENDED_AT,
            new FieldSpec("instigator", "Ended by", "Whose decision ended the placement", FieldKind.CHOICE, true, 20,
                    List.of(PlacementEnd.Instigator.values()), "Select who ended the placement", "Ended by"),
            new FieldSpec("unexpected", "Ended unexpectedly", "False when it ended as planned (a planned move, the agreed end)",
                    FieldKind.YES_NO, true, 5, List.of(), "Say whether the placement ended unexpectedly", "Ended unexpectedly"));

    private final CaseWork work;
    private final ReferrerLetters letters;
    private final ContractCatalogue contracts;

    public AnswerAccommodation(CaseWork work, ReferrerLetters letters, ContractCatalogue contracts) {
        this.work = work;
        this.letters = letters;
        this.contracts = contracts;
    }

    /**
     * {@code POST /cases/{reference}/response}: {@code {"kind": "OFFER", "at": "...", "details": "...",
     * "placementsPutForward": 1, "suitablePlacementsAvailable": 1}}.
     */
    public CaseWork.Outcome respond(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_STAFF, CaseWork.WhenClosed.REFUSE,
                v -> "sent the council " + (v.get(KIND.name()) == AccommodationResponse.Kind.OFFER ? "an offer" : "a decline"),
                RESPONSE, List.of(), AnswerAccommodation::counts, body, "a response",
                (v, referral, now) -> respond(referral, now, new AccommodationResponse((AccommodationResponse.Kind) v.get(KIND.name()),
                        (Instant) v.get(AT.name()), actor.id(), (String) v.get(DETAILS.name()), (Integer) v.get(PUT_FORWARD.name()),
                        (Integer) v.get(SUITABLE.name()))));
    }

    /**
     * The access KPI's two counts go together, and an offer has a suitable placement.
     *
     * <p>Interpretation (DERBY KPIs, Access, "suitable placements available against the total
     * number of placements put forward by the Council"): the council puts forward the placements a
     * referral asks for (one young person, or a block of beds, DERBY 3.2); the provider says how many
     * of them it has a suitable placement for, so never more than were put forward, and at least one
     * when it offers. One count without the other could not be compared, so both or neither.
     */
    private static List<FieldError> counts(Map<String, Object> v) {
        Integer putForward = (Integer) v.get(PUT_FORWARD.name());
        Integer suitable = (Integer) v.get(SUITABLE.name());
        if (putForward != null && suitable == null) {
            return List.of(new FieldError(SUITABLE.name(), "Enter the suitable placements available, with the placements put forward"));
        }
        if (suitable != null && putForward == null) {
            return List.of(new FieldError(PUT_FORWARD.name(), "Enter the placements the council put forward, with the suitable "
                    + "placements available"));
        }
        if (suitable != null && suitable > putForward) {
            return List.of(new FieldError(SUITABLE.name(), "Suitable placements available must be no more than the placements put "
                    + "forward (" + putForward + ")"));
        }
        if (suitable != null && suitable == 0 && v.get(KIND.name()) == AccommodationResponse.Kind.OFFER) {
            return List.of(new FieldError(SUITABLE.name(), "An offer needs at least one suitable placement available"));
        }
        return List.of();
    }

    /** Whether the referral as it is takes an offer or a decline (the console offers the form only then). */
    public boolean responseOffered(ReferralCase referral) {
        return responseRefusal(referral).isEmpty();
    }

    /** Whether a placement's end can be recorded on the referral as it is (the console offers the form only then). */
    public boolean placementEndOffered(ReferralCase referral) {
        return placementEndRefusal(referral).isEmpty();
    }

    private static Optional<CaseWork.Outcome> placementEndRefusal(ReferralCase referral) {
        AccommodationResponse response = referral.work().response();
        if (response == null || response.kind() != AccommodationResponse.Kind.OFFER) {
            return Optional.of(new CaseWork.Conflict("A placement can end only after an offer; this referral "
                    + (response == null ? "has no answer yet" : "was declined")));
        }
        return Optional.empty();
    }

    private Optional<CaseWork.Outcome> responseRefusal(ReferralCase referral) {
        if (CaseWork.serviceOf(referral, contracts).clocksStoppedBy(ClockEvent.OFFER_OR_DECLINE_SENT).isEmpty()) {
            return Optional.of(new CaseWork.Conflict("The " + referral.details().service().displayName()
                    + " service does not answer referrals with an offer or a decline (DERBY 3.3.1)"));
        }
        AccommodationResponse earlier = referral.work().response();
        if (earlier != null) {
            // Interpretation (DERBY 3.3.1, 3.3.5): one answer per referral. After a decline the
            // council goes to the other providers on the DPS; a placement found later is a new
            // approach from the council, so a new referral with its own clock. The access KPI then
            // counts each referral's answer once.
            return Optional.of(new CaseWork.Conflict("The council already has this referral's answer: "
                    + earlier.kind().displayName().toLowerCase(java.util.Locale.UK) + " at " + earlier.at()
                    + ". One answer per referral (DERBY 3.3.1); a later offer needs a new referral from the council."));
        }
        if (referral.status() != CaseStatus.AWAITING_ALLOCATION) {
            return Optional.of(new CaseWork.Conflict("Only an accepted referral is answered with an offer or a decline; "
                    + "this one is: " + referral.status().description()));
        }
        return Optional.empty();
    }

    private CaseWork.Plan respond(ReferralCase referral, Instant now, AccommodationResponse response) {
        Optional<CaseWork.Outcome> refused = responseRefusal(referral);
        if (refused.isPresent()) {
            return new CaseWork.Stop(refused.get());
        }
        // Interpretation (DERBY 3.3.1): "at" is when the council was given the answer (on the
        // phone, through the DPS, or now). Staff may record it after the fact, like every event;
        // the email that follows puts it in writing, and the clock stops at "at".
        Optional<FieldError> wrongTime = CaseWork.eventTime(AT.name(), AT.noun(), response.at(), referral, now);
        if (wrongTime.isPresent()) {
            return new CaseWork.Stop(new CaseWork.Invalid(List.of(wrongTime.get())));
        }
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent(now, CaseEvent.Type.RESPONSE_SENT, response.kind().displayName() + " given to the council at "
                + response.at() + " (DERBY 3.3.1)"));
        CaseClocks.Applied clocks = ClockChanges.apply(referral, contracts, ClockEvent.OFFER_OR_DECLINE_SENT, response.at(), now, events);
        ReferralCase after = referral.worked(CaseStatus.RESPONDED, clocks.clocks(),
                referral.work().withMilestone(ClockEvent.OFFER_OR_DECLINE_SENT, response.at()).withResponse(response));
        List<CaseTask> tasks = new ArrayList<>();
        boolean email = referral.details().referrer().hasEmail();
        if (!email) {
            tasks.add(new CaseTask(UUID.randomUUID().toString().substring(0, 8), CaseTask.Kind.TELL_COUNCIL_RESPONSE,
                    "Tell the council's referrer the " + response.kind().displayName().toLowerCase(java.util.Locale.UK)
                            + " in writing another way: the referral gives no email", "the referrer", now, true));
            events.add(new CaseEvent(now, CaseEvent.Type.TASK_CREATED, "Task: " + tasks.get(0).description()));
        }
        // The answer to the council's referrer goes into the outbox with the response itself (issue 19).
        List<Outbox.OutboxMail> mails = email ? List.of(OutboxMails.accommodationResponse(after, letters.response(after), now)) : List.of();
        return new CaseWork.Change(after, events, tasks, List.of(), Optional.empty(), mails);
    }

    /** {@code POST /cases/{reference}/placement-ends}: {@code {"at": "...", "instigator": "PROVIDER", "unexpected": true}}. */
    public CaseWork.Outcome placementEnded(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        // Interpretation (DERBY KPIs, Access): a placement can end long after the referral's work is
        // done, and its end changes a count, not the casework, so it may be recorded on a closed case.
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_STAFF, CaseWork.WhenClosed.ALLOW, "recorded a placement end",
                PLACEMENT_END, body, "a placement end", (v, referral, now) -> {
                    Instant at = (Instant) v.get(ENDED_AT.name());
                    PlacementEnd.Instigator instigator = (PlacementEnd.Instigator) v.get("instigator");
                    boolean unexpected = (Boolean) v.get("unexpected");
                    Optional<CaseWork.Outcome> refused = placementEndRefusal(referral);
                    if (refused.isPresent()) {
                        return new CaseWork.Stop(refused.get());
                    }
                    AccommodationResponse response = referral.work().response();
                    if (at.isAfter(now)) {
                        return new CaseWork.Stop(new CaseWork.Invalid(List.of(new FieldError(ENDED_AT.name(),
                                "When must not be in the future"))));
                    }
                    if (at.isBefore(response.at())) {
                        return new CaseWork.Stop(new CaseWork.Invalid(List.of(new FieldError(ENDED_AT.name(),
                                "When must not be before the offer (" + response.at() + ")"))));
                    }
                    // Interpretation (DERBY 3.2): one referral may lead to several placements (a block
                    // of beds), so each end is kept; the KPI counts placements, not referrals.
                    PlacementEnd end = new PlacementEnd(at, instigator, unexpected, actor.id());
                    List<CaseEvent> events = List.of(new CaseEvent(now, CaseEvent.Type.PLACEMENT_ENDED, "Placement ended at " + at
                            + (unexpected ? ", unexpectedly," : " as planned,") + " at "
                            + (instigator == PlacementEnd.Instigator.PROVIDER ? "the provider's" : "the council's")
                            + " instigation (DERBY KPIs, Access)"));
                    return CaseWork.Change.of(referral.worked(referral.status(), referral.clocks(),
                            referral.work().withPlacementEnd(end)), events);
                });
    }
}
