package org.advocacyhub.domain.eligibility;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.questions.CypReason;
import org.advocacyhub.domain.referral.questions.CypStatus;

/**
 * Children and young people's advocacy (LEW 7.5-7.22, 8.2): looked-after children under 18,
 * children on a child protection plan aged 11 to 16, care leavers to 21 (25 in education,
 * employment or training, or needing Personal Adviser support), for the reasons LEW 7.6 lists;
 * referred by the young person or the Participation Manager.
 */
public final class CypPolicy implements EligibilityPolicy {

    public static final String ID = "cyp";

    /** The reasons LEW 7.6 supports for each group. */
    private static final Map<CypStatus, Set<CypReason>> REASONS = Map.of(
            CypStatus.LOOKED_AFTER, Set.of(CypReason.FORMAL_MEETING, CypReason.CONCERN_ABOUT_CARE),
            CypStatus.CHILD_PROTECTION_PLAN, Set.of(CypReason.CHILD_PROTECTION_CONFERENCE),
            CypStatus.CARE_LEAVER, Set.of(CypReason.CARE_LEAVER_CONCERN),
            CypStatus.CARE_LEAVER_PERSONAL_ADVISER, Set.of(CypReason.CARE_LEAVER_CONCERN));

    private static final String COMMISSIONER = "the commissioner at the council";
    private static final String YOUNG_PERSON = "the young person or their social worker or Personal Adviser";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ServiceCode service() {
        return ServiceCode.CYP;
    }

    @Override
    public ScreeningDecision screen(ScreeningInput input) {
        Screening s = new Screening(input, ServiceCode.CYP);
        ServiceAnswers answers = input.answers();

        if (input.contract().accepts(input.referral().source())) {
            s.met("The referral comes from " + switch (input.referral().source()) {
                case SELF -> "the young person themselves";
                case PARTICIPATION_MANAGER -> "the Participation Manager";
                default -> input.referral().source().displayName();
            } + ", one of the two ways into this service.", "LEW 8.2");
        } else {
            // Interpretation (LEW 8.1-8.2): a referral from anyone else (a social worker, a parent)
            // is not refused: the Participation Manager, who reviews professionals' requests, is asked to review it.
            s.ask("This service takes referrals from young people themselves and from the Participation Manager, who reviews "
                            + "requests from professionals. We will pass this request to the Participation Manager.", "LEW 8.2",
                    "The Participation Manager's review of this request for advocacy", "the Participation Manager");
        }

        Optional<CypStatus> status = answers.choice(ServiceQuestions.CYP_STATUS, CypStatus.class);
        if (status.isEmpty()) {
            s.ask("The referral does not say whether the young person is looked after, on a child protection plan or a care "
                    + "leaver.", "LEW 7.5", "Whether the young person is looked after, on a child protection plan, or a care "
                    + "leaver", YOUNG_PERSON);
        } else {
            status(s, input, answers, status.get());
        }

        Optional<CypReason> reason = answers.choice(ServiceQuestions.CYP_REASON, CypReason.class);
        if (reason.isEmpty()) {
            s.ask("The referral does not say what the young person wants an advocate for.", "LEW 7.6",
                    "What the young person wants an advocate for (a meeting such as a review, a concern about their care, a "
                            + "child protection conference, or a care leaver's concern)", YOUNG_PERSON);
        } else if (status.isPresent() && REASONS.containsKey(status.get())) {
            if (REASONS.get(status.get()).contains(reason.get())) {
                s.met("The young person wants " + switch (reason.get()) {
                    case FORMAL_MEETING -> "support at a formal meeting, such as a looked-after child review";
                    case CONCERN_ABOUT_CARE -> "help with a concern or complaint about their care";
                    case CHILD_PROTECTION_CONFERENCE -> "support at a child protection conference";
                    case CARE_LEAVER_CONCERN -> "help with a concern about the support they get from the council as a care leaver";
                    case OTHER -> "other help";
                } + ", which this service supports.", "LEW 7.6");
            } else {
                // Interpretation (LEW 7.9): a need outside LEW 7.6 for the young person's group (or
                // "something else") is advocacy outside the specification, which the commissioner agrees case by case.
                s.ask("The help asked for is outside what this service provides for young people in this group. The "
                                + "commissioner decides, case by case, whether advocacy can be provided.", "LEW 7.9",
                        "A decision on whether advocacy can be provided for this need", COMMISSIONER);
            }
        }

        Optional<Boolean> secure = answers.yesNo(ServiceQuestions.CYP_SECURE);
        if (secure.orElse(false)) {
            s.fail("The young person is in secure provision that has its own advocacy service, which is the one to help.",
                    "LEW 7.8", Signposts.SECURE_PROVISION_ADVOCACY);
        } else if (secure.isEmpty() && input.referral().person().residence() == Residence.SECURE_SETTING) {
            // Interpretation (LEW 7.8): the question matters only for a young person in a secure
            // setting; otherwise an unanswered question counts as no.
            s.ask("The young person is in a secure setting, and the referral does not say whether it has its own advocacy "
                            + "service.", "LEW 7.8",
                    "Whether the secure provision where the young person lives has its own advocacy service", YOUNG_PERSON);
        }

        // Interpretation (LEW 7.22): an unanswered question counts as no.
        if (answers.yesNo(ServiceQuestions.CYP_IMCA_OR_IMHA).orElse(false)) {
            s.ask("The young person may need an independent mental capacity advocate (IMCA) or independent mental health "
                    + "advocate (IMHA) instead. The commissioner decides which kind of advocacy is best.", "LEW 7.22",
                    "A decision on whether this service, an IMCA or an IMHA should support the young person", COMMISSIONER);
        }
        // Interpretation (LEW 8.6): where the young person is staying is not checked: Lewisham's
        // young people are often placed out of the borough, and the service works with them there.
        if (s.hasFailed()) {
            s.signpost(input.age() < 19 ? Signposts.CHILDLINE : Signposts.ADVICE_SERVICES);
        }
        return s.decide();
    }

