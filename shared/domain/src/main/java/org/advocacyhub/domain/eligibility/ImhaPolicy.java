package org.advocacyhub.domain.eligibility;

import java.util.EnumSet;
import java.util.Set;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.questions.ImhaTreatment;
import org.advocacyhub.domain.referral.questions.MentalHealthHospital;
import org.advocacyhub.domain.referral.questions.MhaStatus;

/**
 * Independent Mental Health Advocacy (LLR 7.37-7.48; SCIE): "qualifying patients" under the
 * Mental Health Act, detained in a Leicestershire Partnership NHS Trust hospital wherever they
 * live, or subject to the Act in the community and living in the area; referred by themselves, or
 * by others with their consent wherever possible.
 */
public final class ImhaPolicy implements EligibilityPolicy {

    public static final String ID = "imha";

    /** Short-term powers that are not "detention" for IMHA purposes (LLR 7.40). */
    private static final Set<MhaStatus> EXCLUDED = EnumSet.of(MhaStatus.SECTION_4_BEFORE_SECOND_RECOMMENDATION,
            MhaStatus.SECTION_5_2, MhaStatus.SECTION_5_4, MhaStatus.SECTION_135, MhaStatus.SECTION_136);
    /** Detained in hospital under the Act (LLR 7.39). */
    private static final Set<MhaStatus> DETAINED = EnumSet.of(MhaStatus.SECTION_2, MhaStatus.SECTION_3,
            MhaStatus.SECTION_4_AFTER_SECOND_RECOMMENDATION, MhaStatus.SECTION_35, MhaStatus.SECTION_36, MhaStatus.SECTION_37,
            MhaStatus.SECTION_37_41, MhaStatus.SECTION_38, MhaStatus.SECTION_45A, MhaStatus.SECTION_47_49);
    /** Liable to be detained though not in hospital now (LLR 7.39). */
    private static final Set<MhaStatus> LIABLE = EnumSet.of(MhaStatus.LEAVE_OF_ABSENCE, MhaStatus.ABSENT_WITHOUT_LEAVE);
    /** Subject to the Act in the community (LLR 7.39). */
    private static final Set<MhaStatus> COMMUNITY = EnumSet.of(MhaStatus.COMMUNITY_TREATMENT_ORDER, MhaStatus.GUARDIANSHIP,
            MhaStatus.CONDITIONAL_DISCHARGE);

    private static final String CLINICIAN = "the ward or the person's responsible clinician";

