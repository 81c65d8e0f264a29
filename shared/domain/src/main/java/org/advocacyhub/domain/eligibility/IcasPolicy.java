package org.advocacyhub.domain.eligibility;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.questions.ComplainantRole;
import org.advocacyhub.domain.referral.questions.ComplaintSupport;
import org.advocacyhub.domain.referral.questions.NhsServiceKind;
import org.advocacyhub.domain.referral.questions.YesNoNotKnown;

/**
 * NHS complaints advocacy (LLR 6.1-6.18): residents of the area (secure settings included)
 * making or intending to make a complaint about NHS-funded care, for themselves or for someone
 * who has died or cannot complain; not for residents placed in hospitals outside the area. Every
 * referral gets a written decision, with signposting when not accepted (LLR 6.10, 6.17).
 */
public final class IcasPolicy implements EligibilityPolicy {

    public static final String ID = "icas";

    /**
     * Interpretation (LLR 6.3): these services are NHS-funded unless the referral says otherwise;
     * dentists, pharmacies, opticians, social care and private healthcare may be private, so
     * for them the hub asks.
     */
    private static final Set<NhsServiceKind> PRESUMED_NHS = EnumSet.of(NhsServiceKind.HOSPITAL, NhsServiceKind.GP,
            NhsServiceKind.MENTAL_HEALTH, NhsServiceKind.COMMUNITY_HEALTH, NhsServiceKind.AMBULANCE_OR_111,
            NhsServiceKind.COMMISSIONER);

    private static final String COMPLAINANT = "the person making the complaint";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ServiceCode service() {
        return ServiceCode.ICAS;
    }

    @Override
    public ScreeningDecision screen(ScreeningInput input) {
        Screening s = new Screening(input, ServiceCode.ICAS);
        ServiceAnswers answers = input.answers();

        // Interpretation (LLR 6.9): where the person is staying now (person.authority) stands for
        // where they live; for a complaint about someone else's care, the complainant's home counts.
        if (input.authorityStayingIn().isPresent()) {
            s.met("The person lives in the area of " + input.councilName() + ", which this service covers.", "LLR 6.9");
        } else {
            s.fail("This NHS complaints advocacy service is for people who live in the area of " + input.contractArea()
                    + ". The service where the person lives can help.", "LLR 6.9", Signposts.NHS_COMPLAINTS_ADVOCACY_ELSEWHERE);
        }
        // Interpretation (LLR 6.11): "placed in hospitals outside of the area" is about where the
        // person is placed now; an unanswered question counts as no.
        if (answers.yesNo(ServiceQuestions.ICAS_PLACED_OUTSIDE).orElse(false)) {
            s.fail("This service does not cover people from our area who are placed in a hospital outside it. The NHS "
                    + "complaints advocacy service for the area of the hospital, or the person's own council, can say who helps.",
                    "LLR 6.11", Signposts.NHS_COMPLAINTS_ADVOCACY_ELSEWHERE);
        }

        funding(s, answers);
        complainant(s, answers);
        support(s, answers);

        if (s.hasFailed()) {
            // LLR 6.10: non-acceptance always comes with somewhere more appropriate to go.
            s.signpost(Signposts.PALS);
        }
        return s.decide();
    }

