package org.advocacyhub.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.advocacyhub.domain.reports.ReturnCell;
import org.advocacyhub.domain.reports.ReturnTable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a quarterly return (a {@code List<ReturnTable>}, LLR 26.13: an Excel workbook) as an xlsx file, streaming:
 * rows go to the output as they are written, so a long sheet is never held as a document in memory. It knows
 * nothing about advocacy: every figure arrives counted and typed in the {@link ReturnTable}s.
 *
 * <p>Each table is one worksheet, in order, laid out as:
 * <pre>
 * row 1  title (bold, larger)
 * row 2  the clauses the table answers
 * row 3  (blank)
 * row 4  headings (bold, filled, wrapped; the panes are frozen below them, with an autofilter when there are rows)
 * row 5… the rows: Count a whole number, Decimal a number shown with 2 decimals, Share a fraction shown as a
 *        percentage with one decimal (an empty cell when there is no denominator), Text text, Blank empty
 * then   a blank row and the notes, one per row
 * </pre>
 * Text is always written as a string cell (a shared string, never a formula), so a text starting with {@code =},
 * {@code +}, {@code -} or {@code @} stays text when the workbook is opened. The workbook's properties carry the
 * title and the application "Advocacy Hub".
 */
public final class ReturnWorkbook {

    /** The application named in the workbook's properties. */
    public static final String APPLICATION = "Advocacy Hub";
    /** The application version in the workbook's properties: the file format's, not the hub's (it must be nn.nnnn). */
    private static final String APPLICATION_VERSION = "1.0";

    /** Row indexes (0-based) of the fixed layout. */
    static final int TITLE_ROW = 0;
    static final int CLAUSE_ROW = 1;
    static final int HEADING_ROW = 3;
    static final int FIRST_DATA_ROW = 4;

    static final String COUNT_FORMAT = "#,##0";
    static final String DECIMAL_FORMAT = "#,##0.00";
    static final String SHARE_FORMAT = "0.0%";
    private static final String HEADING_FILL = "D9E1F2";

    /** Excel's limit on the characters of one cell. */
    private static final int MAX_CELL_TEXT = 32_767;
    private static final double MIN_WIDTH = 10;
    private static final double MAX_WIDTH = 60;
    /** Rows are handed to the output every so many, so memory stays flat however long a sheet is. */
    private static final int FLUSH_EVERY = 500;

    private ReturnWorkbook() {
    }

