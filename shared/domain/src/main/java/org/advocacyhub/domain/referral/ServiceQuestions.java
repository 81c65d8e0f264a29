package org.advocacyhub.domain.referral;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.domain.referral.questions.AccommodationCategory;
import org.advocacyhub.domain.referral.questions.AppropriateIndividualException;
import org.advocacyhub.domain.referral.questions.AuthorisationType;
import org.advocacyhub.domain.referral.questions.CapacityJudgement;
import org.advocacyhub.domain.referral.questions.CareActPersonKind;
import org.advocacyhub.domain.referral.questions.CareActProcess;
import org.advocacyhub.domain.referral.questions.ComplainantRole;
import org.advocacyhub.domain.referral.questions.ComplaintSupport;
import org.advocacyhub.domain.referral.questions.CypReason;
import org.advocacyhub.domain.referral.questions.CypStatus;
import org.advocacyhub.domain.referral.questions.DolsRole;
import org.advocacyhub.domain.referral.questions.ImcaDecision;
import org.advocacyhub.domain.referral.questions.ImhaTreatment;
import org.advocacyhub.domain.referral.questions.MentalHealthHospital;
import org.advocacyhub.domain.referral.questions.MhaStatus;
import org.advocacyhub.domain.referral.questions.NhsServiceKind;
import org.advocacyhub.domain.referral.questions.Prison;
import org.advocacyhub.domain.referral.questions.StayDuration;
import org.advocacyhub.domain.referral.questions.SubstantialDifficulty;
import org.advocacyhub.domain.referral.questions.YesNoNotKnown;

/**
 * The service-specific questions of a referral (requirements §4), answered under the
 * {@code details.} prefix and stored in {@link ReferralDetails#serviceAnswers()} without it. The
 * form shows only the chosen service's questions; {@link ReferralValidator} accepts only those.
 *
 * <p>Interpretation (requirements §4, LLR 9.41, 5.42): almost every question is optional, so a
 * referrer who does not know an answer can still refer, and screening then asks for exactly what
 * is missing and from whom (NEEDS_INFORMATION). Only the DoLS IMCA role and supervisory body are
 * required, because only a DoLS team instructs a DoLS IMCA and it always knows both.
 *
 * <p>Interpretation (LLR 6.9a): in an NHS complaints referral the person who needs the advocate
 * is the complainant; {@link #ICAS_COMPLAINANT} says whose care the complaint is about.
 * Interpretation (LLR 9.33): the Care Act questions include the Mental Health Act status
 * ({@link #MHA_STATUS}, optional) so that screening can suggest IMHA for a detained person.
 *
 * <p>Some things screening needs are common questions and are not asked twice: whether the
 * referrer is the decision maker or a third party ({@code referrer.relationship}, LLR 5.57), the
 * IMHA referrer's relationship and the person's consent ({@code referrer.relationship},
 * {@code source}, {@code awareness}, LLR 7.45-7.46), and whether an accommodation referral is
 * standard or urgent ({@code urgency}, DERBY 3.3.1).
 */
public final class ServiceQuestions {

    private static final int CHOICE = 40;
    private static final int SHORT = 120;

    // IMCA (LLR 5.2, 5.52-5.60)
    public static final FieldSpec IMCA_DECISION = choice("decisionType", "What decision is the IMCA needed for?",
            "An IMCA must be instructed for serious medical treatment and for some moves to a hospital or care home. "
                    + "The council may also instruct one for a care review or adult safeguarding.",
            ImcaDecision.values(), "Decision type");
    public static final FieldSpec IMCA_STAY = choice("stayDuration", "How long is the stay expected to last?",
            "Only for a stay in hospital or a move to a care home. An IMCA is needed for a hospital stay of more than 28 days "
                    + "or a care home stay of more than 8 weeks.",
            StayDuration.values(), "Expected length of stay");
    public static final FieldSpec IMCA_CAPACITY = choice("capacityJudgement",
            "In the decision maker's opinion, does the person lack capacity to make this decision?", "",
            CapacityJudgement.values(), "Capacity judgement");
    public static final FieldSpec IMCA_CAPACITY_ASSESSED = yesNo("capacityAssessed",
            "Has a capacity assessment been done for this decision?", "", "Capacity assessment done");
    public static final FieldSpec IMCA_CONSULTEE = choice("familyOrFriendToConsult",
            "Is there a family member or friend who is appropriate to consult about the decision?",
            "Do not count paid carers or professionals.", YesNoNotKnown.values(), "Family member or friend to consult");
    public static final FieldSpec IMCA_DECISION_MAKER = text("decisionMakerContact",
            "If you are not the decision maker, who is?",
            "Their name, job title and organisation, so we can check the instruction with them.", "Decision maker");

