package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.Feedback;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;

/**
 * The person's answers at closure (LEW 13.3: feedback collected routinely at case closure), to the
 * questions the case's contract configures (LEW Appendix 1; LLR Appendix One outcomes), with the
 * advocate's answers to the questions asked of the advocate (LEW Appendix 1, the measures the
 * advocate reports: {@link FeedbackQuestion.AskedOf#ADVOCATE}) in the same answers, as
 * {@code {"answers": {"<question id>": answer}}}: an answer's type is its question's (true or
 * false, a whole number from 1 to 5, or a line of text) and a question the contract does not ask
 * is refused. Recorded on a closed case by its advocate or a manager; a second recording replaces
 * the first, and the timeline says so.
 */
@Singleton
public final class RecordFeedback {

    private final CaseWork work;
    private final ContractCatalogue contracts;

    public RecordFeedback(CaseWork work, ContractCatalogue contracts) {
        this.work = work;
        this.contracts = contracts;
    }

    /** Every contract's questions as request fields, once each: what the route declares (its answers differ by contract). */
    public static List<FieldSpec> fields(ContractCatalogue contracts) {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        contracts.contracts().forEach(contract -> contract.feedback().forEach(q -> fields.putIfAbsent(q.field().name(), q.field())));
        return List.copyOf(fields.values());
    }

    /** {@code POST /cases/{reference}/feedback}: the answers are checked against the questions of the reference's contract. */
    public CaseWork.Outcome record(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        String action = "recorded the person's feedback";
        List<FeedbackQuestion> questions = contracts.contract(reference.contract()).map(Contract::feedback).orElse(List.of());
        if (questions.isEmpty()) {
            return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, CaseWork.WhenClosed.ALLOW, action,
                    (referral, now) -> new CaseWork.Stop(new CaseWork.Conflict("The " + reference.contract()
                            + " contract asks no feedback questions at closure")));
        }
        List<FieldSpec> fields = questions.stream().map(FeedbackQuestion::field).toList();
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, CaseWork.WhenClosed.ALLOW, values -> action,
                fields, List.of(), values -> atLeastOneAnswer(values, questions), body, "the " + reference.contract() + " feedback questions",
                (values, referral, now) -> {
                    // Interpretation: LEW 13.3 collects feedback "at case closure", so the answers are recorded on the
                    // closed case (before it, 409): the returns count them with the closure they belong to.
                    if (!referral.work().isClosed()) {
                        return new CaseWork.Stop(new CaseWork.Conflict("Feedback is recorded at closure (LEW 13.3): close the case first"));
                    }
                    Map<String, String> answers = new LinkedHashMap<>();
                    values.forEach((name, value) -> answers.put(name.substring(FeedbackQuestion.ANSWERS_PREFIX.length()),
                            FeedbackQuestion.stored(value)));
                    Feedback earlier = referral.work().feedback();
                    String description = "Feedback at closure recorded (LEW 13.3): " + answers.size() + " of " + questions.size()
                            + " questions answered" + (earlier == null ? "" : "; replaces the answers recorded at " + earlier.at()
                            + " by " + earlier.recordedBy());
                    return CaseWork.Change.of(referral.worked(referral.status(), referral.clocks(),
                            referral.work().withFeedback(new Feedback(now, actor.id(), answers))),
                            List.of(new CaseEvent(now, CaseEvent.Type.FEEDBACK_RECORDED, description)));
                });
    }

    /**
     * Interpretation: any question may be left unanswered (a person need not answer, or cannot), but a
     * feedback with no answer at all records nothing.
     */
    private static List<FieldError> atLeastOneAnswer(Map<String, Object> values, List<FeedbackQuestion> questions) {
        // Words a person reads on the console's form as well as a JSON client (issue 21): the field it names is answers.
        return values.isEmpty() ? List.of(new FieldError("answers", "Answer at least one question, such as \""
                + questions.get(0).text() + "\"")) : List.of();
    }
}
