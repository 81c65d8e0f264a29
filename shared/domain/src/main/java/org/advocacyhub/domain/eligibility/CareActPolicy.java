package org.advocacyhub.domain.eligibility;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.questions.AppropriateIndividualException;
import org.advocacyhub.domain.referral.questions.CareActPersonKind;
import org.advocacyhub.domain.referral.questions.CareActProcess;
import org.advocacyhub.domain.referral.questions.MhaStatus;
import org.advocacyhub.domain.referral.questions.Prison;
import org.advocacyhub.domain.referral.questions.SubstantialDifficulty;
import org.advocacyhub.domain.referral.questions.YesNoNotKnown;

/**
 * Care Act advocacy (LLR 8.25-8.37; SCIE): a person ordinarily resident in the area (prisoners
 * in the area's prisons included), taking part in a Care Act process, with substantial difficulty
 * in being involved and no appropriate individual to support them unless an exception applies.
 * The council makes the final decision (LLR 8.31).
 */
public final class CareActPolicy implements EligibilityPolicy {

    public static final String ID = "care-act";

    /** Processes a child can take part in (LLR 8.30c). */
    private static final Set<CareActProcess> CHILD_PROCESSES = EnumSet.of(
            CareActProcess.CHILDS_NEEDS_ASSESSMENT, CareActProcess.YOUNG_CARERS_ASSESSMENT);

    /**
     * Interpretation (LLR 8.31, 8.33-8.34): a referral from the council's customer service centre,
     * adult social care or DoLS team is the council's own; every other source is a self or
     * third-party referral the council must confirm.
     */
    private static final Set<ReferralSource> COUNCIL_SOURCES = EnumSet.of(
            ReferralSource.LA_CUSTOMER_SERVICE_CENTRE, ReferralSource.ADULT_SOCIAL_CARE, ReferralSource.DOLS_TEAM);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ServiceCode service() {
        return ServiceCode.CARE_ACT;
    }

    @Override
    public ScreeningDecision screen(ScreeningInput input) {
        Screening s = new Screening(input, ServiceCode.CARE_ACT);
        ServiceAnswers answers = input.answers();
        String council = input.councilName() + "'s adult social care team";

        process(s, input, answers, council);
        residence(s, input, answers, council);
        difficulty(s, answers, council);
        appropriateIndividual(s, answers, council);

        if (COUNCIL_SOURCES.contains(input.referral().source())) {
            s.met("The referral comes from the council, which makes the final decision on Care Act advocacy.", "LLR 8.31");
        } else {
            s.ask("The council makes the final decision on whether a person has a Care Act advocate. We will confirm this "
                            + "referral with the council.", "LLR 8.31",
                    "Confirmation that the council has found the person needs a Care Act advocate", council);
        }

        answers.choice(ServiceQuestions.MHA_STATUS, MhaStatus.class).filter(ImhaPolicy::qualifyingStatus)
                .ifPresent(status -> s.suggest(ServiceCode.IMHA));
        if (s.hasFailed()) {
            s.signpost(Signposts.ADVICE_SERVICES, Signposts.COMMUNITY_ADVOCACY);
        }
        return s.decide();
    }

