package org.advocacyhub.application.retention;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.DataRequestStore;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.dataprotection.DataRequest;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * A person's data protection requests (issue 22), managers only, every step audited: recorded with the day they must be
 * answered by (UK GDPR Art. 12(3)); the person's records found ({@link FindPerson}) and, for a subject access request
 * (Art. 15), exported; and answered: access given, a correction made (through the case's own forms, each with its reason;
 * Art. 16), the person's cases erased by the anonymisation retention uses ({@link AnonymiseCase}; Art. 17), or refused on a
 * stated ground.
 */
@Singleton
public final class DataRequests {

    public static final FieldSpec NAME = new FieldSpec("name", "The person's full name", "As they gave it: their records are "
            + "found by this name and their date of birth, as the returns match people", FieldKind.TEXT, true, 200, List.of(),
            "Enter the person's full name", "Name");
    public static final FieldSpec DATE_OF_BIRTH = new FieldSpec("dateOfBirth", "Date of birth", "", FieldKind.PAST_DATE, true, 10,
            List.of(), "Enter the person's date of birth", "Date of birth");
    public static final FieldSpec RECEIVED = new FieldSpec("receivedOn", "Received on", "The day the hub received the request: the "
            + "month to answer runs from it (today if left out)", FieldKind.DATE, false, 10, List.of(), "", "Received on");
    public static final FieldSpec DETAILS = new FieldSpec("details", "What they ask", "For a correction: what is wrong and what it "
            + "should say; for an erasure: what and why", FieldKind.TEXTAREA, true, 2000, List.of(), "Enter what they ask", "Details");
    public static final FieldSpec OUTCOME = new FieldSpec("outcome", "Outcome", "", FieldKind.CHOICE, true, 20,
            List.of(DataRequest.Outcome.values()), "Choose the outcome", "Outcome");
    public static final FieldSpec GROUND = new FieldSpec("ground", "Ground for refusing", "Only when refusing", FieldKind.CHOICE, false,
            40, List.of(DataRequest.Ground.values()), "", "Ground");
    public static final FieldSpec NOTE = new FieldSpec("note", "What was done or told", "", FieldKind.TEXTAREA, true, 2000, List.of(),
            "Enter what was done or told", "Note");

    /** {@code POST /subject-access-requests}: {@code {"name", "dateOfBirth", "receivedOn"?}}. */
    public static final List<FieldSpec> ACCESS_FIELDS = List.of(NAME, DATE_OF_BIRTH, RECEIVED);
    /** {@code POST /rectification-requests}, {@code POST /erasure-requests}: {@code {"name", "dateOfBirth", "details", "receivedOn"?}}. */
    public static final List<FieldSpec> CHANGE_FIELDS = List.of(NAME, DATE_OF_BIRTH, DETAILS, RECEIVED);
    /** {@code POST /data-requests/{id}/decision}: {@code {"outcome", "ground"?, "note"}}. */
    public static final List<FieldSpec> DECISION_FIELDS = List.of(OUTCOME, GROUND, NOTE);

    private final DataRequestStore store;
    private final FindPerson people;
    private final AnonymiseCase anonymise;
    private final FieldRules rules;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public DataRequests(DataRequestStore store, FindPerson people, AnonymiseCase anonymise, ContractTerms terms,
                        ContractCatalogue contracts, Clock clock) {
        this.store = store;
        this.people = people;
        this.anonymise = anonymise;
        this.rules = new FieldRules(terms);
        // Every contract is on the deployment's one England and Wales calendar (ContractsFactory).
        this.calendar = contracts.contracts().get(0).calendar();
        this.clock = clock;
    }

    public static List<FieldSpec> fields(DataRequest.Kind kind) {
        return kind == DataRequest.Kind.ACCESS ? ACCESS_FIELDS : CHANGE_FIELDS;
    }

    public sealed interface Outcome {
    }

    /** @param created false when the same recording was sent again: the request as it was recorded */
    public record Recorded(DataRequest request, boolean created) implements Outcome {
    }

