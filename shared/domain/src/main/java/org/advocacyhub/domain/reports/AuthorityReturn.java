package org.advocacyhub.domain.reports;

import java.util.List;
import java.util.Objects;

/**
 * One emailed workbook: per authority when the contract reports per authority, else one for the
 * contract ({@code authorityCode} is then the contract's code). Aggregates only (LLR 26.9, 27.6):
 * no names, dates of birth, references or free text about a person.
 *
 * @param sheets Summary first, Definitions last
 */
public record AuthorityReturn(String authorityCode, String authorityName, List<ReturnTable> sheets, ReturnSummary summary) {

    public AuthorityReturn {
        Objects.requireNonNull(authorityCode, "authorityCode");
        Objects.requireNonNull(authorityName, "authorityName");
        sheets = List.copyOf(sheets);
        Objects.requireNonNull(summary, "summary");
    }

    /** The sheet named {@code name}. */
    public ReturnTable sheet(String name) {
        return sheets.stream().filter(s -> s.sheet().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sheet '" + name + "'"));
    }
}