    private static void process(Screening s, ScreeningInput input, ServiceAnswers answers, String council) {
        CareActProcess process = answers.choice(ServiceQuestions.CARE_ACT_PROCESS, CareActProcess.class)
                .orElse(CareActProcess.NOT_KNOWN);
        if (process == CareActProcess.NOT_KNOWN) {
            s.ask("The referral does not say which Care Act process the person is taking part in.", "LLR 8.30",
                    "Which Care Act process the person is taking part in (for example a needs assessment, care and support "
                            + "planning, a review or a safeguarding enquiry)", council);
        } else if (process == CareActProcess.OTHER) {
            s.fail("Care Act advocacy supports people to take part in the council's assessments, care and support planning, "
                    + "reviews and safeguarding. The referral is about something else.", "LLR 8.30");
        } else if (input.age() < 18 && !CHILD_PROCESSES.contains(process)) {
            // Interpretation (LLR 8.30c): under 18s are covered only in a child's needs
            // assessment or a young carer's assessment.
            s.fail("Care Act advocacy is for adults, and for children only in a child's needs assessment before moving to "
                    + "adult care or in a young carer's assessment. The date of birth given shows the person is under 18.",
                    "LLR 8.30", Signposts.CHILDRENS_ADVOCACY);
        } else {
            s.met("The person is taking part in " + phrase(process) + ", one of the Care Act processes in which the council must provide an advocate if one is needed.", "LLR 8.30");
            answers.choice(ServiceQuestions.CARE_ACT_PERSON, CareActPersonKind.class).ifPresent(kind ->
                    s.met("The person is " + Character.toLowerCase(kind.displayName().charAt(0)) + kind.displayName().substring(1)
                            + ", whom Care Act advocacy supports.", "LLR 8.30a-c"));
        }
    }

    private static String phrase(CareActProcess process) {
        return switch (process) {
            case NEEDS_ASSESSMENT -> "a needs assessment";
            case CARERS_ASSESSMENT -> "a carer's assessment";
            case CARE_AND_SUPPORT_PLANNING -> "the preparation of a care and support plan or support plan";
            case PLAN_REVIEW -> "a review of a care and support plan or support plan";
            case CHILDS_NEEDS_ASSESSMENT -> "a child's needs assessment";
            case CHILDS_CARERS_ASSESSMENT -> "a child's carer's assessment";
            case YOUNG_CARERS_ASSESSMENT -> "a young carer's assessment";
            case SAFEGUARDING_ENQUIRY -> "a safeguarding enquiry";
            case SAFEGUARDING_ADULT_REVIEW -> "a safeguarding adult review";
            case OTHER, NOT_KNOWN -> throw new IllegalArgumentException(process + " is not a Care Act process");
        };
    }

    private static void residence(Screening s, ScreeningInput input, ServiceAnswers answers, String council) {
        Optional<Prison> prison = answers.choice(ServiceQuestions.CARE_ACT_PRISON, Prison.class);
        if (prison.orElse(null) == Prison.LLR_PRISON) {
            s.met("The person is in a prison in our area. Prisoners count as living where their prison is, so this service "
                    + "covers them.", "SCIE Prisoners");
            return;
        }
        if (prison.orElse(null) == Prison.OTHER_PRISON) {
            s.fail("Prisoners count as living in the area of their prison, so the council where the prison is arranges their "
                    + "advocate.", "SCIE Prisoners", Signposts.CARE_ACT_ADVOCACY_ELSEWHERE);
            return;
        }
        if (prison.isEmpty() && input.referral().person().residence() == Residence.PRISON) {
            s.ask("The referral says the person is in prison but not which one. Prisoners count as living where their prison "
                    + "is.", "SCIE Prisoners", "Which prison the person is in", "the referrer");
            return;
        }
        YesNoNotKnown ordinarilyResident = answers.choice(ServiceQuestions.CARE_ACT_ORDINARY_RESIDENCE, YesNoNotKnown.class)
                .orElse(YesNoNotKnown.NOT_KNOWN);
        switch (ordinarilyResident) {
            case YES -> s.met("The person is ordinarily resident in the area of " + input.contractArea() + ".", "LLR 8.37");
            case NO -> s.fail("This service is for people ordinarily resident in the area of " + input.contractArea()
                    + ". The council where the person is ordinarily resident arranges their advocate.", "LLR 8.37",
                    Signposts.CARE_ACT_ADVOCACY_ELSEWHERE);
            case NOT_KNOWN -> {
                // Interpretation (LLR 8.37): someone living in their own home in the area is taken
                // to be ordinarily resident there; anyone else (care home, hospital, supported
                // living, placed from elsewhere) is checked with the council.
                if (input.authorityStayingIn().isPresent() && input.referral().person().residence() == Residence.OWN_HOME) {
                    s.met("The person lives in their own home in the area of " + input.councilName()
                            + ", so we take them to be ordinarily resident there.", "LLR 8.37");
                } else {
                    s.ask("The referral does not say whether the person is ordinarily resident in our area.", "LLR 8.37",
                            "Whether the person is ordinarily resident in the area of " + input.contractArea()
                                    + " (for example, which council arranged or pays for their care)", council);
                }
            }
        }
    }

