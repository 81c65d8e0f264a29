package org.advocacyhub.domain.staff;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What an advocate must have to be allocated a case of a service, each rule with its clause
 * (LLR 13.1-13.7, 5.49). Which rules a service needs is contract configuration
 * ({@code allocation.advocateNeeds} in the contract file), not code; the rules themselves are
 * here, once.
 */
public enum AllocationRequirement {

    /**
     * LLR 13.1: the Level 3 qualification, or working towards it within a year of appointment.
     * Interpretation: "within a year of being appointed" counts from {@code appointedOn}; without
     * that date, only the qualification itself satisfies the rule.
     */
    NQIA_LEVEL_3("LLR 13.1") {
        @Override
        Optional<String> broken(StaffRecord advocate, Context context) {
            if (advocate.achieved(Qualification.NQIA_LEVEL_3).filter(d -> !d.isAfter(context.today())).isPresent()) {
                return Optional.empty();
            }
            if (advocate.appointedOn() != null && !context.today().isAfter(advocate.appointedOn().plusYears(1))) {
                return Optional.empty();
            }
            return Optional.of("has not achieved the Level 3 National Qualification in Independent Advocacy, and was appointed "
                    + (advocate.appointedOn() == null ? "on a date not recorded" : "more than a year ago"));
        }
    },

    /** LLR 13.3: new IMCAs do not practise until they have completed unit 305. */
    UNIT_305_IMCA("LLR 13.3") {
        @Override
        Optional<String> broken(StaffRecord advocate, Context context) {
            return missing(advocate, Qualification.UNIT_305_IMCA, context, "has not completed unit 305 (IMCA)");
        }
    },

    /** LLR 13.4, 5.49(ii): IMCAs do not take DoLS roles until trained for unit 310. */
    UNIT_310_DOLS_TRAINING("LLR 5.49(ii), 13.4") {
        @Override
        Optional<String> broken(StaffRecord advocate, Context context) {
            return missing(advocate, Qualification.UNIT_310_DOLS_TRAINING, context, "has not had the unit 310 (DoLS) training");
        }
    },

    /** LLR 5.49(i): acted as an IMCA for at least three months, or worked on at least three cases. */
    IMCA_EXPERIENCE("LLR 5.49(i)") {
        @Override
        Optional<String> broken(StaffRecord advocate, Context context) {
            boolean threeMonths = advocate.imcaSince() != null && !advocate.imcaSince().plusMonths(3).isAfter(context.today());
            boolean threeCases = advocate.experience().imcaCases() >= 3;
            return threeMonths || threeCases ? Optional.empty()
                    : Optional.of("has acted as an IMCA for less than three months and on fewer than three cases ("
                    + advocate.experience().imcaCases() + ")");
        }
    },

    /**
     * LLR 5.49(iii), 13.4: the unit 310 assessment passed within one year of taking the DoLS IMCA
     * role. Interpretation: the role is taken at the first DoLS IMCA allocation; until a year after
     * it (or before it, for the first one) the assessment may still be pending.
     */
    UNIT_310_DOLS_ASSESSMENT("LLR 5.49(iii), 13.4") {
        @Override
        Optional<String> broken(StaffRecord advocate, Context context) {
            LocalDate first = advocate.experience().firstDolsCaseOn();
            return achievedOrWithinAYear(advocate, Qualification.UNIT_310_DOLS_ASSESSMENT, first, context,
                    "has not passed the unit 310 assessment within a year of their first DoLS case (" + first + ")");
        }
    },

    /** LLR 13.5: Care Act advocates complete unit 313. */
    UNIT_313_CARE_ACT("LLR 13.5") {
        @Override
        Optional<String> broken(StaffRecord advocate, Context context) {
            return missing(advocate, Qualification.UNIT_313_CARE_ACT, context, "has not completed unit 313 (Care Act)");
        }
    },

    /**
     * LLR 13.6: IMHAs complete unit 306 "within one year of starting employment". Interpretation (issue 20): the year
     * runs from the appointment ({@code appointedOn}), or from the day they started as an IMHA ({@code imhaSince}) when
     * that is later (someone who moved into the IMHA role after joining); with neither recorded, from their first IMHA
     * allocation, so an advocate starting now is within it. An advocate appointed 18 months ago with no unit 306 and no
     * later IMHA start is past it.
     */
    UNIT_306_IMHA("LLR 13.6") {
        @Override
        Optional<String> broken(StaffRecord advocate, Context context) {
            LocalDate appointed = advocate.appointedOn();
            LocalDate imha = advocate.imhaSince();
            LocalDate started = appointed == null ? (imha != null ? imha : advocate.experience().firstImhaCaseOn())
                    : imha != null && imha.isAfter(appointed) ? imha : appointed;
            return achievedOrWithinAYear(advocate, Qualification.UNIT_306_IMHA, started, context,
                    "has not completed unit 306 (IMHA) within a year of starting as an IMHA (" + started + ")");
        }
    },

    /**
     * LLR 13.7: an advocate supporting a Deaf person who uses BSL has BSL level 3. Only when the
     * referral says the person uses BSL (see {@link Context#personUsesBsl}).
     */
    BSL_LEVEL_3("LLR 13.7") {
        @Override
        Optional<String> broken(StaffRecord advocate, Context context) {
            if (!context.personUsesBsl()) {
                return Optional.empty();
            }
            return missing(advocate, Qualification.BSL_LEVEL_3, context,
                    "does not have BSL level 3, and the referral says the person uses British Sign Language");
        }
    };

    private final String clause;

    AllocationRequirement(String clause) {
        this.clause = clause;
    }

    public String clause() {
        return clause;
    }

    /**
     * What the rule is checked against besides the advocate.
     *
     * @param today         the day of the allocation (UK)
     * @param personUsesBsl whether the referral says the person uses British Sign Language
     */
    public record Context(LocalDate today, boolean personUsesBsl) {
    }

    /** Why {@code advocate} may not be allocated under this rule, or empty when the rule holds. */
    abstract Optional<String> broken(StaffRecord advocate, Context context);

    /** Achieved by today, or not yet needed: {@code started} is unknown (this would be the first) or less than a year ago. */
    private static Optional<String> achievedOrWithinAYear(StaffRecord advocate, Qualification qualification, LocalDate started,
                                                          Context context, String why) {
        if (advocate.achieved(qualification).filter(d -> !d.isAfter(context.today())).isPresent()) {
            return Optional.empty();
        }
        return started == null || !context.today().isAfter(started.plusYears(1)) ? Optional.empty() : Optional.of(why);
    }

    private static Optional<String> missing(StaffRecord advocate, Qualification qualification, Context context, String why) {
        return advocate.achieved(qualification).filter(d -> !d.isAfter(context.today())).isPresent()
                ? Optional.empty() : Optional.of(why);
    }
}
