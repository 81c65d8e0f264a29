package org.advocacyhub.domain.contract;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A service's yearly volumes (per financial year).
 *
 * @param uniquePersonsMinimum minimum unique persons supported (LLR 4.5; LEW 7.2: 60)
 * @param uniquePersonsMaximum expected maximum (LEW 7.2: 80)
 * @param guideHoursPerPerson  guide hours per unique person (LLR 4.5, a guide only)
 * @param blockHours           block hours a year (LEW 7.1: 1,000)
 * @param clause               where the figures come from
 */
public record AnnualTargets(
        OptionalInt uniquePersonsMinimum,
        OptionalInt uniquePersonsMaximum,
        Optional<BigDecimal> guideHoursPerPerson,
        OptionalInt blockHours,
        String clause) {

    public AnnualTargets {
        Objects.requireNonNull(uniquePersonsMinimum, "uniquePersonsMinimum");
        Objects.requireNonNull(uniquePersonsMaximum, "uniquePersonsMaximum");
        Objects.requireNonNull(guideHoursPerPerson, "guideHoursPerPerson");
        Objects.requireNonNull(blockHours, "blockHours");
        Objects.requireNonNull(clause, "clause");
    }
}
