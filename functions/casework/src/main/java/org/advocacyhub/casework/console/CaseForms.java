package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.casework.AllocateAdvocate;
import org.advocacyhub.application.casework.AnswerAccommodation;
import org.advocacyhub.application.casework.RecordHourLimits;
import org.advocacyhub.application.casework.RecordMilestone;
import org.advocacyhub.application.casework.RecordReturnDetails;
import org.advocacyhub.application.screening.ScreenAgain;
import org.advocacyhub.application.casework.CaseWork;
import org.advocacyhub.application.casework.ContractChoice;
import org.advocacyhub.application.casework.CloseCase;
import org.advocacyhub.application.casework.HoldCase;
import org.advocacyhub.application.casework.RecordActivity;
import org.advocacyhub.application.casework.RecordFeedback;
import org.advocacyhub.application.casework.RecordTime;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.casework.UpdateActionPlan;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.Goal;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.advocacyhub.web.html.FormFields;

/**
 * The case page's forms, each on the same use case as its JSON route (two adapters, one set of
 * rules): contact, meeting, time, action plan, closure and feedback. A form's values become the
 * use case's fields here: dates and times as {@link FormFields#posted} reads them, and the rows of
 * goals as the list of goals the JSON route takes.
 */
@Singleton
final class CaseForms {

    /** One form of the case page. */
    interface Form {
        /** The last part of its address, {@code /console/cases/{reference}/<action>}. */
        String action();

        String title();

        String hint();

        String button();

        /** What a fresh form holds (e.g. now, for when a contact happened). */
        Map<String, List<String>> initial();

        /** The id the error summary links to for a field. */
        String anchor(String field);

        void render(FormFields fields, StringBuilder html, Map<String, List<String>> values, List<FieldError> errors);

        CaseWork.Outcome submit(ReferralReference reference, StaffActor actor, Map<String, List<String>> values);

        /**
         * Whether the form is sent twice, GOV.UK's "check answers" pattern (issue 21): first {@link #check}ed and shown back
         * as {@link #answers}, then sent for good from that page. Closing a case is; the others are one step.
         */
        default boolean checksAnswers() {
            return false;
        }

        /** {@link #submit} checked by the same rules and not made: {@link CaseWork.Checked}, or what it would be refused with. */
        default CaseWork.Outcome check(ReferralReference reference, StaffActor actor, Map<String, List<String>> values) {
            throw new UnsupportedOperationException(action() + " is sent in one step");
        }

        /** The answers as the check page lists them: each question and its answer in words. */
        default List<Map.Entry<String, String>> answers(Map<String, List<String>> values) {
            return List.of();
        }
    }

    /**
     * What the case page says once a form's action is done (the 303 back names the action, {@code ?saved=contacts});
     * nothing from the address itself is shown. The allocation is the waiting list's form.
     */
    static String savedText(String action) {
        return switch (action) {
            case "allocation" -> "Case allocated.";
            case "reallocation" -> "Case moved to another advocate.";
            case "contacts" -> "Contact recorded.";
            case "meetings" -> "Meeting recorded.";
            case "time" -> "Time recorded.";
            case "action-plan" -> "Action plan saved.";
            case "closure" -> "Case closed.";
            case "feedback" -> "Feedback saved.";
            case "screening" -> "Referral screened again.";
            case "response" -> "Answer recorded; the council's referrer is being emailed it.";
            case "placement-ends" -> "Placement end recorded.";
            case "eligibility-confirmation" -> "Eligibility confirmation recorded.";
            case "report-sent" -> "Report recorded as sent.";
            case "hour-requests" -> "Request for more hours recorded.";
            case "hour-approvals" -> "Approval of more hours recorded.";
            case "return-details" -> "Return details saved.";
            case "legal-hold" -> "Legal hold set.";
            case "legal-hold-lift" -> "Legal hold lifted.";
            case "person-correction" -> "The person's details are corrected.";
            case "reopen" -> "Case reopened.";
            case "case-study" -> "Case study saved.";
            default -> "";
        };
    }

    private final RecordActivity activity;
    private final AllocateAdvocate allocate;
    private final RecordTime time;
    private final UpdateActionPlan plan;
    private final CloseCase close;
    private final RecordFeedback feedback;
    private final ScreenAgain screenAgain;
    private final RecordMilestone milestones;
    private final RecordHourLimits hours;
    private final AnswerAccommodation accommodation;
    private final RecordReturnDetails returnDetails;
    private final ContractCatalogue contracts;
    private final Clock clock;
    private final HoldCase hold;
    private final org.advocacyhub.application.casework.CorrectPerson correct;
    private final org.advocacyhub.application.returns.RecordCaseStudies caseStudies;

