package org.advocacyhub.domain.reports;

import java.math.BigDecimal;
import java.util.List;

/** Reads figures back from laid-out sheets, by row label and column heading. */
final class Sheets {

    private Sheets() {
    }

    static ReturnCell cell(ReturnTable table, String rowLabel, String heading) {
        int column = table.headings().indexOf(heading);
        if (column < 0) {
            throw new AssertionError("sheet '" + table.sheet() + "' has no column '" + heading + "': " + table.headings());
        }
        for (List<ReturnCell> row : table.rows()) {
            if (row.get(0) instanceof ReturnCell.Text text && text.value().equals(rowLabel)) {
                return row.get(column);
            }
        }
        throw new AssertionError("sheet '" + table.sheet() + "' has no row '" + rowLabel + "'");
    }

    static long count(ReturnTable table, String rowLabel, String heading) {
        ReturnCell cell = cell(table, rowLabel, heading);
        if (cell instanceof ReturnCell.Count count) {
            return count.value();
        }
        throw new AssertionError(rowLabel + " / " + heading + " is not a count: " + cell);
    }

    static BigDecimal decimal(ReturnTable table, String rowLabel, String heading) {
        ReturnCell cell = cell(table, rowLabel, heading);
        if (cell instanceof ReturnCell.Decimal decimal) {
            return decimal.value();
        }
        throw new AssertionError(rowLabel + " / " + heading + " is not a decimal: " + cell);
    }

    /** Every text in a sheet: title, clause, headings, notes and text cells. */
    static String allText(ReturnTable table) {
        StringBuilder text = new StringBuilder(table.title()).append('\n').append(table.clause()).append('\n');
        table.headings().forEach(h -> text.append(h).append('\n'));
        table.notes().forEach(n -> text.append(n).append('\n'));
        for (List<ReturnCell> row : table.rows()) {
            for (ReturnCell cell : row) {
                text.append(cell).append('\n');
            }
        }
        return text.toString();
    }
}