    private static void status(Screening s, ScreeningInput input, ServiceAnswers answers, CypStatus status) {
        int age = input.age();
        switch (status) {
            case LOOKED_AFTER -> {
                if (age < 18) {
                    s.met("The young person is looked after by the council and is under 18.", "LEW 7.5");
                } else {
                    s.fail("This service is for looked-after children under 18, and the date of birth given shows the "
                            + "young person is 18 or over. If they are a care leaver, please refer them as a care leaver.",
                            "LEW 7.5");
                }
            }
            case CHILD_PROTECTION_PLAN -> {
                // Interpretation (LEW 7.5, 7.14): "aged 11 to 16" includes 16 year olds, up to the
                // 17th birthday.
                if (age >= 11 && age <= 16) {
                    s.met("The child is on a child protection plan and aged between 11 and 16.", "LEW 7.14");
                } else {
                    s.fail("Advocacy for children on a child protection plan is for those aged 11 to 16, and the date of "
                            + "birth given shows the child is outside that age range.", "LEW 7.14",
                            Signposts.SOCIAL_WORKER_OR_CONFERENCE_CHAIR);
                }
            }
            case CARE_LEAVER -> careLeaver(s, answers, age);
            case CARE_LEAVER_PERSONAL_ADVISER -> {
                if (age < 25) {
                    s.met("The young person is a care leaver who needs Personal Adviser support, and is under 25.", "LEW 7.5");
                } else {
                    s.fail("Care leavers who need Personal Adviser support can use this service up to their 25th birthday, and "
                            + "the date of birth given shows the young person is older.", "LEW 7.5");
                }
            }
            case NONE_OF_THESE -> s.fail("This service is for looked-after children, children on a child protection plan "
                    + "aged 11 to 16, and care leavers. The referral says the young person is in none of these groups.", "LEW 7.5");
        }
    }

    private static void careLeaver(Screening s, ServiceAnswers answers, int age) {
        if (age < 21) {
            s.met("The young person is a care leaver under 21.", "LEW 7.5");
            return;
        }
        Optional<Boolean> occupied = answers.yesNo(ServiceQuestions.CYP_EET);
        if (age >= 25) {
            s.fail("Care leavers can use this service up to their 21st birthday, or their 25th if they are in education, "
                    + "employment or training, and the date of birth given shows the young person is 25 or over.", "LEW 7.5");
        } else if (occupied.isEmpty()) {
            s.ask("Care leavers aged 21 to 24 can use this service if they are in education, employment or training, or need "
                            + "Personal Adviser support. The referral does not say.", "LEW 7.5",
                    "Whether the young person is in education, employment or training, or needs Personal Adviser support",
                    YOUNG_PERSON);
        } else if (occupied.get()) {
            s.met("The young person is a care leaver under 25 in education, employment or training.", "LEW 7.5");
        } else {
            s.fail("Care leavers aged 21 to 24 can use this service if they are in education, employment or training, or "
                    + "need Personal Adviser support, and the referral says neither applies.", "LEW 7.5");
        }
    }
}