    CaseForms(RecordActivity activity, AllocateAdvocate allocate, RecordTime time, UpdateActionPlan plan, CloseCase close,
              RecordFeedback feedback, ScreenAgain screenAgain, RecordMilestone milestones, RecordHourLimits hours,
              AnswerAccommodation accommodation, RecordReturnDetails returnDetails, ContractCatalogue contracts, Clock clock,
              HoldCase hold, org.advocacyhub.application.casework.CorrectPerson correct,
              org.advocacyhub.application.returns.RecordCaseStudies caseStudies) {
        this.caseStudies = caseStudies;
        this.hold = hold;
        this.correct = correct;
        this.screenAgain = screenAgain;
        this.milestones = milestones;
        this.hours = hours;
        this.accommodation = accommodation;
        this.returnDetails = returnDetails;
        this.activity = activity;
        this.allocate = allocate;
        this.time = time;
        this.plan = plan;
        this.close = close;
        this.feedback = feedback;
        this.contracts = contracts;
        this.clock = clock;
    }

    /**
     * The forms a case shows, each only when the case as it is takes it (the use case's own test, so a form is never
     * offered that its use case would refuse for the case's state): screening again and the DERBY answer before
     * allocation; the casework, milestones and hours on an accepted, open case; the person's feedback (LEW 13.3), a
     * report sent after the instruction ended (LLR 5.23) and reopening on a closed one; return details (LEW 17.5) and
     * placement ends (DERBY KPIs) on either. Forms only managers may send are shown only to managers (issue 21: the
     * advocate sees only what they can use); who may send each is checked again, before it is read.
     */
    List<Form> forCase(ReferralCase referral, StaffActor viewer) {
        Instant now = clock.instant();
        Map<String, List<String>> atNow = Map.of("at", List.of(FormFields.localDateTime(now)));
        List<Form> forms = new ArrayList<>();
        boolean closed = referral.status() == CaseStatus.CLOSED;
        if (viewer.isManager() && referral.status() != CaseStatus.RECEIVED && !referral.work().isClosed()) {
            forms.add(screening(referral));
        }
        if (accommodation.responseOffered(referral)) {
            forms.add(new Simple("response", "Answer the council: an offer or a decline", "Stops the response clock and emails "
                    + "the council's referrer the answer (DERBY 3.3.1). One answer per referral. Times are UK times.", "Send the answer",
                    AnswerAccommodation.RESPONSE, atNow, accommodation::respond));
        }
        if (closed) {
            List<FeedbackQuestion> questions = contracts.contract(referral.reference().contract()).map(Contract::feedback).orElse(List.of());
            if (!questions.isEmpty()) {
                forms.add(new FeedbackForm(questions, referral.details().service() == ServiceCode.CYP ? "young person" : "person"));
            }
        }
        // LLR 26.16, 27.3, Appendix One B: the person's journey, written once the case has closed, for the quarter it closed in.
        Contract contract = contracts.contractFor(referral.details().service());
        if (closed && org.advocacyhub.domain.casestudy.CaseStudies.notWritable(referral, contract).isEmpty()) {
            forms.add(new CaseStudyForm(contract, caseStudies.of(referral)));
        }
        if (referral.status().isOpenCasework()) {
            forms.addAll(casework(referral, viewer, now, atNow));
        }
        if (milestones.offered(referral, ClockEvent.REPORT_SENT)) {
            forms.add(new Simple("report-sent", "Record that the report was sent", "Stops the report clock (LLR 5.23, 5.45). Times "
                    + "are UK times.", "Save", RecordMilestone.FIELDS, atNow, milestones::reportSent));
        }
        if (accommodation.placementEndOffered(referral)) {
            forms.add(new Simple("placement-ends", "Record that a placement ended", "For the access KPI (DERBY KPIs): each "
                    + "placement's end, by whose decision and whether it was planned. Times are UK times.", "Save placement end",
                    AnswerAccommodation.PLACEMENT_END, atNow, accommodation::placementEnded));
        }
        if (RecordReturnDetails.offered(referral)) {
            // The form shows what is recorded: saving it records the details as they then are (LEW 17.5).
            forms.add(new Simple("return-details", "Record the return details", "The young person's group and reasons for "
                    + "advocacy, for the returns (LEW 17.5), and the caseload information the council receives securely. Left out, "
                    + "the group and primary reason come from the referral.",
                    "Save return details", RecordReturnDetails.FIELDS, RecordReturnDetails.current(referral), returnDetails::record));
        }
        if (closed && viewer.isManager()) {
            forms.add(new Simple("reopen", "Reopen the case", "The case goes back to its advocate; the clocks the closure stopped "
                    + "stay stopped.", "Reopen the case", CloseCase.REOPEN_FIELDS, Map.of(), close::reopen));
        }
        // Issue 22: any case, open or closed, taken on or not.
        if (HoldCase.offered(referral, viewer, false)) {
            forms.add(new Simple("legal-hold", "Put the case under a legal hold", "Nothing of the case is anonymised while the hold "
                    + "is on, whatever its retention period. Lift it when it is no longer needed.", "Set the legal hold",
                    HoldCase.FIELDS, Map.of(), hold::hold));
        }
        if (HoldCase.offered(referral, viewer, true)) {
            forms.add(new Simple("legal-hold-lift", "Lift the legal hold", "The case's retention period applies again.",
                    "Lift the legal hold", HoldCase.LIFT_FIELDS, Map.of(), hold::lift));
        }
        if (viewer.isManager() && !org.advocacyhub.domain.retention.Anonymiser.anonymised(referral)) {
            forms.add(new Simple("person-correction", "Correct the person's details", "A rectification request (UK GDPR Art. 16): "
                    + "fill in only what is to change. The timeline records what was corrected and why, not the values.",
                    "Save the correction", org.advocacyhub.application.casework.CorrectPerson.FIELDS, Map.of(), correct::correct));
        }
        return forms;
    }

