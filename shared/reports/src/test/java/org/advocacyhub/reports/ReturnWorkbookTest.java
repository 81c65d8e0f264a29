package org.advocacyhub.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.advocacyhub.domain.reports.ReturnCell;
import org.advocacyhub.domain.reports.ReturnTable;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The xlsx writer (LLR 26.13: the return is an Excel workbook), read back with Apache POI as a spreadsheet would read it. */
class ReturnWorkbookTest {

    private static final ReturnTable SUMMARY = new ReturnTable("Summary", "Quarterly return FY2026 Q3: Rutland",
            "LLR 26.17, Appendix One",
            List.of("Measure", "Service", "Referrals", "Hours", "Within target"),
            List.of(
                    List.of(ReturnCell.text("Referrals received"), ReturnCell.text("IMCA"), ReturnCell.count(1234),
                            ReturnCell.decimal(new BigDecimal("12.5")), ReturnCell.share(3, 4)),
                    List.of(ReturnCell.text("Referrals received"), ReturnCell.text("Care Act"), ReturnCell.count(0),
                            ReturnCell.decimal(new BigDecimal("1E+3")), ReturnCell.share(0, 0)),
                    List.of(ReturnCell.text("All"), ReturnCell.blank(), ReturnCell.count(1234),
                            ReturnCell.decimal(new BigDecimal("0.333")), ReturnCell.share(2, 3))),
            List.of("Hours are hours and minutes recorded in the quarter.", "A share with no denominator is left empty."));
    private static final ReturnTable DEFINITIONS = new ReturnTable("Definitions", "How each figure is counted", "LLR 26",
            List.of("Term", "Meaning"),
            List.of(List.of(ReturnCell.text("Referral"), ReturnCell.text("A request for advocacy received in the quarter."))),
            List.of());