    // DoLS IMCA (LLR 5.36-5.49)
    public static final FieldSpec DOLS_ROLE = new FieldSpec("details.dolsRole", "Which DoLS IMCA role is needed?", "",
            FieldKind.CHOICE, true, CHOICE, List.of(DolsRole.values()), "Select the DoLS IMCA role", "DoLS IMCA role");
    public static final FieldSpec DOLS_AUTHORISATION = choice("authorisationType",
            "Is the authorisation urgent or standard?", "", AuthorisationType.values(), "Authorisation type");
    public static final FieldSpec DOLS_END_DATE = new FieldSpec("details.authorisationEndDate",
            "When does the authorisation end?", "For example, 14 1 2027. Leave blank if it has not been granted yet.",
            FieldKind.DATE, false, 10, List.of(), "", "Authorisation end date");
    public static final FieldSpec DOLS_SUPERVISORY_BODY = new FieldSpec("details.supervisoryBody",
            "Which council is the supervisory body?", "", FieldKind.AUTHORITY, true, CHOICE, List.of(),
            "Select the council that is the supervisory body", "Supervisory body");

    // IMHA (LLR 7.37-7.40)
    public static final FieldSpec MHA_STATUS = choice("legalStatus",
            "What is the person's legal status under the Mental Health Act?", "", MhaStatus.values(), "Legal status");
    public static final FieldSpec IMHA_HOSPITAL = choice("hospital", "Which hospital is the person in, or detained to?",
            "Include a person on leave or absent without leave.", MentalHealthHospital.values(), "Hospital");
    public static final FieldSpec IMHA_TREATMENT = choice("treatment",
            "Is the person being considered for either of these treatments?",
            "This matters for informal patients (not detained).", ImhaTreatment.values(), "Treatment under consideration");

    // Care Act advocacy (LLR 8.25-8.37, SCIE)
    public static final FieldSpec CARE_ACT_PROCESS = choice("process", "Which Care Act process is the person taking part in?",
            "", CareActProcess.values(), "Care Act process");
    public static final FieldSpec CARE_ACT_PERSON = choice("personKind", "Who is the person?", "",
            CareActPersonKind.values(), "Who the person is");
    public static final FieldSpec CARE_ACT_DIFFICULTY = new FieldSpec("details.substantialDifficulty",
            "Would the person have substantial difficulty with any of these, without support?", "Select all that apply.",
            FieldKind.MULTI_CHOICE, false, CHOICE, List.of(SubstantialDifficulty.values()), "", "Substantial difficulty");
    public static final FieldSpec CARE_ACT_APPROPRIATE_INDIVIDUAL = choice("appropriateIndividual",
            "Is there an appropriate person to support them to be involved?",
            "Someone they want to support them, who is able and available, is not paid to care for them "
                    + "and is not part of a safeguarding enquiry.",
            YesNoNotKnown.values(), "Appropriate individual");
    public static final FieldSpec CARE_ACT_EXCEPTION = choice("appropriateIndividualException",
            "Does either of these apply?", "An advocate can be provided even when there is an appropriate person.",
            AppropriateIndividualException.values(), "Exception");
    public static final FieldSpec CARE_ACT_ORDINARY_RESIDENCE = choice("ordinarilyResident",
            "Is the person ordinarily resident in Leicester, Leicestershire or Rutland?",
            "This is usually where they live. If a council elsewhere arranged their care home place, "
                    + "they are usually still ordinarily resident in that council's area.",
            YesNoNotKnown.values(), "Ordinary residence");
    /** Interpretation (SCIE Prisoners): the prisons in the area are HMP Leicester, Gartree, Stocken and Fosse Way. */
    public static final FieldSpec CARE_ACT_PRISON = choice("prison", "Is the person in prison?", "",
            Prison.values(), "Prison");
    public static final FieldSpec CARE_ACT_PRISON_NAME = text("prisonName", "Name of the prison", "", "Name of the prison");

    // NHS complaints advocacy (LLR 6.1-6.18)
    public static final FieldSpec ICAS_SERVICE_KIND = choice("serviceKind", "What is the complaint about?", "",
            NhsServiceKind.values(), "What the complaint is about");
    public static final FieldSpec ICAS_NHS_FUNDED = choice("nhsFunded", "Was the care or treatment paid for by the NHS?",
            "", YesNoNotKnown.values(), "NHS funding");
    public static final FieldSpec ICAS_COMPLAINANT = choice("complainantRole", "Whose care is the complaint about?",
            "", ComplainantRole.values(), "Whose care the complaint is about");
    public static final FieldSpec ICAS_PLACED_OUTSIDE = yesNo("placedInHospitalOutsideArea",
            "Is the person placed in a hospital outside Leicester, Leicestershire and Rutland?", "",
            "Placed in a hospital outside the area");
    public static final FieldSpec ICAS_SUPPORT = choice("supportWanted", "What help is wanted?", "",
            ComplaintSupport.values(), "Help wanted");