    /** The forms of an accepted, open case. */
    private List<Form> casework(ReferralCase referral, StaffActor viewer, Instant now, Map<String, List<String>> atNow) {
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        Map<String, List<String>> todayBoxes = Map.of("date.day", List.of(String.valueOf(today.getDayOfMonth())),
                "date.month", List.of(String.valueOf(today.getMonthValue())), "date.year", List.of(String.valueOf(today.getYear())));
        List<Goal> goals = referral.work().actionPlan();
        List<Form> forms = new ArrayList<>();
        if (viewer.isManager() && referral.work().allocation() != null) {
            // Issue 20: a case held by someone who left or was deactivated is moved from here (the duty manager's home
            // lists them); its clocks run on meanwhile.
            forms.add(new Reallocation(referral));
        }
        forms.addAll(List.of(
                new Simple("contacts", "Record a contact", "The first contact that reaches the person stops the contact clocks "
                        + "(LLR 9.38b, 7.25; LEW 8.4). Times are UK times.", "Save contact", RecordActivity.CONTACT, atNow,
                        activity::contact),
                new Simple("meetings", "Record a meeting", "The first meeting held with the person stops the meeting clocks "
                        + "(LLR 9.38c, 7.25). Times are UK times.", "Save meeting", RecordActivity.MEETING, atNow, activity::meeting)));
        if (milestones.offered(referral, ClockEvent.ELIGIBILITY_CONFIRMED)) {
            forms.add(new Simple("eligibility-confirmation", "Record that eligibility was confirmed", "Confirmed with the person; "
                    + "stops the eligibility clock (LLR 7.48). Times are UK times.", "Save", RecordMilestone.FIELDS, atNow,
                    milestones::eligibilityConfirmed));
        }
        forms.add(new Simple("time", "Record time", "Time spent on the case, direct or indirect (LLR 26.17, LEW 17.5).", "Save time",
                RecordTime.FIELDS, todayBoxes, time::record));
        if (hours.requestOffered(referral)) {
            forms.add(new Simple("hour-requests", "Ask for more hours", "Each request raises the hours the case may have by the "
                    + "hours it asks for; its reasons go to the council (LLR 26.17).", "Save request", RecordHourLimits.REQUEST,
                    Map.of(), hours::request));
        }
        if (viewer.isManager() && hours.approvalOffered(referral)) {
            forms.add(new Simple("hour-approvals", "Record the Service Manager's approval of more hours", "The latest approval's "
                    + "limit applies (LEW 7.3, 7.16, 8.11).", "Save approval", RecordHourLimits.APPROVAL, Map.of(), hours::approve));
        }
        forms.add(new ActionPlan(goals));
        forms.add(new Closure(goals));
        return forms;
    }