    private static void difficulty(Screening s, ServiceAnswers answers, String council) {
        Set<SubstantialDifficulty> areas = answers.choices(ServiceQuestions.CARE_ACT_DIFFICULTY, SubstantialDifficulty.class);
        areas.remove(SubstantialDifficulty.NONE);
        if (!areas.isEmpty()) {
            s.met("Without support, the person would have substantial difficulty with "
                    + String.join(" and with ", areas.stream().map(a -> a.displayName().toLowerCase(Locale.UK)).toList())
                    + ".", "LLR 8.28");
        } else if (answers.text(ServiceQuestions.CARE_ACT_DIFFICULTY).isPresent()) {
            s.fail("Care Act advocacy is for people who would have substantial difficulty understanding, remembering or "
                    + "weighing up information, or saying what they want. The referral says the person has none of these "
                    + "difficulties.", "LLR 8.28");
        } else {
            s.ask("The referral does not say whether the person would have substantial difficulty being involved.", "LLR 8.28",
                    "Whether the person would have substantial difficulty understanding, retaining or weighing up information, "
                            + "or communicating their views, wishes and feelings", council);
        }
    }

    private static void appropriateIndividual(Screening s, ServiceAnswers answers, String council) {
        YesNoNotKnown individual = answers.choice(ServiceQuestions.CARE_ACT_APPROPRIATE_INDIVIDUAL, YesNoNotKnown.class)
                .orElse(YesNoNotKnown.NOT_KNOWN);
        switch (individual) {
            case NO -> s.met("There is no appropriate person to support the person to be involved.", "LLR 8.27");
            case NOT_KNOWN -> s.ask("The referral does not say whether there is an appropriate person to support the person "
                            + "to be involved.", "LLR 8.27",
                    "Whether there is an appropriate person to support the person's involvement: someone they want, who is able "
                            + "and available, not paid to care for them and not part of a safeguarding enquiry", council);
            case YES -> {
                // Interpretation (SCIE Exceptions, LLR 8.31): an unanswered exception question counts
                // as neither exception applying; both exceptions rest on the council's view, and the
                // council can refer again naming one.
                AppropriateIndividualException exception = answers.choice(ServiceQuestions.CARE_ACT_EXCEPTION,
                        AppropriateIndividualException.class).orElse(AppropriateIndividualException.NONE);
                switch (exception) {
                    case NHS_HOSPITAL_OVER_4_WEEKS, NHS_CARE_HOME_8_WEEKS_OR_MORE -> s.met("There is an appropriate person, "
                            + "but an NHS-funded placement in a " + (exception == AppropriateIndividualException.NHS_HOSPITAL_OVER_4_WEEKS
                            ? "hospital for more than 4 weeks" : "care home for 8 weeks or more")
                            + " is being considered, so an advocate can still be provided.", "SCIE Exceptions");
                    case DISAGREEMENT -> s.met("There is an appropriate person, but they and the council disagree and both "
                            + "agree an advocate would help, so an advocate can still be provided.", "SCIE Exceptions");
                    case NONE -> s.fail("Care Act advocacy is for people who have no appropriate person to support them. The "
                            + "referral says there is someone, and neither exception applies (an NHS-funded placement being "
                            + "considered, or a disagreement between the council and that person where both agree an advocate "
                            + "would help).", "LLR 8.27");
                }
            }
        }
    }
}
