package org.advocacyhub.domain.eligibility;

import java.time.LocalDate;
import java.util.Optional;
import org.advocacyhub.domain.contract.Authority;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.questions.AuthorisationType;
import org.advocacyhub.domain.referral.questions.DolsRole;

/**
 * Deprivation of Liberty Safeguards IMCA (LLR 5.36-5.49): instructed by the DoLS team of one of
 * the contract's councils (the supervisory body) for a section 39A, 39C or 39D role, or the
 * community DoLS role.
 */
public final class DolsImcaPolicy implements EligibilityPolicy {

    public static final String ID = "dols-imca";

    private static final String DOLS_TEAM = "the DoLS team of the supervisory body";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ServiceCode service() {
        return ServiceCode.DOLS_IMCA;
    }

    @Override
    public ScreeningDecision screen(ScreeningInput input) {
        Screening s = new Screening(input, ServiceCode.DOLS_IMCA);
        ServiceAnswers answers = input.answers();
        Optional<DolsRole> role = answers.choice(ServiceQuestions.DOLS_ROLE, DolsRole.class);

        if (input.referral().source() == ReferralSource.DOLS_TEAM) {
            s.met("The referral comes from a DoLS team, as part of a Deprivation of Liberty Safeguards assessment.", "LLR 5.42");
        } else {
            // Interpretation (LLR 5.42, by analogy with LLR 5.57): a referral from anyone else is
            // not refused; the hub asks the DoLS team whether it instructs a DoLS IMCA.
            s.ask("A DoLS IMCA is instructed by the council's DoLS team (the supervisory body). We will check with the DoLS "
                    + "team whether they instruct one.", "LLR 5.42",
                    "Confirmation that the DoLS team instructs a DoLS IMCA, and for which role", DOLS_TEAM);
        }

        Optional<String> body = answers.text(ServiceQuestions.DOLS_SUPERVISORY_BODY);
        Optional<Authority> ours = body.flatMap(code -> input.contract().authority(code));
        if (ours.isPresent()) {
            s.met("The supervisory body is " + ours.get().name() + ", one of the councils this service works for.", "LLR 5.36");
        } else if (body.isPresent()) {
            s.fail("This hub provides DoLS IMCAs for the DoLS teams of " + input.contractArea()
                            + ". The supervisory body named is another council, which arranges its own DoLS IMCAs.", "LLR 5.36",
                    Signposts.DOLS_IMCA_ELSEWHERE);
        } else {
            s.ask("The referral does not say which council is the supervisory body.", "LLR 5.36",
                    "Which council is the supervisory body", DOLS_TEAM);
        }
        if (input.authorityStayingIn().isEmpty() && ours.isPresent()) {
            // Interpretation (LLR 5.46): a DoLS team's referral for a person staying outside the
            // area is its request for a cross-border arrangement; the visit is agreed with the team.
            s.met("The person is staying outside our area. A DoLS IMCA can work outside the area for our councils' DoLS "
                    + "teams; we will agree the arrangements with the DoLS team.", "LLR 5.46");
        }

        if (role.isEmpty()) {
            s.ask("The referral does not say which DoLS IMCA role is needed.", "LLR 5.38",
                    "Which DoLS IMCA role is needed (section 39A, 39C or 39D, or community DoLS)", DOLS_TEAM);
        } else {
            role(s, input, role.get());
        }
        return s.decide();
    }

    private static void role(Screening s, ScreeningInput input, DolsRole role) {
        if (role == DolsRole.COMMUNITY_DOLS) {
            // Interpretation (LLR 5.40): the community DoLS role supports applications to the Court
            // of Protection, which apply from age 16, like the IMCA service (LLR 5.52).
            if (input.age() >= 16) {
                s.met("The DoLS IMCA is needed for the community DoLS role, for a deprivation of liberty outside a hospital "
                        + "or care home that the Court of Protection authorises.", "LLR 5.40");
            } else {
                s.fail("The community DoLS role is for people aged 16 or over, and the date of birth given shows the person "
                        + "is younger.", "LLR 5.40", Signposts.CHILDRENS_ADVOCACY);
            }
            return;
        }
        // Interpretation (LLR 5.37, DoLS Code of Practice): the Deprivation of Liberty Safeguards
        // apply only to people aged 18 or over, so sections 39A, 39C and 39D roles do too.
        if (input.age() < 18) {
            s.fail("The Deprivation of Liberty Safeguards apply only to people aged 18 or over, and the date of birth given "
                    + "shows the person is younger. For a 16 or 17 year old, a deprivation of liberty is authorised by the "
                    + "Court of Protection instead.", "LLR 5.37", Signposts.CHILDRENS_ADVOCACY);
            return;
        }
        switch (role) {
            case SECTION_39A -> {
                String deadline = input.answers().choice(ServiceQuestions.DOLS_AUTHORISATION, AuthorisationType.class)
                        .map(type -> type == AuthorisationType.URGENT
                                ? " The authorisation is urgent, so the assessment must be finished within 7 days."
                                : " The authorisation is standard, so the assessment must be finished within 21 days.")
                        .orElse("");
                s.met("A section 39A DoLS IMCA represents a person who has no one else to speak for them while the DoLS "
                        + "assessment is done." + deadline, "LLR 5.38");
            }
            case SECTION_39C -> authorised(s, input, "A section 39C DoLS IMCA acts as the person's representative after "
                    + "the authorisation is granted, when no one else is available to do so.", "LLR 5.38b");
            case SECTION_39D -> authorised(s, input, "A section 39D DoLS IMCA supports the person, their representative, "
                    + "or both, while the authorisation lasts.", "LLR 5.38c");
            default -> {
                // COMMUNITY_DOLS: decided above
            }
        }
    }

    private static void authorised(Screening s, ScreeningInput input, String role, String clause) {
        Optional<LocalDate> end = input.answers().date(ServiceQuestions.DOLS_END_DATE);
        if (end.isPresent() && end.get().isBefore(input.today())) {
            // Interpretation (LLR 5.39): 39C and 39D roles last as long as the authorisation; an end
            // date already past may mean a lapse or a renewal, so the hub asks rather than refuses.
            s.ask(role + " The end date given for the authorisation has passed.", "LLR 5.39",
                    "Whether the authorisation is still in force, and when it ends", DOLS_TEAM);
        } else {
            s.met(role, clause);
        }
    }
}
