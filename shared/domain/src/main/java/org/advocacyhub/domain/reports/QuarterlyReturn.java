package org.advocacyhub.domain.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * A contract's quarterly return: one workbook per authority when the contract reports per
 * authority (LLR 7.38, 15.1), else one (LEW 17.2; DERBY 3.7.1).
 *
 * @param asAt when the figures were taken
 */
public record QuarterlyReturn(String contract, FinancialQuarter quarter, Instant asAt, List<AuthorityReturn> workbooks) {

    public QuarterlyReturn {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(asAt, "asAt");
        workbooks = List.copyOf(workbooks);
    }

    /** The workbook of {@code authorityCode} (the contract code for a contract with one workbook). */
    public AuthorityReturn workbook(String authorityCode) {
        return workbooks.stream().filter(w -> w.authorityCode().equals(authorityCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no workbook for " + authorityCode));
    }
}
