package org.advocacyhub.domain.eligibility;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.questions.CapacityJudgement;
import org.advocacyhub.domain.referral.questions.ImcaDecision;
import org.advocacyhub.domain.referral.questions.StayDuration;
import org.advocacyhub.domain.referral.questions.YesNoNotKnown;

/**
 * Independent Mental Capacity Advocacy (LLR 5.2, 5.30, 5.52-5.62): aged 16 or over, staying in
 * the area at the time of instruction, lacking capacity for one of the listed decisions, with no
 * appropriate family member or friend to consult (except in adult safeguarding), instructed by
 * the decision maker after a capacity assessment.
 */
public final class ImcaPolicy implements EligibilityPolicy {

    public static final String ID = "imca";

    /** Decisions in council care and support processes, where Care Act advocacy may also apply (SCIE Interactions). */
    private static final Set<ImcaDecision> COUNCIL_PROCESSES = EnumSet.of(
            ImcaDecision.COUNCIL_CARE_HOME_ACCOMMODATION, ImcaDecision.CARE_REVIEW, ImcaDecision.ADULT_SAFEGUARDING);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ServiceCode service() {
        return ServiceCode.IMCA;
    }

    @Override
    public ScreeningDecision screen(ScreeningInput input) {
        Screening s = new Screening(input, ServiceCode.IMCA);
        ServiceAnswers answers = input.answers();
        Optional<ImcaDecision> decision = answers.choice(ServiceQuestions.IMCA_DECISION, ImcaDecision.class);
        String decisionMaker = answers.text(ServiceQuestions.IMCA_DECISION_MAKER).isPresent()
                ? "the decision maker named in the referral" : "the decision maker";

        // Interpretation (LLR 9.33, 5.42): a referral about a DoLS authorisation clearly belongs to
        // the DoLS IMCA service when the same contract runs it.
        if (decision.orElse(null) == ImcaDecision.DEPRIVATION_OF_LIBERTY
                && s.redirect(ServiceCode.DOLS_IMCA, "The referral is about a Deprivation of Liberty Safeguards (DoLS) "
                        + "authorisation. For that, the council's DoLS team instructs a DoLS IMCA, a separate service of this hub, "
                        + "so we have passed the referral to it.", "LLR 9.33")) {
            return s.decide();
        }

        if (input.age() >= 16) {
            s.met("The person is aged 16 or over.", "LLR 5.52");
        } else {
            s.fail("The IMCA service is for people aged 16 or over, and the date of birth given shows the person is younger.",
                    "LLR 5.52", Signposts.CHILDRENS_ADVOCACY);
        }

        if (input.authorityStayingIn().isPresent()) {
            s.met("The person is staying in the area of " + input.councilName()
                    + ", so this service covers them, wherever their home area is.", "LLR 5.30");
        } else {
            s.fail("An IMCA comes from the service for the area where the person is staying when the IMCA is instructed. "
                    + "The referral says the person is staying outside the area of " + input.contractArea() + ".",
                    "LLR 5.30", Signposts.IMCA_ELSEWHERE);
        }

        decision(s, input, decision.orElse(null), decisionMaker);
        capacity(s, answers, decisionMaker, decision.orElse(null));
        consultee(s, answers, decision.orElse(null), decisionMaker);

        if (input.referral().referrer().relationship() == ReferrerRelationship.DECISION_MAKER) {
            s.met("The referral comes from the decision maker, who is authorised to instruct an IMCA.", "LLR 5.57-5.58");
        } else {
            s.ask("The referral comes from someone other than the decision maker. We must check with the decision maker "
                            + "that an IMCA is needed before we can accept it.", "LLR 5.57-5.58",
                    "Confirmation that the decision maker instructs an IMCA for this decision", decisionMaker);
        }

        if (decision.isPresent() && COUNCIL_PROCESSES.contains(decision.get())) {
            // Interpretation (SCIE Interactions between statutory advocacy duties): most people who
            // qualify for an IMCA in a council process also qualify for Care Act advocacy, and one
            // advocate can do both roles, so Care Act advocacy is suggested too.
            s.suggest(ServiceCode.CARE_ACT);
        }
        return s.decide();
    }