    // Children and young people's advocacy (LEW 7.5-7.22)
    public static final FieldSpec CYP_STATUS = choice("cypStatus", "Which of these describes the young person?", "",
            CypStatus.values(), "Young person's status");
    public static final FieldSpec CYP_EET = yesNo("inEducationEmploymentOrTraining",
            "Is the young person in education, employment or training?", "", "Education, employment or training");
    public static final FieldSpec CYP_SECURE = yesNo("secureProvisionWithAdvocacy",
            "Is the young person in secure provision that has its own advocacy service?",
            "For example, a secure children's home or young offender institution.", "Secure provision");
    public static final FieldSpec CYP_REASON = choice("cypReason", "What does the young person want an advocate for?", "",
            CypReason.values(), "Reason for advocacy");
    public static final FieldSpec CYP_IMCA_OR_IMHA = yesNo("mayNeedImcaOrImha",
            "Might the young person need an IMCA or IMHA instead?",
            "For example, they are detained under the Mental Health Act, or are 16 or 17 and cannot make "
                    + "a decision about serious medical treatment or where they live.",
            "May need an IMCA or IMHA");

    // Accommodation (DERBY 3.1.1, 3.3.1)
    public static final FieldSpec ACCOMMODATION_CATEGORY = choice("accommodationCategory", "Which of these is the young person?",
            "", AccommodationCategory.values(), "Young person's category");
    public static final FieldSpec ACCOMMODATION_EDUCATION = yesNo("inEducationOrTraining",
            "Is the young person in education or training?", "Care leavers aged 21 to 24 need to be.",
            "Education or training");

    private static final Map<ServiceCode, List<FieldSpec>> BY_SERVICE = new EnumMap<>(Map.of(
            ServiceCode.IMCA, List.of(IMCA_DECISION, IMCA_STAY, IMCA_CAPACITY, IMCA_CAPACITY_ASSESSED, IMCA_CONSULTEE,
                    IMCA_DECISION_MAKER),
            ServiceCode.DOLS_IMCA, List.of(DOLS_ROLE, DOLS_AUTHORISATION, DOLS_END_DATE, DOLS_SUPERVISORY_BODY),
            ServiceCode.IMHA, List.of(MHA_STATUS, IMHA_HOSPITAL, IMHA_TREATMENT),
            ServiceCode.CARE_ACT, List.of(CARE_ACT_PROCESS, CARE_ACT_PERSON, CARE_ACT_DIFFICULTY, CARE_ACT_APPROPRIATE_INDIVIDUAL,
                    CARE_ACT_EXCEPTION, CARE_ACT_ORDINARY_RESIDENCE, CARE_ACT_PRISON, CARE_ACT_PRISON_NAME, MHA_STATUS),
            ServiceCode.ICAS, List.of(ICAS_SERVICE_KIND, ICAS_NHS_FUNDED, ICAS_COMPLAINANT, ICAS_PLACED_OUTSIDE, ICAS_SUPPORT),
            ServiceCode.CYP, List.of(CYP_STATUS, CYP_EET, CYP_SECURE, CYP_REASON, CYP_IMCA_OR_IMHA),
            ServiceCode.ACCOMMODATION, List.of(ACCOMMODATION_CATEGORY, ACCOMMODATION_EDUCATION)));

    private ServiceQuestions() {
    }

    /** The questions of {@code service}, in the order the form asks them. */
    public static List<FieldSpec> forService(ServiceCode service) {
        return BY_SERVICE.get(service);
    }

    /** The questions of {@code service} as one fieldset of the form. */
    public static FieldGroup group(ServiceCode service) {
        return new FieldGroup("details-" + service.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                "About the " + service.displayName() + " referral",
                "Answer what you can. If you do not know, we will ask the right person.", forService(service));
    }

    /** The question {@code name} (with its {@code details.} prefix) of {@code service}, if it has one. */
    public static Optional<FieldSpec> find(ServiceCode service, String name) {
        return forService(service).stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    /** Every service-specific question once, whichever services ask it. */
    public static Set<FieldSpec> all() {
        Set<FieldSpec> all = new LinkedHashSet<>();
        Arrays.stream(ServiceCode.values()).forEach(service -> all.addAll(forService(service)));
        return all;
    }

    /** The key an answer is stored under in {@link ReferralDetails#serviceAnswers()}: the name without {@code details.}. */
    public static String key(FieldSpec question) {
        if (!question.name().startsWith(ReferralFields.DETAILS_PREFIX)) {
            throw new IllegalArgumentException(question.name() + " is not a service-specific question");
        }
        return question.name().substring(ReferralFields.DETAILS_PREFIX.length());
    }

    private static FieldSpec choice(String key, String label, String hint, Choice[] values, String noun) {
        return new FieldSpec(ReferralFields.DETAILS_PREFIX + key, label, hint, FieldKind.CHOICE, false, CHOICE,
                Arrays.asList(values), "", noun);
    }

    private static FieldSpec yesNo(String key, String label, String hint, String noun) {
        return new FieldSpec(ReferralFields.DETAILS_PREFIX + key, label, hint, FieldKind.YES_NO, false, 5, List.of(), "", noun);
    }

    private static FieldSpec text(String key, String label, String hint, String noun) {
        return new FieldSpec(ReferralFields.DETAILS_PREFIX + key, label, hint, FieldKind.TEXT, false, SHORT, List.of(), "", noun);
    }
}
