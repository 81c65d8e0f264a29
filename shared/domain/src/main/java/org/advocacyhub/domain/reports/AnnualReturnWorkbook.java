package org.advocacyhub.domain.reports;

import java.util.List;
import java.util.Objects;

/**
 * The annual return's workbook (LLR 27.4, Appendix One "Annual Return", 26.4), built with the fourth quarter's report for the
 * authority the contract names: the items a manager wrote for the year, the year's figures, the staff's qualifications, what
 * the hub does not hold, and the definitions. Like every emailed workbook it names no one (LLR 26.9, 27.6).
 *
 * @param code          the report's workbook code, {@link AnnualReturns#workbookCode}
 * @param authorityCode the authority it goes to
 * @param sheets        the items first, Definitions last
 */
public record AnnualReturnWorkbook(String code, String authorityCode, String authorityName, int financialYear,
                                   List<ReturnTable> sheets) {

    public AnnualReturnWorkbook {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(authorityCode, "authorityCode");
        Objects.requireNonNull(authorityName, "authorityName");
        sheets = List.copyOf(sheets);
    }

    /** The sheet named {@code name}. */
    public ReturnTable sheet(String name) {
        return sheets.stream().filter(s -> s.sheet().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sheet '" + name + "'"));
    }
}