    /** Whether this legal status alone makes the person a qualifying patient (LLR 7.39-7.40). */
    public static boolean qualifyingStatus(MhaStatus status) {
        return DETAINED.contains(status) || LIABLE.contains(status) || COMMUNITY.contains(status);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ServiceCode service() {
        return ServiceCode.IMHA;
    }

    @Override
    public ScreeningDecision screen(ScreeningInput input) {
        Screening s = new Screening(input, ServiceCode.IMHA);
        ServiceAnswers answers = input.answers();
        MhaStatus status = answers.choice(ServiceQuestions.MHA_STATUS, MhaStatus.class).orElse(MhaStatus.NOT_KNOWN);
        MentalHealthHospital hospital = answers.choice(ServiceQuestions.IMHA_HOSPITAL, MentalHealthHospital.class).orElse(null);

        if (status == MhaStatus.NOT_KNOWN) {
            s.ask("The referral does not say the person's legal status under the Mental Health Act, which decides whether "
                            + "they have the right to an IMHA.", "LLR 7.39",
                    "The person's legal status under the Mental Health Act (for example section 2 or 3, a community treatment "
                            + "order, or informal)", CLINICIAN);
        } else if (EXCLUDED.contains(status)) {
            s.fail("The person is held under " + lower(status) + ". This is a short-term emergency, holding or place of "
                            + "safety power, which does not give the right to an IMHA. If the person is then detained under "
                            + "another section, for example section 2 or 3, please refer again.", "LLR 7.40",
                    Signposts.COMMUNITY_ADVOCACY);
        } else if (DETAINED.contains(status) || LIABLE.contains(status)) {
            s.met(DETAINED.contains(status)
                    ? "The person is detained under " + lower(status) + ", which gives them the right to an IMHA."
                    : "The person is liable to be detained (" + (status == MhaStatus.LEAVE_OF_ABSENCE
                            ? "on leave of absence from hospital" : "absent without leave from hospital")
                            + "), which gives them the right to an IMHA.",
                    "LLR 7.39");
            hospital(s, hospital);
        } else if (COMMUNITY.contains(status)) {
            s.met("The person is subject to " + switch (status) {
                case COMMUNITY_TREATMENT_ORDER -> "a community treatment order (CTO)";
                case GUARDIANSHIP -> "guardianship";
                default -> "a conditional discharge as a restricted patient";
            } + ", which gives them the right to an IMHA.", "LLR 7.39");
            // Interpretation (LLR 7.37): people subject to the Act in the community (community
            // treatment order, conditional discharge) are covered like those under guardianship:
            // when they live in the area, since no hospital detains them.
            livesInArea(s, input, "people subject to the Mental Health Act in the community");
        } else {
            informal(s, input, answers, hospital);
        }

        consent(s, input.referral());
        return s.decide();
    }

    private static void hospital(Screening s, MentalHealthHospital hospital) {
        if (hospital == MentalHealthHospital.LEICESTERSHIRE_PARTNERSHIP_TRUST) {
            s.met("The person is detained to a Leicestershire Partnership NHS Trust hospital, which this service covers "
                    + "wherever the person normally lives.", "LLR 7.38");
        } else if (hospital == MentalHealthHospital.OTHER_HOSPITAL) {
            s.fail("This IMHA service covers patients detained in Leicestershire Partnership NHS Trust hospitals. The IMHA "
                    + "service for the hospital where the person is detained can help them.", "LLR 7.37", Signposts.IMHA_ELSEWHERE);
        } else {
            s.ask("The referral does not say which hospital the person is detained to.", "LLR 7.37-7.38",
                    "Which hospital the person is detained to", CLINICIAN);
        }
    }

    private static void livesInArea(Screening s, ScreeningInput input, String who) {
        if (input.authorityStayingIn().isPresent()) {
            s.met("The person lives in the area of " + input.councilName() + ", which this service covers.", "LLR 7.37");
        } else {
            s.fail("For " + who + ", this IMHA service covers people living in the area of " + input.contractArea()
                    + ". The referral says the person lives elsewhere.", "LLR 7.37", Signposts.IMHA_ELSEWHERE);
        }
    }

    private static void informal(Screening s, ScreeningInput input, ServiceAnswers answers, MentalHealthHospital hospital) {
        ImhaTreatment treatment = answers.choice(ServiceQuestions.IMHA_TREATMENT, ImhaTreatment.class).orElse(ImhaTreatment.NOT_KNOWN);
        boolean under18 = input.age() < 18;
        switch (treatment) {
            case SECTION_57 -> s.met("The person is an informal patient (not detained) who is being considered for a "
                    + "section 57 treatment, which gives them the right to an IMHA.", "LLR 7.40");
            case ECT_OR_SECTION_58A -> {
                if (under18) {
                    s.met("The person is under 18 and is being considered for electro-convulsive therapy (ECT) or another "
                            + "section 58A treatment, which gives them the right to an IMHA.", "LLR 7.40");
                } else {
                    s.fail("Informal patients (not detained) have the right to an IMHA for electro-convulsive therapy (ECT) "
                            + "only when they are under 18, and the date of birth given shows the person is 18 or over.",
                            "LLR 7.40", Signposts.COMMUNITY_ADVOCACY, Signposts.MENTAL_HEALTH_SUPPORT);
                }
            }
            case NONE -> s.fail("Informal patients (not detained) have the right to an IMHA only when they are being "
                            + "considered for a section 57 treatment, or are under 18 and being considered for "
                            + "electro-convulsive therapy (ECT).", "LLR 7.40",
                    Signposts.COMMUNITY_ADVOCACY, Signposts.MENTAL_HEALTH_SUPPORT);
            case NOT_KNOWN -> s.ask("The person is an informal patient (not detained). They have the right to an IMHA only "
                            + "for certain treatments, and the referral does not say whether one is being considered.", "LLR 7.40",
                    "Whether the person is being considered for a section 57 treatment, or for electro-convulsive therapy (ECT) "
                            + "or another section 58A treatment", CLINICIAN);
        }
        // Interpretation (LLR 7.37-7.38): an informal patient qualifying by treatment is covered
        // when in a Leicestershire Partnership NHS Trust hospital, or otherwise when living in the area.
        if (hospital == MentalHealthHospital.LEICESTERSHIRE_PARTNERSHIP_TRUST) {
            s.met("The person is in a Leicestershire Partnership NHS Trust hospital, which this service covers.", "LLR 7.38");
        } else {
            livesInArea(s, input, "informal patients outside Leicestershire Partnership NHS Trust hospitals");
        }
    }

    /**
     * Interpretation (LLR 7.44-7.46): the person decides whether to have an IMHA. A referral by
     * anyone else (relative, friend, AMHP, responsible clinician, ward staff) is accepted when the
     * person agrees, or cannot agree (an IMHA then works without instructions, LLR 7.24);
     * otherwise the hub first asks the person.
     */
    private static void consent(Screening s, ReferralDetails referral) {
        if (referral.referrer().relationship() == ReferrerRelationship.SELF) {
            s.met("The person referred themselves, as anyone with the right to an IMHA can.", "LLR 7.45");
            return;
        }
        Awareness awareness = referral.awareness();
        if (awareness == Awareness.AWARE_AND_AGREES) {
            s.met("The person knows about the referral and agrees to it.", "LLR 7.46");
        } else if (awareness == Awareness.UNABLE_TO_AGREE) {
            s.met("The person is not able to agree to the referral. An IMHA can still support them without instructions "
                    + "from them (non-instructed advocacy).", "LLR 7.24");
        } else {
            s.ask("The person has not agreed to this referral yet. Others can refer with the person's consent, and the "
                    + "person decides whether to have an IMHA.", "LLR 7.46",
                    "Whether the person wants to see an IMHA (an IMHA can ask them in person)", "the person");
        }
    }

    private static String lower(MhaStatus status) {
        String name = status.displayName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
