package org.advocacyhub.domain.reports;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One sheet of a quarterly workbook (LLR 26.13: an Excel workbook; the lists of requirements §7):
 * a title, the clause it answers, column headings and rows of typed cells. The workbook writer
 * knows nothing about advocacy: every figure is counted in the domain and laid out here.
 *
 * @param sheet    the sheet's name: 1 to 31 characters, none of {@code []:*?/\}, unique in a workbook (Excel's rules)
 * @param title    the heading shown above the table
 * @param clause   the clauses the table answers, e.g. {@code LLR 26.17, Appendix One}
 * @param headings the column headings
 * @param rows     each row as many cells as there are headings
 * @param notes    lines shown under the table (how it is counted is on the Definitions sheet)
 */
public record ReturnTable(String sheet, String title, String clause, List<String> headings, List<List<ReturnCell>> rows,
                          List<String> notes) {

    /** The figures of the rows that say what a return is rather than count anything (the Summary's first rows). */
    public static final String PERIOD = "Period";
    public static final String AUTHORITY = "Authority";
    public static final String GENERATED = "Generated (London time)";
    public static final String SOFTWARE_VERSION = "Software version";
    private static final java.util.Set<String> ABOUT_THE_RETURN = java.util.Set.of(PERIOD, AUTHORITY, GENERATED, SOFTWARE_VERSION);

    private static final Pattern SHEET_NAME = Pattern.compile("[^\\[\\]:*?/\\\\]{1,31}");

    public ReturnTable {
        Objects.requireNonNull(sheet, "sheet");
        if (!SHEET_NAME.matcher(sheet).matches() || sheet.startsWith("'") || sheet.endsWith("'")) {
            throw new IllegalArgumentException("'" + sheet + "' is not a sheet name Excel accepts (1 to 31 characters, none of []:*?/\\)");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(clause, "clause");
        headings = List.copyOf(headings);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<ReturnCell> row : rows) {
            if (row.size() != headings.size()) {
                throw new IllegalArgumentException("sheet '" + sheet + "': a row has " + row.size() + " cells for " + headings.size() + " headings");
            }
        }
        notes = List.copyOf(notes);
    }

    /**
     * Whether a row says what the return is (its period, authority, when it was generated and by which version) rather
     * than counting anything: a page that states these in words already leaves these rows out.
     */
    public static boolean aboutTheReturn(List<ReturnCell> row) {
        return !row.isEmpty() && row.get(0) instanceof ReturnCell.Text first && ABOUT_THE_RETURN.contains(first.value());
    }
}