    /** One request with the cases found for its person and its audit trail. */
    public record Shown(DataRequest request, List<ReferralCase> cases, List<AuditEntry> audit) implements Outcome {
        public Shown {
            cases = List.copyOf(cases);
            audit = List.copyOf(audit);
        }
    }

    public record Listed(List<DataRequest> open, List<DataRequest> decided) implements Outcome {
        public Listed {
            open = List.copyOf(open);
            decided = List.copyOf(decided);
        }
    }

    /** A subject access request's export: everything found about the person. */
    public record Exported(DataRequest request, FindPerson.Found found, Instant producedAt) implements Outcome {
    }

    public record Decided(DataRequest request) implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    public record NotAllowed(String why) implements Outcome {
    }

    public record NotFound(String why) implements Outcome {
    }

    public record Conflict(String why) implements Outcome {
    }

    private static final String MANAGERS_ONLY = "Only managers may see or answer a person's data protection requests.";

    /** Records a request of {@code kind}. */
    public Outcome record(StaffActor actor, DataRequest.Kind kind, SubmittedFields body) {
        if (!actor.isManager()) {
            return new NotAllowed(MANAGERS_ONLY);
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        FieldRules.Checked checked = rules.check(fields(kind), body, today, "the request");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        Map<String, Object> v = checked.values();
        LocalDate received = v.get(RECEIVED.name()) instanceof LocalDate given ? given : today;
        if (received.isAfter(today)) {
            errors.add(new FieldError(RECEIVED.name(), "Received on must be today or earlier"));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        // The same id each time a keyed request runs: run again, it finds its own record (issue 19).
        String id = actor.newRecordId();
        DataRequest request = new DataRequest(id, kind, (String) v.get(NAME.name()), (LocalDate) v.get(DATE_OF_BIRTH.name()),
                (String) v.get(DETAILS.name()), received, DataRequest.dueOn(received, calendar), now, actor.id(), null, 1);
        if (!store.create(request, request.reminderAt(calendar), audit(actor, now, "recorded the " + kind.displayName().toLowerCase() + " request (" + kind.clause() + ")"))) {
            return new Recorded(store.find(id).orElseThrow(), false);
        }
        return new Recorded(request, true);
    }

    /** The open requests, soonest due first, and the last decided ones. */
    public Outcome list(StaffActor actor, int limit) {
        if (!actor.isManager()) {
            return new NotAllowed(MANAGERS_ONLY);
        }
        return new Listed(store.list(true, limit), store.list(false, limit));
    }

    /** One request, with the cases found for its person; audited (it shows who they are). */
    public Outcome show(StaffActor actor, String id) {
        if (!actor.isManager()) {
            return new NotAllowed(MANAGERS_ONLY);
        }
        Optional<DataRequest> found = store.find(id);
        if (found.isEmpty()) {
            return new NotFound("There is no data protection request " + id + ".");
        }
        store.audit(id, audit(actor, clock.instant(), "opened the request"));
        DataRequest request = found.get();
        return new Shown(request, people.cases(request.name(), request.dateOfBirth()), store.audit(id));
    }

    /** A subject access request's export of everything about the person; audited. */
    public Outcome export(StaffActor actor, String id) {
        if (!actor.isManager()) {
            return new NotAllowed(MANAGERS_ONLY);
        }
        Optional<DataRequest> found = store.find(id);
        if (found.isEmpty() || found.get().kind() != DataRequest.Kind.ACCESS) {
            return new NotFound("There is no subject access request " + id + ".");
        }
        Instant now = clock.instant();
        DataRequest request = found.get();
        FindPerson.Found records = people.find(request.name(), request.dateOfBirth());
        store.audit(id, audit(actor, now, "produced the subject access export (" + records.cases().size() + " cases, "
                + records.messages().size() + " answerphone messages)"));
        return new Exported(request, records, now);
    }

    /**
     * Answers a request. An erasure anonymises every case found for the person (none may be under a legal hold: lift it, or
     * refuse on {@link DataRequest.Ground#LEGAL_CLAIMS}); a correction is made first through the case's own forms, each with its
     * reason, and recorded here as done, naming the cases found. A refusal names its ground, which must fit the request.
     */
    public Outcome decide(StaffActor actor, String id, SubmittedFields body) {
        if (!actor.isManager()) {
            return new NotAllowed(MANAGERS_ONLY);
        }
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(DECISION_FIELDS, body, now.atZone(WorkingCalendar.ZONE).toLocalDate(), "the answer");
        if (!checked.valid()) {
            return new Invalid(checked.errors());
        }
        Optional<DataRequest> found = store.find(id);
        if (found.isEmpty()) {
            return new NotFound("There is no data protection request " + id + ".");
        }
        DataRequest request = found.get();
        DataRequest.Outcome outcome = (DataRequest.Outcome) checked.values().get(OUTCOME.name());
        DataRequest.Ground ground = (DataRequest.Ground) checked.values().get(GROUND.name());
        String note = (String) checked.values().get(NOTE.name());
        if (!request.open()) {
            if (request.decision().outcome() == outcome && request.decision().note().equals(note)) {
                return new Decided(request); // the same answer sent again
            }
            return new Conflict("The request was answered on " + request.decision().at() + ". Nothing was changed.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!outcome.answers(request.kind())) {
            errors.add(new FieldError(OUTCOME.name(), "Outcome must be one that answers a " + request.kind().displayName().toLowerCase()
                    + " request"));
        }
        if (outcome == DataRequest.Outcome.REFUSED && ground == null) {
            errors.add(new FieldError(GROUND.name(), "Choose the ground for refusing"));
        } else if (outcome != DataRequest.Outcome.REFUSED && ground != null) {
            errors.add(new FieldError(GROUND.name(), "Give a ground only when refusing"));
        } else if (ground != null && !ground.refuses(request.kind())) {
            errors.add(new FieldError(GROUND.name(), "Ground must be one that can refuse a " + request.kind().displayName().toLowerCase()
                    + " request"));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        List<ReferralCase> cases = people.cases(request.name(), request.dateOfBirth());
        List<String> references = new ArrayList<>();
        if (outcome == DataRequest.Outcome.ERASED) {
            List<String> held = cases.stream().filter(c -> c.work().legalHold() != null).map(c -> c.reference().value()).toList();
            if (!held.isEmpty()) {
                return new Conflict("Under a legal hold: " + String.join(", ", held) + ". Lift the hold, or refuse the erasure on the "
                        + "ground that the records are needed for legal claims. Nothing was erased.");
            }
            List<String> open = cases.stream().filter(c -> !PastTheirTime.FINISHED.contains(c.status())).map(c -> c.reference().value())
                    .toList();
            if (!open.isEmpty()) {
                // Interpretation: advocacy still being given needs the record; erasure waits for the case to close.
                return new Conflict("Still open: " + String.join(", ", open) + ". Close the case first, or refuse the erasure. "
                        + "Nothing was erased.");
            }
            String rule = "erasure request " + id + " (" + DataRequest.Kind.ERASURE.clause() + ")";
            for (ReferralCase c : cases) {
                AnonymiseCase.Result result = anonymise.anonymise(c, now1 -> Optional.of(rule), actor.id());
                if (result == AnonymiseCase.Result.HELD || result == AnonymiseCase.Result.LEFT) {
                    return new Conflict(c.reference().value() + " changed while it was being erased (" + result.name().toLowerCase()
                            + "); the cases before it are anonymised. Send the answer again.");
                }
                references.add(c.reference().value());
            }
        } else {
            cases.forEach(c -> references.add(c.reference().value()));
        }
        DataRequest decided = request.decided(new DataRequest.Decision(outcome, ground, note, now, actor.id(), references));
        String action = "answered the request: " + outcome.displayName().toLowerCase()
                + (ground == null ? "" : " (" + ground.displayName() + ", " + ground.clause() + ")");
        if (!store.save(request, decided, audit(actor, now, action))) {
            return new Conflict("The request changed meanwhile. Read it again.");
        }
        return new Decided(decided.nextVersion());
    }

    private static AuditEntry audit(StaffActor actor, Instant at, String action) {
        return new AuditEntry(UUID.randomUUID().toString().substring(0, 8), at, actor.id(), action);
    }
}
