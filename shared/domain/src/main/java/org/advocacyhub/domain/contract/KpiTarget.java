package org.advocacyhub.domain.contract;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A KPI measured by a clock: the share of clocks met in a quarter.
 *
 * @param name          as the commissioner's report names it (e.g. "KPI 1")
 * @param targetPercent the target share met, 0-100; empty when the figure is reported without a
 *                      target (LEW Appendix 1 "% contacted within 72 hours")
 * @param clause        where the KPI is defined
 */
public record KpiTarget(String name, Optional<BigDecimal> targetPercent, String clause) {

    public KpiTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetPercent, "targetPercent");
        Objects.requireNonNull(clause, "clause");
    }
}
