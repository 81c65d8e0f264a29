package org.advocacyhub.application.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.Test;

/** Every workbook's file name names the contract, the council it goes to and the quarter (issue 23). */
class WorkbookFileNameTest {

    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();
    private static final FinancialQuarter Q2 = new FinancialQuarter(2026, 2);

    private static Contract contract(String code) {
        return CONTRACTS.contract(code).orElseThrow();
    }

    @Test
    void aWorkbookPerCouncilNamesThatCouncil() {
        assertEquals("LLR-RUTLAND-FY2026Q2.xlsx", QuarterlyReports.fileName(contract("LLR"), "RUTLAND", Q2));
        assertEquals("LLR-LEICESTER-FY2026Q2.xlsx", QuarterlyReports.fileName(contract("LLR"), "LEICESTER", Q2));
    }

    @Test
    void aContractWithOneWorkbookNamesTheLeadCouncilItGoesTo() {
        assertEquals("DERBY-DERBY-FY2026Q2.xlsx", QuarterlyReports.fileName(contract("DERBY"), "DERBY", Q2));
        assertEquals("LEW-LEWISHAM-FY2026Q2.xlsx", QuarterlyReports.fileName(contract("LEW"), "LEW", Q2));
    }

    @Test
    void theAnnualReturnNamesTheContractTheCouncilAndTheFinancialYear() {
        org.advocacyhub.domain.reports.AnnualReturnWorkbook annual = new org.advocacyhub.domain.reports.AnnualReturnWorkbook(
                "LEICESTERSHIRE-ANNUAL", "LEICESTERSHIRE", "Leicestershire County Council", 2026, java.util.List.of());
        assertEquals("LLR-LEICESTERSHIRE-FY2026-annual-return.xlsx", QuarterlyReports.annualFileName(contract("LLR"), annual));
    }

    @Test
    void theAnnualReturnHasItsOwnEmailSayingTheYearAndTheDueDayInWords() {
        FinancialQuarter q4 = new FinancialQuarter(2026, 4);
        QuarterlyReport report = QuarterlyReport.queued("RPT-LLR-FY2026Q4-SCHEDULED", "LLR", q4, null, true, QuarterlyReport.SCHEDULE,
                java.time.Instant.parse("2027-04-08T09:00:00Z"));
        QuarterlyReport.Workbook book = new QuarterlyReport.Workbook("LEICESTERSHIRE-ANNUAL", "Leicestershire County Council: annual "
                + "return", "LLR-LEICESTERSHIRE-FY2026-annual-return.xlsx", "k", null, java.util.List.of("a@b.example"),
                new org.advocacyhub.domain.reports.ReturnTable("Annual return", "t", "LLR 27.4", java.util.List.of(), java.util.List.of(),
                        java.util.List.of()), null, null);
        assertEquals("Annual return April 2026 to March 2027: Leicestershire County Council (LLR)", QuarterlyReports.subject(report, book));
        String text = QuarterlyReports.annualText(report, java.time.LocalDate.of(2027, 4, 30));
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("financial year April 2026 to March 2027, due by 30 April 2027"), text);
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("not held by the hub"), text);
    }
}