    /**
     * Screening again (managers, LLR 9.33): a redirect confirmed by choosing another of the contract's services, answers to
     * the service's questions supplied or corrected, and a note for the timeline. A question left empty keeps its answer.
     */
    private Form screening(ReferralCase referral) {
        List<ServiceCode> offered = contracts.contract(referral.reference().contract()).map(c -> java.util.Arrays.stream(ServiceCode.values())
                .filter(c::offers).toList()).orElse(List.of(referral.details().service()));
        FieldSpec service = new FieldSpec(ScreenAgain.SERVICE.name(), "Service", "Choose another service only to confirm a "
                + "redirect; its questions then start afresh", FieldKind.CHOICE, false, ScreenAgain.SERVICE.maxLength(), offered, "",
                ScreenAgain.SERVICE.noun());
        List<FieldSpec> specs = new ArrayList<>();
        specs.add(service);
        specs.addAll(ServiceQuestions.forService(referral.details().service()));
        specs.add(ScreenAgain.NOTE);
        return new Simple("screening", "Screen the referral again", "With information supplied or answers corrected, or to confirm "
                + "a redirect (LLR 9.33). Leave a question empty to keep its answer.", "Screen again", List.copyOf(specs),
                Map.of(service.name(), List.of(referral.details().service().name())), (reference, actor, fields) -> {
                    Map<String, List<String>> given = new LinkedHashMap<>(fields.asMap());
                    given.values().removeIf(v -> v.stream().allMatch(String::isEmpty));
                    return screenAgain.asCasework(reference, actor, SubmittedFields.of(given));
                });
    }

    /**
     * Moving the case (LLR 9.32): the advocate who holds it now travels as a hidden field (the case moves only if they still
     * hold it), and the new advocate is chosen by name among those the allocation rules accept (issue 21: no staff id to
     * type), with why it moves. The use case checks the choice again (LLR 13.1-13.7).
     */
    private final class Reallocation implements Form {

        private final String holder;
        private final List<FieldSpec> shown;

        Reallocation(ReferralCase referral) {
            this.holder = referral.work().allocation().advocateId();
            List<ContractChoice> choices = allocate.candidates(referral, allocate.staff()).stream()
                    .filter(AllocateAdvocate.Candidate::qualified).map(AllocateAdvocate.Candidate::advocate)
                    .filter(a -> !a.id().equals(holder)).map(a -> new ContractChoice(a.id(), a.name())).toList();
            FieldSpec to = AllocateAdvocate.ADVOCATE;
            // With no one else qualified there is nothing to choose (the use case still names the missing advocate if sent).
            this.shown = choices.isEmpty() ? List.of(AllocateAdvocate.REASON) : List.of(new FieldSpec(to.name(), "New advocate",
                    "Only advocates qualified for the case are offered", FieldKind.CHOICE, true, to.maxLength(), choices,
                    "Choose the new advocate", to.noun()), AllocateAdvocate.REASON);
        }

        @Override
        public String action() {
            return "reallocation";
        }

        @Override
        public String title() {
            return "Move the case to another advocate";
        }

        @Override
        public String hint() {
            return "Who should hold it, and why. Its clocks run on.";
        }

        @Override
        public String button() {
            return "Move the case";
        }

        @Override
        public Map<String, List<String>> initial() {
            return Map.of();
        }

        @Override
        public String anchor(String field) {
            return FormFields.anchor(shown, field);
        }

        @Override
        public void render(FormFields fields, StringBuilder html, Map<String, List<String>> values, List<FieldError> errors) {
            html.append("<input type=\"hidden\" name=\"").append(AllocateAdvocate.FROM_ADVOCATE.name()).append("\" value=\"")
                    .append(escape(first(values, AllocateAdvocate.FROM_ADVOCATE.name()).isEmpty() ? holder
                            : first(values, AllocateAdvocate.FROM_ADVOCATE.name()))).append("\">");
            if (shown.size() == 1) {
                html.append("<p>No other advocate in the directory is qualified for this case: add or qualify one in Staff first.</p>");
            }
            fields.fields(html, shown, values, errors);
        }

        @Override
        public CaseWork.Outcome submit(ReferralReference reference, StaffActor actor, Map<String, List<String>> values) {
            return allocate.reallocate(reference, actor, SubmittedFields.of(FormFields.posted(values, AllocateAdvocate.REALLOCATION)));
        }
    }

    /**
     * The feedback at closure (LEW 13.3): the contract's questions, one value each, sent as the JSON route's answers. Where
     * the contract asks the advocate too (LEW Appendix 1, the measures the advocate reports), the questions are grouped by
     * who answers them: what the person said, then what the advocate saw.
     */
    private final class FeedbackForm implements Form {

        private final List<FieldSpec> specs;
        private final List<FieldSpec> personSaid;
        private final List<FieldSpec> advocateSaw;
        private final String who;