    private static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void theSameSheetsWrittenForTheSameInstantAreTheSameBytesWhateverTheMachinesClock() throws Exception {
        java.time.Instant at = java.time.Instant.parse("2026-10-08T09:00:30Z");
        byte[] first = ReturnWorkbook.toBytes(List.of(SUMMARY, DEFINITIONS), "Quarterly return", at);
        Thread.sleep(1_100); // the library's own stamp is the machine's time, to the second
        byte[] second = ReturnWorkbook.toBytes(List.of(SUMMARY, DEFINITIONS), "Quarterly return", at);
        org.junit.jupiter.api.Assertions.assertArrayEquals(first, second, "issue 22 item 4: byte-identical returns");
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(first))) {
            java.util.zip.ZipEntry entry;
            String core = null;
            while ((entry = zip.getNextEntry()) != null) {
                org.junit.jupiter.api.Assertions.assertEquals(at.toEpochMilli() / 2000, entry.getTime() / 2000, entry.getName());
                if (entry.getName().equals("docProps/core.xml")) {
                    core = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            org.junit.jupiter.api.Assertions.assertTrue(core != null && core.contains(">2026-10-08T09:00:30Z</dcterms:created>"), core);
        }
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(first, ReturnWorkbook.toBytes(List.of(SUMMARY, DEFINITIONS),
                "Quarterly return", at.plusSeconds(60))), "another instant, other bytes");
    }

    @Test
    void every_return_table_is_one_worksheet_in_the_given_order_LLR_26_13() throws IOException {
        ReturnTable middle = new ReturnTable("Referrals by source", "Referrals by source", "LEW 17.3",
                List.of("Source", "Referrals"), List.of(List.of(ReturnCell.text("GP"), ReturnCell.count(4))), List.of());
        try (XSSFWorkbook workbook = read(ReturnWorkbook.toBytes(List.of(SUMMARY, middle, DEFINITIONS), "FY2026 Q3"))) {
            assertEquals(3, workbook.getNumberOfSheets());
            assertEquals(List.of("Summary", "Referrals by source", "Definitions"),
                    List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)));
        }
    }

    @Test
    void a_sheet_shows_its_title_in_bold_its_clause_then_bold_filled_headings_after_a_blank_row() throws IOException {
        try (XSSFWorkbook workbook = read(ReturnWorkbook.toBytes(List.of(SUMMARY), "FY2026 Q3"))) {
            XSSFSheet sheet = workbook.getSheet("Summary");
            Cell title = sheet.getRow(0).getCell(0);
            assertEquals("Quarterly return FY2026 Q3: Rutland", title.getStringCellValue());
            assertTrue(workbook.getFontAt(title.getCellStyle().getFontIndex()).getBold(), "the title is bold");
            assertEquals("LLR 26.17, Appendix One", sheet.getRow(1).getCell(0).getStringCellValue());
            assertTrue(sheet.getRow(2) == null || sheet.getRow(2).getPhysicalNumberOfCells() == 0, "row 3 is blank");
            Row headings = sheet.getRow(3);
            List<String> shown = new ArrayList<>();
            for (Cell heading : headings) {
                shown.add(heading.getStringCellValue());
                assertTrue(workbook.getFontAt(heading.getCellStyle().getFontIndex()).getBold(), "heading " + heading + " is bold");
                assertNotNull(heading.getCellStyle().getFillForegroundColorColor(), "heading " + heading + " is filled");
            }
            assertEquals(SUMMARY.headings(), shown);
        }
    }

    @Test
    void the_panes_are_frozen_below_the_headings_and_the_headings_carry_a_filter() throws IOException {
        try (XSSFWorkbook workbook = read(ReturnWorkbook.toBytes(List.of(SUMMARY), "FY2026 Q3"))) {
            XSSFSheet sheet = workbook.getSheet("Summary");
            PaneInformation pane = sheet.getPaneInformation();
            assertNotNull(pane, "a pane is set");
            assertTrue(pane.isFreezePane(), "the pane is frozen");
            assertEquals(4, pane.getHorizontalSplitPosition(), "rows 1-4 (title to headings) stay in view");
            assertEquals(0, pane.getVerticalSplitPosition(), "no column is frozen");
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter(), "an autofilter");
            assertEquals("A4:E7", sheet.getCTWorksheet().getAutoFilter().getRef());
        }
    }

    @Test
    void a_count_is_a_whole_number_a_decimal_a_number_with_two_places_and_text_is_text_LLR_26_13() throws IOException {
        try (XSSFWorkbook workbook = read(ReturnWorkbook.toBytes(List.of(SUMMARY), "FY2026 Q3"))) {
            XSSFSheet sheet = workbook.getSheet("Summary");
            Row first = sheet.getRow(4);
            assertEquals(CellType.STRING, first.getCell(0).getCellType());
            assertEquals("Referrals received", first.getCell(0).getStringCellValue());
            assertEquals("IMCA", first.getCell(1).getStringCellValue());

            assertEquals(CellType.NUMERIC, first.getCell(2).getCellType());
            assertEquals(1234.0, first.getCell(2).getNumericCellValue());
            assertEquals("#,##0", first.getCell(2).getCellStyle().getDataFormatString());
            assertEquals(CellType.NUMERIC, sheet.getRow(5).getCell(2).getCellType(), "a zero count is a 0, not an empty cell");
            assertEquals(0.0, sheet.getRow(5).getCell(2).getNumericCellValue());

            assertEquals(CellType.NUMERIC, first.getCell(3).getCellType());
            assertEquals(12.5, first.getCell(3).getNumericCellValue());
            assertEquals("#,##0.00", first.getCell(3).getCellStyle().getDataFormatString());
            assertEquals(1000.0, sheet.getRow(5).getCell(3).getNumericCellValue(), "1E+3 is written as 1000");
            assertEquals(0.333, sheet.getRow(6).getCell(3).getNumericCellValue(), "the value is kept; the format rounds");
        }
    }

    @Test
    void a_share_is_a_fraction_shown_as_a_percentage_and_empty_without_a_denominator() throws IOException {
        try (XSSFWorkbook workbook = read(ReturnWorkbook.toBytes(List.of(SUMMARY), "FY2026 Q3"))) {
            XSSFSheet sheet = workbook.getSheet("Summary");
            Cell threeOfFour = sheet.getRow(4).getCell(4);
            assertEquals(CellType.NUMERIC, threeOfFour.getCellType());
            assertEquals(0.75, threeOfFour.getNumericCellValue());
            assertEquals("0.0%", threeOfFour.getCellStyle().getDataFormatString());
            assertEquals(2.0 / 3, sheet.getRow(6).getCell(4).getNumericCellValue(), 1e-12);

            Cell none = sheet.getRow(5).getCell(4);
            assertTrue(none == null || none.getCellType() == CellType.BLANK, "0 of 0 is no share: an empty cell, not 0%");
            Cell blank = sheet.getRow(6).getCell(1);
            assertTrue(blank == null || blank.getCellType() == CellType.BLANK, "a Blank cell is empty");
        }
    }

    @Test
    void the_notes_follow_the_table_after_a_blank_row() throws IOException {
        try (XSSFWorkbook workbook = read(ReturnWorkbook.toBytes(List.of(SUMMARY), "FY2026 Q3"))) {
            XSSFSheet sheet = workbook.getSheet("Summary");
            // rows 5-7 are the three data rows (indexes 4-6), row 8 is blank, the notes are rows 9 and 10.
            assertNull(sheet.getRow(7), "a blank row between the table and its notes");
            assertEquals("Hours are hours and minutes recorded in the quarter.", sheet.getRow(8).getCell(0).getStringCellValue());
            assertEquals("A share with no denominator is left empty.", sheet.getRow(9).getCell(0).getStringCellValue());
            assertEquals(9, sheet.getLastRowNum());
        }
    }

    @Test
    void text_that_looks_like_a_formula_stays_text() throws IOException {
        List<String> risky = List.of("=1+1", "+44 116 000 0000", "-5", "@SUM(A1:A2)", "=HYPERLINK(\"http://x.test\",\"x\")");
        List<List<ReturnCell>> rows = risky.stream().map(t -> List.<ReturnCell>of(ReturnCell.text(t))).toList();
        ReturnTable table = new ReturnTable("Risky", "=TITLE()", "-clause", List.of("+heading"), rows, List.of("@note"));
        byte[] bytes = ReturnWorkbook.toBytes(List.of(table), "=title");
        try (XSSFWorkbook workbook = read(bytes)) {
            XSSFSheet sheet = workbook.getSheet("Risky");
            for (int i = 0; i < risky.size(); i++) {
                Cell cell = sheet.getRow(4 + i).getCell(0);
                assertEquals(CellType.STRING, cell.getCellType(), risky.get(i) + " is a string cell");
                assertEquals(risky.get(i), cell.getStringCellValue());
            }
            assertEquals(CellType.STRING, sheet.getRow(0).getCell(0).getCellType());
            assertEquals("=TITLE()", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("-clause", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("+heading", sheet.getRow(3).getCell(0).getStringCellValue());
            assertEquals("@note", sheet.getRow(4 + risky.size() + 1).getCell(0).getStringCellValue());
        }
        // And in the file itself: no formula element anywhere, and every such cell is a shared or inline string.
        String sheetXml = zipEntries(bytes).get("xl/worksheets/sheet1.xml");
        assertFalse(sheetXml.contains("<f>") || sheetXml.contains("<f "), "no cell holds a formula");
        assertTrue(sheetXml.matches("(?s).*<c r=\"A5\"[^>]* t=\"(s|inlineStr)\".*"), "A5 is a string cell");
    }

    @Test
    void the_file_is_a_valid_xlsx_package_with_the_title_and_application_in_its_properties() throws IOException {
        byte[] bytes = ReturnWorkbook.toBytes(List.of(SUMMARY, DEFINITIONS), "LLR quarterly return FY2026 Q3");
        assertEquals('P', bytes[0]);
        assertEquals('K', bytes[1]);
        Map<String, String> entries = zipEntries(bytes);
        assertTrue(entries.containsKey("[Content_Types].xml"), "the package lists its content types: " + entries.keySet());
        assertTrue(entries.get("[Content_Types].xml").contains("spreadsheetml"), "as a spreadsheet");
        assertTrue(entries.containsKey("xl/workbook.xml"));
        try (XSSFWorkbook workbook = read(bytes)) {
            assertEquals("LLR quarterly return FY2026 Q3", workbook.getProperties().getCoreProperties().getTitle());
            assertEquals("Advocacy Hub", workbook.getProperties().getExtendedProperties().getApplication());
        }
    }

    @Test
    void columns_are_wide_enough_for_their_figures_within_bounds() throws IOException {
        String longText = "x".repeat(200);
        ReturnTable table = new ReturnTable("Widths", "t", "c", List.of("A", "A heading of several words"),
                List.of(List.of(ReturnCell.text(longText), ReturnCell.count(1))), List.of());
        try (XSSFWorkbook workbook = read(ReturnWorkbook.toBytes(List.of(table), "t"))) {
            XSSFSheet sheet = workbook.getSheet("Widths");
            double longColumn = sheet.getColumnWidth(0) / 256.0;
            double shortColumn = sheet.getColumnWidth(1) / 256.0;
            assertTrue(longColumn >= 55 && longColumn <= 62, "a long text column is capped: " + longColumn);
            assertTrue(shortColumn >= 9 && shortColumn < 20, "a heading of several words wraps: " + shortColumn);
        }
    }

    @Test
    void a_long_sheet_is_streamed_row_by_row_and_reads_back_whole() throws IOException {
        List<List<ReturnCell>> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(List.of(ReturnCell.text("case " + i), ReturnCell.count(i)));
        }
        ReturnTable table = new ReturnTable("Caseload", "Caseload list", "LEW 17.5", List.of("Case", "Hours"), rows, List.of("end"));
        try (XSSFWorkbook workbook = read(ReturnWorkbook.toBytes(List.of(table), "t"))) {
            XSSFSheet sheet = workbook.getSheet("Caseload");
            assertEquals("case 0", sheet.getRow(4).getCell(0).getStringCellValue());
            assertEquals(4_999.0, sheet.getRow(4 + 4_999).getCell(1).getNumericCellValue());
            assertEquals("end", sheet.getRow(4 + 5_000 + 1).getCell(0).getStringCellValue());
        }
    }

    @Test
    void writing_leaves_the_callers_stream_open() {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ReturnWorkbook.write(List.of(DEFINITIONS), "t", out);
        assertFalse(closed[0], "the caller closes its stream");
        assertTrue(out.size() > 0);
    }

    @Test
    void a_workbook_needs_a_sheet_and_unique_sheet_names() {
        assertThrows(IllegalArgumentException.class, () -> ReturnWorkbook.toBytes(List.of(), "t"));
        ReturnTable summaryAgain = new ReturnTable("SUMMARY", "t", "c", List.of(), List.of(), List.of());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ReturnWorkbook.toBytes(List.of(SUMMARY, summaryAgain), "t"));
        assertTrue(twice.getMessage().contains("SUMMARY"), twice.getMessage());
    }

    /** Not a dependency of the build: runs only where LibreOffice is installed, and converts the first sheet to CSV. */
    @Test
    void libreoffice_opens_the_workbook_where_it_is_installed(@TempDir Path dir) throws Exception {
        Path soffice = findOnPath("soffice");
        Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) is not installed here");
        Path xlsx = dir.resolve("return.xlsx");
        Files.write(xlsx, ReturnWorkbook.toBytes(List.of(SUMMARY, DEFINITIONS), "FY2026 Q3"));
        Process process = new ProcessBuilder(soffice.toString(), "--headless", "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--convert-to", "csv", "--outdir", dir.toString(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "LibreOffice finished");
        String csv = Files.readString(dir.resolve("return.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Quarterly return FY2026 Q3: Rutland"), csv);
        assertTrue(csv.contains("1,234") || csv.contains("1234"), csv);
        assertTrue(csv.contains("75.0%"), csv);
    }

    private static Path findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The package's entries, read through its central directory as spreadsheet programs do. (Fastexcel writes Zip64
     * data descriptors, which {@code ZipInputStream}'s one-pass reading refuses; {@code unzip -t} and Excel do not.)
     */
    private static Map<String, String> zipEntries(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("workbook-", ".xlsx");
        try {
            Files.write(file, bytes);
            Map<String, String> entries = new LinkedHashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return entries;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
