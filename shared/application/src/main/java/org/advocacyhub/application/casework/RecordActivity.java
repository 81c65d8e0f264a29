package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.domain.casework.CaseActivity;
import org.advocacyhub.domain.casework.CaseClocks;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;

/**
 * Staff record a contact with the person or a meeting (LLR 9.38b-c, 7.25, 26.17). The first
 * contact that reached the person themselves stops the first-contact clocks and starts those that
 * run from it (IMHA meeting, LLR 7.25); the first meeting held with the person stops the
 * first-meeting clocks. Each contact and meeting is kept for the returns ("how advocates supported
 * people", LLR 26.17).
 */
@Singleton
public final class RecordActivity {

    /** How a contact was made. */
    public enum Method implements Choice {
        PHONE("Phone"), VIDEO("Video call"), VISIT("Visit in person"), LETTER("Letter"), EMAIL("Email"),
        TEXT_MESSAGE("Text message"), OTHER("Other");

        private final String displayName;

        Method(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    /** What a meeting was, and whether the person was in it. */
    public enum MeetingKind implements Choice {
        WITH_PERSON("Meeting the person"),
        WITH_PERSON_AND_OTHERS("A meeting the person attended with others (review, ward round, best interests)"),
        WITHOUT_PERSON("A meeting about the person without them (professionals)");

        private final String displayName;

        MeetingKind(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }

        boolean withPerson() {
            return this != WITHOUT_PERSON;
        }
    }

    private static final FieldSpec AT = new FieldSpec("at", "When", "When it happened: now or earlier, not before the referral",
            FieldKind.DATE_TIME, true, 40, List.of(), "Enter when it happened", "When");
    public static final List<FieldSpec> CONTACT = List.of(AT,
            new FieldSpec("method", "How", "", FieldKind.CHOICE, true, 40, List.of(Method.values()), "Select how contact was made", "How"),
            new FieldSpec("withPerson", "With the person themselves", "No if it was with a relative, carer or professional", FieldKind.YES_NO,
                    true, 5, List.of(), "Say whether it was with the person", "With the person"),
            new FieldSpec("successful", "Reached them", "No if there was no answer, a message was left or a letter came back", FieldKind.YES_NO,
                    true, 5, List.of(), "Say whether the contact reached them", "Reached them"));
    public static final List<FieldSpec> MEETING = List.of(AT,
            new FieldSpec("held", "Held", "False when it was cancelled or the person did not come", FieldKind.YES_NO, true, 5, List.of(),
                    "Say whether the meeting was held", "Held"),
            new FieldSpec("kind", "Kind of meeting", "", FieldKind.CHOICE, true, 40, List.of(MeetingKind.values()),
                    "Select the kind of meeting", "Kind of meeting"));

    private final CaseWork work;
    private final ContractCatalogue contracts;
    public RecordActivity(CaseWork work, ContractCatalogue contracts) {
        this.work = work;
        this.contracts = contracts;
    }

    /** {@code POST /cases/{reference}/contacts}. */
    public CaseWork.Outcome contact(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, CaseWork.WhenClosed.REFUSE, "recorded a contact",
                CONTACT, body, "a contact", (v, referral, now) -> {
                    Instant at = (Instant) v.get("at");
                    Method method = (Method) v.get("method");
                    boolean withPerson = (Boolean) v.get("withPerson");
                    boolean successful = (Boolean) v.get("successful");
                    return record(referral, now, at,
                            new CaseActivity(id(), CaseActivity.Kind.CONTACT, at, method.name(), withPerson, successful, actor.id(), now),
                            // LLR 9.38b, 7.25, LEW 8.4: contact is made when it reaches the person themselves.
                            withPerson && successful ? ClockEvent.FIRST_CONTACT : null,
                            "Contact by " + method.displayName().toLowerCase(java.util.Locale.UK)
                                    + (withPerson ? " with the person" : " with someone else") + (successful ? "" : ", not reached"));
                });
    }

    /** {@code POST /cases/{reference}/meetings}. */
    public CaseWork.Outcome meeting(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, CaseWork.WhenClosed.REFUSE, "recorded a meeting",
                MEETING, body, "a meeting", (v, referral, now) -> {
                    Instant at = (Instant) v.get("at");
                    boolean held = (Boolean) v.get("held");
                    MeetingKind kind = (MeetingKind) v.get("kind");
                    return record(referral, now, at,
                            new CaseActivity(id(), CaseActivity.Kind.MEETING, at, kind.name(), kind.withPerson(), held, actor.id(), now),
                            // LLR 9.38c as requirements §5 reads it: the first meeting held with the person.
                            held && kind.withPerson() ? ClockEvent.FIRST_MEETING_HELD : null,
                            "Meeting: " + kind.displayName() + (held ? "" : ", not held"));
                });
    }

    private CaseWork.Plan record(ReferralCase referral, Instant now, Instant at, CaseActivity activity,
                                 ClockEvent milestone, String description) {
        if (!referral.status().isOpenCasework()) {
            return new CaseWork.Stop(new CaseWork.Conflict("Contacts and meetings are recorded on accepted cases; this one is: "
                    + referral.status().description()));
        }
        Optional<FieldError> wrongTime = CaseWork.eventTime(AT.name(), AT.noun(), at, referral, now);
        if (wrongTime.isPresent()) {
            return new CaseWork.Stop(new CaseWork.Invalid(List.of(wrongTime.get())));
        }
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent(now, activity.kind() == CaseActivity.Kind.CONTACT ? CaseEvent.Type.CONTACT_RECORDED
                : CaseEvent.Type.MEETING_RECORDED, description + " at " + at));
        ReferralCase after = referral;
        if (milestone != null && referral.work().milestone(milestone).isEmpty()) {
            CaseClocks.Applied clocks = ClockChanges.apply(referral, contracts, milestone, at, now, events);
            after = referral.worked(referral.status(), clocks.clocks(), referral.work().withMilestone(milestone, at));
        }
        return new CaseWork.Change(after, events, List.of(), List.of(activity), Optional.empty(), List.of());
    }

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