    private static void decision(Screening s, ScreeningInput input, ImcaDecision decision, String decisionMaker) {
        // Interpretation (LLR 5.57-5.58, 9.41): whatever the referral leaves unknown (decision, length
        // of stay, capacity, someone to consult) is asked of the decision maker, not refused.
        if (decision == null) {
            s.ask("The referral does not say which decision the IMCA is needed for.", "LLR 5.53-5.54",
                    "Which decision the IMCA is needed for: serious medical treatment, a hospital stay or care home move, "
                            + "a care review or adult safeguarding", decisionMaker);
            return;
        }
        StayDuration stay = input.answers().choice(ServiceQuestions.IMCA_STAY, StayDuration.class).orElse(StayDuration.NOT_KNOWN);
        switch (decision) {
            case SERIOUS_MEDICAL_TREATMENT -> s.met("The decision is about serious medical treatment provided by the NHS, "
                    + "for which an IMCA must be instructed.", "LLR 5.53a");
            case NHS_HOSPITAL_ACCOMMODATION -> stay(s, stay, stay == StayDuration.MORE_THAN_28_DAYS_UP_TO_8_WEEKS
                            || stay == StayDuration.MORE_THAN_8_WEEKS,
                    "a stay in hospital arranged by the NHS that is expected to last more than 28 days", "LLR 5.53c", decisionMaker);
            case NHS_CARE_HOME_ACCOMMODATION, COUNCIL_CARE_HOME_ACCOMMODATION -> stay(s, stay, stay == StayDuration.MORE_THAN_8_WEEKS,
                    "a move to a care home arranged by the " + (decision == ImcaDecision.COUNCIL_CARE_HOME_ACCOMMODATION ? "council" : "NHS")
                            + " that is expected to last more than 8 weeks", "LLR 5.53d", decisionMaker);
            // Interpretation (LLR 5.54, "may be instructed"): care reviews and adult safeguarding are
            // the council's discretionary powers; a referral from the decision maker is taken as the
            // council using them, and any other referrer's is confirmed with the decision maker (LLR 5.57).
            case CARE_REVIEW -> s.met("The decision is about a review of the person's care, for which the council may "
                    + "instruct an IMCA.", "LLR 5.54a");
            case ADULT_SAFEGUARDING -> s.met("The referral is about adult safeguarding (protecting the person from abuse or "
                    + "neglect), for which the council may instruct an IMCA.", "LLR 5.54b");
            case DEPRIVATION_OF_LIBERTY -> s.fail("The referral is about a Deprivation of Liberty Safeguards authorisation. "
                    + "The DoLS team of the council that assesses it instructs a DoLS IMCA.", "LLR 5.42", Signposts.DOLS_IMCA_ELSEWHERE);
            case OTHER -> s.fail("An IMCA can only be instructed for serious medical treatment, a long hospital stay or care "
                            + "home move, a care review or adult safeguarding. The decision described is not one of these.",
                    "LLR 5.53-5.54", Signposts.ADVICE_SERVICES, Signposts.COMMUNITY_ADVOCACY);
        }
    }

    private static void stay(Screening s, StayDuration stay, boolean longEnough, String what, String clause,
                             String decisionMaker) {
        if (stay == StayDuration.NOT_KNOWN) {
            s.ask("An IMCA is needed for " + what + ". The referral does not say how long the stay is expected to last.",
                    clause, "How long the stay is expected to last", decisionMaker);
        } else if (longEnough) {
            s.met("The decision is about " + what + ", for which an IMCA must be instructed.", clause);
        } else {
            s.fail("An IMCA is needed only for " + what + ". The referral says the stay is expected to be shorter. "
                    + "If it becomes longer, please refer again.", clause, Signposts.ADVICE_SERVICES);
        }
    }