    /** The workbook as bytes (an email attachment, an archived object). */
    public static byte[] toBytes(List<ReturnTable> sheets, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(sheets, title, out);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("Could not write a workbook in memory", e);
        }
        return out.toByteArray();
    }

    /**
     * The workbook as bytes, created at {@code createdAt}: its document properties' creation time and every part's date in
     * the zip are that instant, not the machine's clock as the xlsx library writes them, so that the same sheets written
     * for the same instant are the same bytes (issue 22 item 4: a contract's returns rebuilt after its import are
     * byte-identical to the originals).
     */
    public static byte[] toBytes(List<ReturnTable> sheets, String title, java.time.Instant createdAt) {
        return stamped(toBytes(sheets, title), createdAt);
    }

    /** {@code xlsx} with its creation time and each zip entry's date set to {@code createdAt} (to the second). */
    static byte[] stamped(byte[] xlsx, java.time.Instant createdAt) {
        String when = createdAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length);
        java.nio.file.Path file = null;
        try {
            // Read by the central directory (the library's local headers leave sizes to a trailing descriptor).
            file = java.nio.file.Files.createTempFile("workbook", ".xlsx");
            java.nio.file.Files.write(file, xlsx);
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
                 java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
                for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
                    byte[] content;
                    try (java.io.InputStream part = in.getInputStream(entry)) {
                        content = part.readAllBytes();
                    }
                    if (entry.getName().equals("docProps/core.xml")) {
                        content = new String(content, java.nio.charset.StandardCharsets.UTF_8)
                                .replaceAll("(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:(created|modified)>)", "$1" + when + "$3")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(entry.getName());
                    copy.setTime(createdAt.toEpochMilli());
                    zip.putNextEntry(copy);
                    zip.write(content);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restamp a workbook", e);
        } finally {
            if (file != null) {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temporary file left in /tmp: gone with the instance.
                }
            }
        }
        return out.toByteArray();
    }

    /**
     * Writes the workbook to {@code out}, which is left open.
     *
     * @param sheets the worksheets, in order: at least one, names unique regardless of case (Excel's rule)
     * @param title  the workbook's title (its document properties)
     * @throws IllegalArgumentException no sheets, two sheets with the same name, or a text longer than a cell holds
     * @throws UncheckedIOException     when {@code out} fails
     */
    public static void write(List<ReturnTable> sheets, String title, OutputStream out) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(title, "title");
        check(sheets);
        try {
            Workbook workbook = new Workbook(new KeepOpen(out), APPLICATION, APPLICATION_VERSION);
            workbook.properties().setTitle(title);
            for (ReturnTable table : sheets) {
                writeSheet(workbook.newWorksheet(table.sheet()), table);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the workbook", e);
        }
    }

    private static void check(List<ReturnTable> sheets) {
        if (sheets == null || sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        Set<String> names = new HashSet<>();
        for (ReturnTable table : sheets) {
            if (!names.add(table.sheet().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two sheets are named '" + table.sheet() + "' (Excel ignores case)");
            }
        }
    }

    private static void writeSheet(Worksheet sheet, ReturnTable table) throws IOException {
        int columns = table.headings().size();
        // Widths, panes and the filter go in the sheet's header, which the first flush writes: set them first.
        for (int column = 0; column < columns; column++) {
            sheet.width(column, width(table, column));
        }
        if (columns > 0) {
            sheet.freezePane(0, FIRST_DATA_ROW);
        }

        sheet.value(TITLE_ROW, 0, text(table.title()));
        sheet.style(TITLE_ROW, 0).bold().fontSize(14).set();
        sheet.value(CLAUSE_ROW, 0, text(table.clause()));
        sheet.style(CLAUSE_ROW, 0).italic().set();

        for (int column = 0; column < columns; column++) {
            sheet.value(HEADING_ROW, column, text(table.headings().get(column)));
            sheet.style(HEADING_ROW, column).bold().fillColor(HEADING_FILL).wrapText(true).verticalAlignment("top").set();
        }

        int row = FIRST_DATA_ROW;
        for (List<ReturnCell> cells : table.rows()) {
            for (int column = 0; column < cells.size(); column++) {
                writeCell(sheet, row, column, cells.get(column));
            }
            row++;
            if ((row - FIRST_DATA_ROW) % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }
        if (columns > 0 && !table.rows().isEmpty()) {
            sheet.setAutoFilter(HEADING_ROW, 0, columns - 1);
        }

        if (!table.notes().isEmpty()) {
            row++; // a blank row between the table and its notes
            for (String note : table.notes()) {
                sheet.value(row++, 0, text(note));
            }
        }
        sheet.finish();
    }

    private static void writeCell(Worksheet sheet, int row, int column, ReturnCell cell) {
        if (cell instanceof ReturnCell.Text text) {
            sheet.value(row, column, text(text.value()));
        } else if (cell instanceof ReturnCell.Count count) {
            sheet.value(row, column, count.value());
            sheet.style(row, column).format(COUNT_FORMAT).set();
        } else if (cell instanceof ReturnCell.Decimal decimal) {
            sheet.value(row, column, plain(decimal.value()));
            sheet.style(row, column).format(DECIMAL_FORMAT).set();
        } else if (cell instanceof ReturnCell.Share share) {
            Double fraction = share.fraction();
            if (fraction != null) {
                sheet.value(row, column, fraction);
                sheet.style(row, column).format(SHARE_FORMAT).set();
            }
            // No denominator: no share, so an empty cell (never 0% or 100%).
        } else if (!(cell instanceof ReturnCell.Blank)) {
            throw new IllegalArgumentException("no way to write a " + cell.getClass().getSimpleName());
        }
    }

    /** A BigDecimal with a negative scale prints as {@code 1E+3}; written with scale 0 it is {@code 1000}. */
    private static BigDecimal plain(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** Fastexcel writes a String value as a shared string cell: text, never a formula, whatever it starts with. */
    private static String text(String value) {
        if (value.length() > MAX_CELL_TEXT) {
            throw new IllegalArgumentException("a text of " + value.length() + " characters does not fit in a cell ("
                    + MAX_CELL_TEXT + " at most)");
        }
        return value;
    }

    /** Wide enough for the heading and the longest figure or text of the column, within reason (long text wraps). */
    private static double width(ReturnTable table, int column) {
        int longest = longestWord(table.headings().get(column));
        for (List<ReturnCell> row : table.rows()) {
            longest = Math.max(longest, shownLength(row.get(column)));
        }
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, longest + 2));
    }

    private static int longestWord(String heading) {
        int longest = 0;
        for (String word : heading.split("\\s+")) {
            longest = Math.max(longest, word.length());
        }
        // A heading wraps, but should not take more than three lines.
        return Math.max(longest, (heading.length() + 2) / 3);
    }

    private static int shownLength(ReturnCell cell) {
        if (cell instanceof ReturnCell.Text text) {
            return text.value().length();
        }
        if (cell instanceof ReturnCell.Count count) {
            return String.format(Locale.UK, "%,d", count.value()).length();
        }
        if (cell instanceof ReturnCell.Decimal decimal) {
            return String.format(Locale.UK, "%,.2f", decimal.value()).length();
        }
        return cell instanceof ReturnCell.Share ? "100.0%".length() : 0;
    }

    /** Fastexcel finishes its zip stream; the caller's stream is the caller's to close. */
    private static final class KeepOpen extends java.io.FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