        /** @param who how the person is called on the form ("young person" on a children and young people's case) */
        FeedbackForm(List<FeedbackQuestion> questions, String who) {
            this.specs = questions.stream().map(FeedbackQuestion::field).toList();
            this.personSaid = questions.stream().filter(q -> q.askedOf() == FeedbackQuestion.AskedOf.PERSON).map(FeedbackQuestion::field)
                    .toList();
            this.advocateSaw = questions.stream().filter(q -> q.askedOf() == FeedbackQuestion.AskedOf.ADVOCATE)
                    .map(FeedbackQuestion::field).toList();
            this.who = who;
        }

        @Override
        public String action() {
            return "feedback";
        }

        @Override
        public String title() {
            return advocateSaw.isEmpty() ? "Record the person's feedback" : "Record the feedback at closure";
        }

        @Override
        public String hint() {
            return advocateSaw.isEmpty() ? "Their answers at closure (LEW 13.3); answer at least one question."
                    : "What the " + who + " said at closure, and what their advocate saw (LEW 13.3, Appendix 1); answer at least "
                    + "one question.";
        }

        @Override
        public String button() {
            return "Save feedback";
        }

        @Override
        public Map<String, List<String>> initial() {
            return Map.of();
        }

        @Override
        public String anchor(String field) {
            return FormFields.anchor(specs, field);
        }

        @Override
        public void render(FormFields fields, StringBuilder html, Map<String, List<String>> values, List<FieldError> errors) {
            if (advocateSaw.isEmpty()) {
                fields.fields(html, specs, values, errors);
                return;
            }
            if (!personSaid.isEmpty()) {
                html.append("<h3>What the ").append(escape(who)).append(" said</h3>");
                fields.fields(html, personSaid, values, errors);
            }
            html.append("<h3>What the advocate saw</h3>");
            fields.fields(html, advocateSaw, values, errors);
        }

        @Override
        public CaseWork.Outcome submit(ReferralReference reference, StaffActor actor, Map<String, List<String>> values) {
            return feedback.record(reference, actor, SubmittedFields.of(FormFields.posted(values, specs)));
        }
    }

    /**
     * The case study of a closed case (LLR 26.16, 27.3, Appendix One B), on the same use case as {@code POST
     * /cases/{reference}/case-study}: the outcome measures it evidences, consent and the journey, filled with the study
     * written so far; its revision travels hidden, so a change made meanwhile is not overwritten.
     */
    private final class CaseStudyForm implements Form {

        private final List<FieldSpec> specs;
        private final Optional<org.advocacyhub.domain.casestudy.CaseStudy> written;

        CaseStudyForm(Contract contract, Optional<org.advocacyhub.domain.casestudy.CaseStudy> written) {
            this.specs = caseStudies.studyFields(contract).stream()
                    .filter(f -> !f.name().equals(org.advocacyhub.application.returns.RecordCaseStudies.REVISION.name())).toList();
            this.written = written;
        }

        @Override
        public String action() {
            return "case-study";
        }

        @Override
        public String title() {
            return written.isEmpty() ? "Write a case study" : "Change the case study";
        }

        @Override
        public String hint() {
            return "The person's journey to their outcomes, for the quarterly return (LLR Appendix One). A manager chooses four a "
                    + "service each quarter. Name no one: no names, full dates, addresses or case references."
                    + written.map(s -> s.selected() ? " It is selected for the return." : " It is not selected for the return yet.")
                    .orElse("");
        }

        @Override
        public String button() {
            return "Save the case study";
        }

        @Override
        public Map<String, List<String>> initial() {
            Map<String, List<String>> values = new LinkedHashMap<>();
            values.put(org.advocacyhub.application.returns.RecordCaseStudies.REVISION.name(),
                    List.of(Integer.toString(written.map(org.advocacyhub.domain.casestudy.CaseStudy::revision).orElse(0))));
            written.ifPresent(s -> {
                values.put("measures", s.measures());
                values.put("consent", List.of(s.consent().name()));
                values.put("text", List.of(s.text()));
            });
            return values;
        }

        @Override
        public String anchor(String field) {
            return FormFields.anchor(specs, field);
        }

        @Override
        public void render(FormFields fields, StringBuilder html, Map<String, List<String>> values, List<FieldError> errors) {
            String revision = org.advocacyhub.application.returns.RecordCaseStudies.REVISION.name();
            html.append("<input type=\"hidden\" name=\"").append(revision).append("\" value=\"")
                    .append(escape(values.getOrDefault(revision, List.of("0")).get(0))).append("\">");
            fields.fields(html, specs, values, errors);
        }

