package org.advocacyhub.application.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.application.reports.InMemoryReports;
import org.advocacyhub.application.reports.QuarterlyReport;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.reports.ReturnTable;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 22 with issue 23's split: every council's restricted workbook of a report goes once past its time. */
class ExpireCaseloadListsTest {

    private final Map<String, byte[]> bucket = new HashMap<>();
    private final ReportArchive archive = new ReportArchive() {
        @Override
        public void put(String key, byte[] content, String contentType) {
            bucket.put(key, content);
        }

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.ofNullable(bucket.get(key));
        }

        @Override
        public void delete(String key) {
            bucket.remove(key);
        }
    };

    private static QuarterlyReport.Workbook book(String council, String restrictedKey) {
        return new QuarterlyReport.Workbook(council, council, "LLR-" + council + "-FY2020Q1.xlsx", "reports/" + council, restrictedKey,
                List.of("returns@council.example"), new ReturnTable("Summary", "Summary", "LLR 26.13", List.of("Figure"), List.of(),
                List.of()), null, null);
    }

    @Test
    @DisplayName("Each council's restricted workbook and an older report's contract-wide list are deleted; a council with none is skipped")
    void everyCouncilsList() {
        InMemoryReports reports = new InMemoryReports();
        reports.put(new QuarterlyReport("RPT-LLR-FY2020Q1-1", "LLR", new FinancialQuarter(2020, 1), null, true, "m", Instant.parse(
                "2020-07-08T09:00:00Z"), QuarterlyReport.Status.SENT, Instant.parse("2020-07-08T09:01:00Z"), List.of(
                book("RUTLAND", "restricted/rutland.xlsx"), book("LEICESTER", null), book("LEICESTERSHIRE", "restricted/county.xlsx")),
                "restricted/contract-wide.xlsx", null, 0));
        for (String key : List.of("restricted/rutland.xlsx", "restricted/county.xlsx", "restricted/contract-wide.xlsx", "reports/RUTLAND")) {
            bucket.put(key, new byte[] {1});
        }
        ExpireCaseloadLists expire = new ExpireCaseloadLists(reports, archive, ContractCatalogue.bundled(),
                Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), ZoneOffset.UTC));

        assertEquals(List.of("restricted/contract-wide.xlsx", "restricted/rutland.xlsx", "restricted/county.xlsx"), expire.run(true));
        assertEquals(4, bucket.size(), "a dry run deletes nothing");
        expire.run(false);
        assertEquals(java.util.Set.of("reports/RUTLAND"), bucket.keySet(), "the aggregates stay");
        assertEquals(List.of(), expire.run(false), "run again: nothing left");
    }
}
