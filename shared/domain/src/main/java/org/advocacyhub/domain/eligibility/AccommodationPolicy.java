package org.advocacyhub.domain.eligibility;

import java.util.Optional;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.questions.AccommodationCategory;

/**
 * Accommodation and support referrals (DERBY 3.1.1, 3.1.2, 3.3.1): care leavers up to 21 (25 in
 * education or training), looked-after young people aged 16 to 18 leaving foster or residential
 * care, and homeless 16 and 17 year olds, referred by the council's teams after their assessment.
 * Whether the referral is standard or urgent is the common {@code urgency} answer, which sets the
 * response clock (DERBY 3.3.1), not eligibility.
 */
public final class AccommodationPolicy implements EligibilityPolicy {

    public static final String ID = "accommodation";

    private static final String REFERRER = "the referring team";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ServiceCode service() {
        return ServiceCode.ACCOMMODATION;
    }

    @Override
    public ScreeningDecision screen(ScreeningInput input) {
        Screening s = new Screening(input, ServiceCode.ACCOMMODATION);
        ServiceAnswers answers = input.answers();
        String council = input.contract().leadAuthority().name();

        if (input.contract().accepts(input.referral().source())) {
            s.met("The referral comes from " + council + "'s teams or a lead professional, who assess young people's needs "
                    + "before referring.", "DERBY 3.3.1");
        } else {
            s.signposted("Young people are referred for accommodation and support after an assessment by " + council
                    + "'s teams, such as Leaving Care, Children in Care or Housing Options. Please contact them first.",
                    "DERBY 3.3.1", Signposts.DERBY_REFERRING_TEAMS);
        }
        // Interpretation (DERBY 3.1.1): where the young person is staying now is not checked: the
        // council sometimes places young people out of its area.

        Optional<AccommodationCategory> category = answers.choice(ServiceQuestions.ACCOMMODATION_CATEGORY,
                AccommodationCategory.class);
        int age = input.age();
        if (category.isEmpty()) {
            s.ask("The referral does not say which group the young person is in.", "DERBY 3.1.1",
                    "Whether the young person is a care leaver, a looked-after young person leaving care, or a homeless 16 or "
                            + "17 year old", REFERRER);
            return s.decide();
        }
        switch (category.get()) {
            case CARE_LEAVER -> careLeaver(s, answers, age);
            case LOOKED_AFTER_LEAVING_CARE -> {
                // Interpretation (DERBY 3.1.1): "16-18 years" includes 18 year olds, up to the 19th birthday.
                if (age >= 16 && age <= 18) {
                    s.met("The young person is looked after, aged 16 to 18, and leaving foster or residential care.",
                            "DERBY 3.1.1");
                } else {
                    s.fail("This service is for looked-after young people aged 16 to 18 who are leaving foster or residential "
                            + "care, and the date of birth given shows the young person is outside that age range.",
                            "DERBY 3.1.1", Signposts.DERBY_REFERRING_TEAMS);
                }
            }
            case HOMELESS_16_17 -> {
                if (age == 16 || age == 17) {
                    s.met("The young person is 16 or 17 and homeless.", "DERBY 3.1.1");
                } else if (age < 16) {
                    s.fail("This service is for homeless young people aged 16 or 17, and the date of birth given shows the "
                            + "young person is under 16. A child under 16 without a safe place to stay needs children's "
                            + "social care.", "DERBY 3.1.1", Signposts.CHILDRENS_ADVOCACY);
                } else {
                    s.fail("This service is for homeless young people aged 16 or 17, and the date of birth given shows the "
                            + "young person is 18 or over.", "DERBY 3.1.1", Signposts.ADULT_HOUSING_OPTIONS);
                }
            }
            case NONE_OF_THESE -> s.fail("This service is for care leavers, looked-after young people aged 16 to 18 leaving "
                    + "care, and homeless 16 and 17 year olds. The referral says the young person is in none of these groups.",
                    "DERBY 3.1.1", Signposts.ADULT_HOUSING_OPTIONS);
        }
        return s.decide();
    }

    /**
     * Interpretation (DERBY 3.1.1, 3.1.2): "up to 21 years ... and up to 25 years if still in
     * education or training" means before the 21st birthday, or before the 25th for a care
     * leaver in education or training, as in the other contracts (LEW 7.5).
     */
    private static void careLeaver(Screening s, ServiceAnswers answers, int age) {
        if (age < 21) {
            s.met("The young person is a care leaver under 21.", "DERBY 3.1.1");
            return;
        }
        Optional<Boolean> learning = answers.yesNo(ServiceQuestions.ACCOMMODATION_EDUCATION);
        if (age >= 25) {
            s.fail("This service is for care leavers up to 21, or up to 25 if in education or training, and the date of birth "
                    + "given shows the young person is 25 or over.", "DERBY 3.1.1", Signposts.ADULT_HOUSING_OPTIONS);
        } else if (learning.isEmpty()) {
            s.ask("Care leavers aged 21 to 24 can be referred if they are still in education or training. The referral does "
                    + "not say.", "DERBY 3.1.1", "Whether the young person is in education or training", REFERRER);
        } else if (learning.get()) {
            s.met("The young person is a care leaver under 25 who is still in education or training.", "DERBY 3.1.1");
        } else {
            s.fail("Care leavers aged 21 to 24 can be referred only if they are still in education or training, and the "
                    + "referral says they are not.", "DERBY 3.1.1", Signposts.ADULT_HOUSING_OPTIONS);
        }
    }
}