        @Override
        public CaseWork.Outcome submit(ReferralReference reference, StaffActor actor, Map<String, List<String>> values) {
            List<FieldSpec> sent = new ArrayList<>(specs);
            sent.add(org.advocacyhub.application.returns.RecordCaseStudies.REVISION);
            org.advocacyhub.application.returns.RecordCaseStudies.Outcome outcome = caseStudies.write(reference, actor,
                    SubmittedFields.of(FormFields.posted(values, sent)));
            if (outcome instanceof org.advocacyhub.application.returns.RecordCaseStudies.StudyWritten done) {
                return new CaseWork.Done(done.referral());
            }
            if (outcome instanceof org.advocacyhub.application.returns.RecordCaseStudies.Invalid invalid) {
                return new CaseWork.Invalid(invalid.errors());
            }
            if (outcome instanceof org.advocacyhub.application.returns.RecordCaseStudies.Conflict conflict) {
                return new CaseWork.Conflict(conflict.why());
            }
            if (outcome instanceof org.advocacyhub.application.returns.RecordCaseStudies.NotAllowed notAllowed) {
                return new CaseWork.NotAllowed(notAllowed.why());
            }
            return new CaseWork.NotFound();
        }
    }

    /** A form whose fields are the use case's own, one value each. */
    private record Simple(String action, String title, String hint, String button, List<FieldSpec> specs,
                          Map<String, List<String>> initial, UseCase useCase) implements Form {

        @Override
        public String anchor(String field) {
            return FormFields.anchor(specs, field);
        }

        @Override
        public void render(FormFields fields, StringBuilder html, Map<String, List<String>> values, List<FieldError> errors) {
            fields.fields(html, specs, values, errors);
        }

        @Override
        public CaseWork.Outcome submit(ReferralReference reference, StaffActor actor, Map<String, List<String>> values) {
            return useCase.apply(reference, actor, SubmittedFields.of(FormFields.posted(values, specs)));
        }
    }

    @FunctionalInterface
    private interface UseCase {
        CaseWork.Outcome apply(ReferralReference reference, StaffActor actor, SubmittedFields fields);
    }

    /**
     * The action plan as rows: each goal (its id kept in a hidden field, LLR 9.34) and one empty
     * row for a new goal. A row left wholly empty is not a goal; the rows are sent as the JSON
     * route's list, so a goal's problems are named as the API names them ({@code goals.1.text}).
     */
    private final class ActionPlan implements Form {

        private final List<Goal> goals;

        ActionPlan(List<Goal> goals) {
            this.goals = goals;
        }

        @Override
        public String action() {
            return "action-plan";
        }

        @Override
        public String title() {
            return "Update the action plan";
        }

        @Override
        public String hint() {
            return "What the person wants to achieve, in their words where possible. Leave the last row empty unless you are adding a goal.";
        }

        @Override
        public String button() {
            return "Save action plan";
        }


        @Override
        public Map<String, List<String>> initial() {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = 0; i < goals.size(); i++) {
                values.put("goals." + i + ".id", List.of(goals.get(i).id()));
                values.put("goals." + i + ".text", List.of(goals.get(i).text()));
                values.put("goals." + i + ".status", List.of(goals.get(i).status().name()));
            }
            return values;
        }

        @Override
        public String anchor(String field) {
            int row = row(field);
            if (row < 0) {
                return FormFields.NO_FIELD;
            }
            String part = field.substring(field.lastIndexOf('.') + 1);
            return UpdateActionPlan.GOALS.items().stream().filter(f -> f.name().equals(part) && !part.equals("id")).findFirst()
                    .map(f -> FormFields.anchor(f.named("goals." + row + "." + part))).orElse(FormFields.NO_FIELD);
        }

        @Override
        public void render(FormFields fields, StringBuilder html, Map<String, List<String>> values, List<FieldError> errors) {
            int rows = rows(values) + 1;
            for (int i = 0; i < rows; i++) {
                html.append("<fieldset><legend>").append(i < rows - 1 ? "Goal " + (i + 1) : "A new goal (optional)").append("</legend>");
                String id = first(values, "goals." + i + ".id");
                if (!id.isEmpty()) {
                    html.append("<input type=\"hidden\" name=\"goals.").append(i).append(".id\" value=\"").append(escape(id)).append("\">");
                }
                for (FieldSpec spec : UpdateActionPlan.GOALS.items()) {
                    if (!spec.name().equals("id")) {
                        FieldSpec item = spec.named("goals." + i + "." + spec.name());
                        fields.field(html, item, values, FormFields.errorFor(errors, item));
                    }
                }
                html.append("</fieldset>");
            }
            errors.stream().filter(e -> e.field().equals("goals")).forEach(e -> html.append("<p class=\"error-message\">")
                    .append(escape(e.message())).append("</p>"));
        }

