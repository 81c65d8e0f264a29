package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.retention.Anonymiser;

/**
 * A correction of the person's details on a case (issue 22 item 3; UK GDPR Art. 16, rectification): a manager sets the
 * name, date of birth, postcode or communication needs the person says are wrong, with why, through the case's one
 * conditional, versioned write like any other change. The timeline names what was corrected and why, never the old or new
 * values; the audit trail who did it. Managers only: it changes who the record is about. An anonymised case has no person
 * left to correct.
 */
@Singleton
public final class CorrectPerson {

    public static final FieldSpec NAME = new FieldSpec("name", "Name", "Only what is to change", FieldKind.TEXT, false, 200,
            List.of(), "", "Name");
    public static final FieldSpec DATE_OF_BIRTH = new FieldSpec("dateOfBirth", "Date of birth", "", FieldKind.PAST_DATE, false, 10,
            List.of(), "", "Date of birth");
    public static final FieldSpec POSTCODE = new FieldSpec("postcode", "Postcode", "", FieldKind.POSTCODE, false, 8, List.of(), "",
            "Postcode");
    public static final FieldSpec COMMUNICATION_NEEDS = new FieldSpec("communicationNeeds", "Communication needs", "",
            FieldKind.TEXTAREA, false, 1000, List.of(), "", "Communication needs");
    public static final FieldSpec REASON = new FieldSpec("reason", "Why", "The person's request, and how it was checked",
            FieldKind.TEXTAREA, true, 1000, List.of(), "Enter why the details are corrected", "Reason");
    /** {@code {"name"?, "dateOfBirth"?, "postcode"?, "communicationNeeds"?, "reason"}}: at least one detail. */
    public static final List<FieldSpec> FIELDS = List.of(NAME, DATE_OF_BIRTH, POSTCODE, COMMUNICATION_NEEDS, REASON);

    private final CaseWork work;

    public CorrectPerson(CaseWork work) {
        this.work = work;
    }

    /** {@code POST /cases/{reference}/person-correction}. */
    public CaseWork.Outcome correct(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER, CaseWork.WhenClosed.ALLOW, values -> "corrected the person's details "
                + "(" + String.join(", ", corrected(values)) + ")", FIELDS, body, "a correction of the person's details",
                (values, referral, now) -> {
                    List<String> what = corrected(values);
                    if (what.isEmpty()) {
                        return new CaseWork.Stop(new CaseWork.Invalid(List.of(new org.advocacyhub.domain.referral.FieldError(NAME.name(),
                                "Give at least one detail to correct: name, date of birth, postcode or communication needs"))));
                    }
                    if (Anonymiser.anonymised(referral)) {
                        return new CaseWork.Stop(new CaseWork.Conflict("The case is anonymised: it holds no person to correct."));
                    }
                    Person p = referral.details().person();
                    Person corrected = new Person(
                            values.get(NAME.name()) instanceof String name ? name : p.name(),
                            values.get(DATE_OF_BIRTH.name()) instanceof LocalDate born ? born : p.dateOfBirth(),
                            p.gender(), p.ethnicity(), p.disabilities(), p.residence(), p.placeName(),
                            values.get(POSTCODE.name()) instanceof String postcode ? postcode : p.postcode(), p.authority(),
                            values.get(COMMUNICATION_NEEDS.name()) instanceof String needs ? needs : p.communicationNeeds(),
                            p.language(), p.interpreterNeeded());
                    ReferralDetails d = referral.details();
                    ReferralCase after = referral.withDetails(new ReferralDetails(d.service(), d.route(), d.source(), corrected,
                            d.referrer(), d.urgency(), d.fixedDate(), d.fixedDateReason(), d.awareness(), d.reason(), d.serviceAnswers()));
                    CaseEvent event = new CaseEvent(now, CaseEvent.Type.PERSON_CORRECTED, "The person's details corrected ("
                            + String.join(", ", what) + ", UK GDPR Art. 16). Why: " + values.get(REASON.name()));
                    return CaseWork.Change.of(after, List.of(event));
                });
    }

    /** The details a body corrects, in words. */
    private static List<String> corrected(Map<String, Object> values) {
        List<String> what = new ArrayList<>();
        if (values.get(NAME.name()) != null) {
            what.add("name");
        }
        if (values.get(DATE_OF_BIRTH.name()) != null) {
            what.add("date of birth");
        }
        if (values.get(POSTCODE.name()) != null) {
            what.add("postcode");
        }
        if (values.get(COMMUNICATION_NEEDS.name()) != null) {
            what.add("communication needs");
        }
        return what;
    }
}