    private static void funding(Screening s, ServiceAnswers answers) {
        Optional<NhsServiceKind> kind = answers.choice(ServiceQuestions.ICAS_SERVICE_KIND, NhsServiceKind.class);
        YesNoNotKnown funded = answers.choice(ServiceQuestions.ICAS_NHS_FUNDED, YesNoNotKnown.class).orElse(YesNoNotKnown.NOT_KNOWN);
        if (funded == YesNoNotKnown.YES) {
            s.met("The complaint is about care or treatment paid for by the NHS.", "LLR 6.3");
        } else if (funded == YesNoNotKnown.NO) {
            Signpost elsewhere = kind.orElse(null) == NhsServiceKind.SOCIAL_CARE
                    ? Signposts.SOCIAL_CARE_COMPLAINTS : Signposts.PRIVATE_HEALTHCARE_COMPLAINTS;
            s.fail("NHS complaints advocacy is for complaints about care or treatment paid for by the NHS. The referral says "
                    + "the NHS did not pay for this care, so the complaint goes through the provider's own complaints "
                    + "procedure.", "LLR 6.2-6.3", elsewhere);
        } else if (kind.isPresent() && PRESUMED_NHS.contains(kind.get())) {
            s.met("The complaint is about a kind of service the NHS provides or pays for (" + kind.get().displayName()
                    + ").", "LLR 6.3");
        } else {
            s.ask("NHS complaints advocacy is for complaints about care or treatment paid for by the NHS, and the referral "
                            + "does not say whether the NHS paid for this care.", "LLR 6.3",
                    kind.isPresent() ? "Whether the NHS provided or paid for the care the complaint is about"
                            : "Which service the complaint is about, and whether the NHS provided or paid for it", COMPLAINANT);
        }
    }

    private static void complainant(Screening s, ServiceAnswers answers) {
        Optional<ComplainantRole> role = answers.choice(ServiceQuestions.ICAS_COMPLAINANT, ComplainantRole.class);
        if (role.isEmpty()) {
            s.ask("The referral does not say whose care the complaint is about.", "LLR 6.9a",
                    "Whose care the complaint is about: the person's own, someone who has died, or someone who cannot "
                            + "complain themselves", COMPLAINANT);
            return;
        }
        switch (role.get()) {
            case PATIENT -> s.met("The person wants to complain about their own care.", "LLR 6.9");
            case FOR_SOMEONE_WHO_DIED -> {
                s.met("The person wants to complain about the care of someone who has died, which they can do on that "
                        + "person's behalf.", "LLR 6.9a");
                s.signpost(Signposts.BEREAVEMENT_SUPPORT);
            }
            case FOR_SOMEONE_UNABLE -> s.met("The person wants to complain on behalf of someone who cannot complain "
                    + "themselves.", "LLR 6.9a");
            // Interpretation (LLR 6.9a): someone who could complain themselves is the one to be
            // supported; the hub can take their own referral.
            case FOR_SOMEONE_ABLE -> s.fail("Someone can have support to complain about another person's care only if that "
                    + "person has died or cannot complain themselves. The person whose care it was can contact us, and we can "
                    + "support them to complain.", "LLR 6.9a");
        }
    }

    private static void support(Screening s, ServiceAnswers answers) {
        // Interpretation (LLR 6.4, 6.17-6.18, 4.5.2): an unanswered question means an advocate is
        // wanted, which is what a referral asks for; a self-help pack alone is INFORMATION_ONLY; a
        // quick fix (PALS), compensation (medico-legal advice) or a professional's fitness to
        // practise (regulators) is SIGNPOSTED, since another organisation is the one to help.
        ComplaintSupport wanted = answers.choice(ServiceQuestions.ICAS_SUPPORT, ComplaintSupport.class)
                .orElse(ComplaintSupport.ADVOCATE);
        switch (wanted) {
            case ADVOCATE -> {
            }
            case INFORMATION_ONLY -> s.informationOnly("The person would like information and a self-help pack, to make "
                    + "the complaint on their own. We will send these; they can contact us again if they would like an "
                    + "advocate.", "LLR 6.4");
            case QUICK_RESOLUTION -> s.signposted("The help wanted is a quick answer or fix for a problem with care happening "
                    + "now. The Patient Advice and Liaison Service (PALS) can usually sort this out faster than a complaint. "
                    + "If the person later wants to make a complaint, they can contact us again.", "LLR 6.17", Signposts.PALS);
            case COMPENSATION -> s.signposted("NHS complaints advocates cannot help with compensation or legal action, and do "
                    + "not give legal or medical advice.", "LLR 6.18", Signposts.MEDICO_LEGAL_ADVICE);
            case PROFESSIONAL_CONDUCT -> s.signposted("Concerns about whether a doctor, nurse or other professional is fit to "
                    + "practise go to their professional regulator rather than the NHS complaints procedure.", "LLR 6.17",
                    Signposts.PROFESSIONAL_REGULATORS);
        }
    }
}