        @Override
        public CaseWork.Outcome submit(ReferralReference reference, StaffActor actor, Map<String, List<String>> values) {
            Set<String> read = new HashSet<>();
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < rows(values); i++) {
                Map<String, Object> goal = new LinkedHashMap<>();
                for (String part : List.of("id", "text", "status")) {
                    read.add("goals." + i + "." + part);
                    List<String> given = values.get("goals." + i + "." + part);
                    if (given != null && !given.isEmpty() && !given.get(0).isEmpty()) {
                        goal.put(part, given.size() == 1 ? given.get(0) : given);
                    }
                }
                if (!goal.isEmpty()) {
                    list.add(goal);
                }
            }
            Optional<CaseWork.Outcome> unknown = unknown(values, read, "an action plan");
            return unknown.isPresent() ? unknown.get() : plan.update(reference, actor, SubmittedFields.fromJsonObject(Map.of("goals", list)));
        }
    }

    /** Closing the case: its reason, each goal's outcome (KPI 4) and a summary, as the JSON route takes them. */
    private final class Closure implements Form {

        private final List<Goal> goals;

        Closure(List<Goal> goals) {
            this.goals = goals;
        }

        @Override
        public String action() {
            return "closure";
        }

        @Override
        public String title() {
            return "Close the case";
        }

        @Override
        public String hint() {
            return "Every running clock stops; the case leaves the advocate's list. Each goal of the action plan needs its outcome.";
        }

        @Override
        public String button() {
            return "Close the case";
        }


        @Override
        public Map<String, List<String>> initial() {
            return Map.of();
        }

        @Override
        public String anchor(String field) {
            int row = row(field);
            return row >= 0 ? FormFields.anchor(outcomeOf(row)) : FormFields.anchor(List.of(CloseCase.REASON, CloseCase.SUMMARY), field);
        }

        /** Goal {@code row}'s outcome, asked by the goal's own words. */
        private FieldSpec outcomeOf(int row) {
            FieldSpec outcome = CloseCase.GOALS.items().stream().filter(f -> f.name().equals("outcome")).findFirst().orElseThrow();
            String text = row < goals.size() ? goals.get(row).text() : "goal " + (row + 1);
            return new FieldSpec("goals." + row + ".outcome", "Outcome of: " + text, outcome.hint(), outcome.kind(), true,
                    outcome.maxLength(), outcome.choices(), outcome.missingMessage(), outcome.noun());
        }

        @Override
        public void render(FormFields fields, StringBuilder html, Map<String, List<String>> values, List<FieldError> errors) {
            fields.field(html, CloseCase.REASON, values, FormFields.errorFor(errors, CloseCase.REASON));
            for (int i = 0; i < goals.size(); i++) {
                FieldSpec item = outcomeOf(i);
                html.append("<input type=\"hidden\" name=\"goals.").append(i).append(".id\" value=\"").append(escape(goals.get(i).id()))
                        .append("\">");
                fields.field(html, item, values, FormFields.errorFor(errors, item));
            }
            fields.field(html, CloseCase.SUMMARY, values, FormFields.errorFor(errors, CloseCase.SUMMARY));
        }

        @Override
        public boolean checksAnswers() {
            return true;
        }

        @Override
        public CaseWork.Outcome check(ReferralReference reference, StaffActor actor, Map<String, List<String>> values) {
            return send(values, body -> close.check(reference, actor, body));
        }

        @Override
        public CaseWork.Outcome submit(ReferralReference reference, StaffActor actor, Map<String, List<String>> values) {
            return send(values, body -> close.close(reference, actor, body));
        }

        @Override
        public List<Map.Entry<String, String>> answers(Map<String, List<String>> values) {
            List<Map.Entry<String, String>> answers = new ArrayList<>();
            answers.add(Map.entry(CloseCase.REASON.label(), shown(CloseCase.REASON, first(values, CloseCase.REASON.name()))));
            for (int i = 0; i < goals.size(); i++) {
                FieldSpec outcome = outcomeOf(i);
                answers.add(Map.entry(outcome.label(), shown(outcome, first(values, outcome.name()))));
            }
            answers.add(Map.entry(CloseCase.SUMMARY.label(), first(values, CloseCase.SUMMARY.name())));
            return answers;
        }

        /** A choice's words for the value posted (checked already, so it is one of the choices). */
        private static String shown(FieldSpec field, String value) {
            return field.choices().stream().filter(c -> c.name().equals(value)).map(org.advocacyhub.domain.referral.Choice::displayName)
                    .findFirst().orElse(value);
        }

        private CaseWork.Outcome send(Map<String, List<String>> values,
                                      java.util.function.Function<SubmittedFields, CaseWork.Outcome> to) {
            Map<String, Object> body = new LinkedHashMap<>();
            Set<String> read = new HashSet<>(List.of(CloseCase.REASON.name(), CloseCase.SUMMARY.name()));
            copy(values, CloseCase.REASON.name(), body);
            copy(values, CloseCase.SUMMARY.name(), body);
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < rows(values); i++) {
                Map<String, Object> goal = new LinkedHashMap<>();
                read.addAll(List.of("goals." + i + ".id", "goals." + i + ".outcome"));
                copy(values, "goals." + i + ".id", goal);
                copy(values, "goals." + i + ".outcome", goal);
                list.add(renamed(goal, i));
            }
            body.put("goals", list);
            Optional<CaseWork.Outcome> unknown = unknown(values, read, "a closure");
            return unknown.isPresent() ? unknown.get() : namingGoals(to.apply(SubmittedFields.fromJsonObject(body)));
        }

        /**
         * A missing outcome named by its goal's words (issue 21: "Select the goal's outcome" twice, neither saying which):
         * the JSON route's error points at {@code goals.0.outcome}, a person reads the goal.
         */
        private CaseWork.Outcome namingGoals(CaseWork.Outcome outcome) {
            if (!(outcome instanceof CaseWork.Invalid invalid)) {
                return outcome;
            }
            String missing = CloseCase.GOALS.items().stream().filter(f -> f.name().equals("outcome")).findFirst().orElseThrow()
                    .missingMessage();
            return new CaseWork.Invalid(invalid.errors().stream().map(e -> {
                int row = row(e.field());
                return row >= 0 && row < goals.size() && e.field().endsWith(".outcome") && e.message().equals(missing)
                        ? new FieldError(e.field(), "Select the outcome of the goal \u201c" + goals.get(row).text() + "\u201d") : e;
            }).toList());
        }

        private static Map<String, Object> renamed(Map<String, Object> goal, int i) {
            Map<String, Object> out = new LinkedHashMap<>();
            goal.forEach((k, v) -> out.put(k.substring(("goals." + i + ".").length()), v));
            return out;
        }
    }

    /**
     * The names a form that rebuilds the JSON route's body posted but does not read, refused as the JSON route refuses an
     * unknown field (issue 20: {@code goals.60.text} was dropped and "saved" answered): nothing is saved.
     */
    private static Optional<CaseWork.Outcome> unknown(Map<String, List<String>> values, Set<String> read, String what) {
        List<FieldError> errors = values.keySet().stream().filter(name -> !read.contains(name))
                .map(name -> new FieldError(name, "'" + FieldRules.shown(name) + "' is not a field of " + what)).toList();
        return errors.isEmpty() ? Optional.empty() : Optional.of(new CaseWork.Invalid(errors));
    }

    /** One posted value under {@code name}, given and not empty, into {@code out}; several stay a list (then refused as such). */
    private static void copy(Map<String, List<String>> values, String name, Map<String, Object> out) {
        List<String> given = values.get(name);
        if (given != null && !given.isEmpty() && !given.get(0).isEmpty()) {
            out.put(name, given.size() == 1 ? given.get(0) : given);
        }
    }

    /** How many goal rows the values hold: the highest {@code goals.<n>.} index plus one. */
    private static int rows(Map<String, List<String>> values) {
        int rows = 0;
        for (String name : values.keySet()) {
            if (name.startsWith("goals.")) {
                String[] parts = name.split("\\.");
                if (parts.length == 3 && parts[1].matches("\\d{1,3}")) {
                    rows = Math.max(rows, Integer.parseInt(parts[1]) + 1);
                }
            }
        }
        return Math.min(rows, 60);
    }

    /** The row of a goal's field ({@code goals.2.text} is row 2), or -1. */
    private static int row(String field) {
        String[] parts = field.split("\\.");
        return parts.length >= 2 && parts[0].equals("goals") && parts[1].matches("\\d{1,3}") ? Integer.parseInt(parts[1]) : -1;
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() ? "" : all.get(0);
    }
}