    private static void capacity(Screening s, ServiceAnswers answers, String decisionMaker, ImcaDecision decision) {
        CapacityJudgement judgement = answers.choice(ServiceQuestions.IMCA_CAPACITY, CapacityJudgement.class)
                .orElse(CapacityJudgement.NOT_SURE);
        switch (judgement) {
            case LACKS_CAPACITY -> s.met("The decision maker judges that the person lacks capacity to make this decision.",
                    "LLR 5.52a");
            case HAS_CAPACITY -> {
                s.fail("An IMCA is only for people who lack capacity to make the decision. The referral says the person "
                        + "can make this decision themselves.", "LLR 5.52a", Signposts.COMMUNITY_ADVOCACY);
                if (decision != null && COUNCIL_PROCESSES.contains(decision)) {
                    // Interpretation (SCIE Interactions): Care Act advocacy supports people who have
                    // capacity but have substantial difficulty being involved in a council process.
                    s.suggest(ServiceCode.CARE_ACT);
                }
                return;
            }
            case NOT_SURE -> s.ask("The referral does not say whether, in the decision maker's opinion, the person lacks "
                            + "capacity to make this decision.", "LLR 5.52a",
                    "Whether the person lacks capacity to make this specific decision, in the decision maker's opinion",
                    decisionMaker);
        }
        // Interpretation (LLR 5.60): when no capacity assessment has been done, or the referral
        // does not say, the hub asks the decision maker rather than refusing the referral.
        Optional<Boolean> assessed = answers.yesNo(ServiceQuestions.IMCA_CAPACITY_ASSESSED);
        if (assessed.isEmpty()) {
            s.ask("The referral does not say whether a capacity assessment has been done for this decision.", "LLR 5.60",
                    "Whether a capacity assessment has been done for this decision, and its outcome", decisionMaker);
        } else if (!assessed.get()) {
            s.ask("A capacity assessment has not been done for this decision yet. The decision maker needs to assess the "
                            + "person's capacity before an IMCA is instructed.", "LLR 5.60",
                    "A capacity assessment for this decision", decisionMaker);
        } else {
            s.met("A capacity assessment has been done for this decision.", "LLR 5.60");
        }
    }

    private static void consultee(Screening s, ServiceAnswers answers, ImcaDecision decision, String decisionMaker) {
        if (decision == ImcaDecision.ADULT_SAFEGUARDING) {
            s.met("In adult safeguarding, an IMCA can be instructed whether or not family or friends are involved.",
                    "LLR 5.54b");
            return;
        }
        String clause = decision == ImcaDecision.CARE_REVIEW ? "LLR 5.54a" : "LLR 5.52b";
        YesNoNotKnown consultee = answers.choice(ServiceQuestions.IMCA_CONSULTEE, YesNoNotKnown.class)
                .orElse(YesNoNotKnown.NOT_KNOWN);
        switch (consultee) {
            case NO -> s.met("There is no family member or friend appropriate to consult about the decision, other than "
                    + "paid staff.", clause);
            case YES -> {
                s.fail("An IMCA is for people who have no family member or friend appropriate to consult about the decision. "
                                + "The referral says there is someone, so the decision maker consults them instead.", clause,
                        Signposts.COMMUNITY_ADVOCACY);
                if (decision != null && COUNCIL_PROCESSES.contains(decision)) {
                    // Interpretation (SCIE Interactions): someone appropriate to consult may not be able
                    // to support the person's involvement in a council process; Care Act advocacy covers that.
                    s.suggest(ServiceCode.CARE_ACT);
                }
            }
            case NOT_KNOWN -> s.ask("The referral does not say whether there is a family member or friend appropriate to "
                            + "consult about the decision.", clause,
                    "Whether there is a family member or friend (not paid staff) who is appropriate to consult about the decision",
                    decisionMaker);
        }
    }
}
