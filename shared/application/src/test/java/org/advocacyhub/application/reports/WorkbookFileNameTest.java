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
}
