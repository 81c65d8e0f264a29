package org.advocacyhub.local.bench;

import java.io.IOException;
import java.net.ServerSocket;
import org.advocacyhub.application.port.ReturnsSource;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.reports.AuthorityReturn;
import org.advocacyhub.domain.reports.QuarterlyReturn;
import org.advocacyhub.domain.reports.QuarterlyReturnBuilder;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.persistence.BulkReturnsWriter;
import org.advocacyhub.persistence.CaseItemMapper;
import org.advocacyhub.persistence.DynamoReturnsSource;
import org.advocacyhub.reports.ReturnWorkbook;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.LocalEngines;
import org.advocacyhub.testing.SamTemplate;

/**
 * A quarter's report read from the table (issue 11 item 7), not a test: a deterministic quarter of
 * {@code cases} ({@link ReturnQuarter}) is written into DynamoDB Local as the stores write it
 * ({@link BulkReturnsWriter}), then the report is built as the function builds it: every item of the
 * quarter read by Query ({@link DynamoReturnsSource}, streamed into the builder), the figures built,
 * every workbook written. Baseline, in the same run: the same quarter fed to the builder from memory
 * (what {@code report-bench.sh} times), so the ratio is what reading costs. One untimed read, then
 * {@code runs} timed. DynamoDB Local (SQLite on this machine) is slower than DynamoDB: the figure is
 * an upper bound of the shape, not of AWS's speed. Starts its own engines on free ports.
 *
 * <p>{@code java -Xmx512m -cp ... org.advocacyhub.local.bench.ReportReadBenchmark [cases] [runs]}
 */
public final class ReportReadBenchmark {

    private ReportReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Contract contract = ContractCatalogue.bundled().contract("LLR").orElseThrow();
        FinancialQuarter quarter = ReportBenchmark.QUARTER;
        ReturnQuarter made = new ReturnQuarter(contract, quarter, ReportBenchmark.AS_AT, 42);
        SamTemplate template = SamTemplate.locate();
        try (LocalEngines engines = LocalEngines.builder().projectRoot(template.root())
                .dynamoDbPort(freePort()).sqsPort(freePort()).sesPort(freePort()).s3Port(freePort()).start();
             LocalAws aws = LocalAws.connect(engines, template, LocalAws.DEFAULT_PARAMETERS)) {
            String table = aws.environment("QuarterlyReportFunction").get("TABLE_NAME");
            long loadStart = System.nanoTime();
            long items;
            try (BulkReturnsWriter writer = new BulkReturnsWriter(aws.dynamoDb(), table, contract.code())) {
                made.generate(cases, writer);
                items = writer.written();
            }
            System.out.printf("loaded %d cases (%d items) into DynamoDB Local in %.1f s%n", cases, items,
                    (System.nanoTime() - loadStart) / 1e9);

            DynamoReturnsSource source = new DynamoReturnsSource(aws.dynamoDb(), table, new CaseItemMapper());
            FinancialQuarter through = FinancialQuarter.containing(ReportBenchmark.AS_AT);
            long[] fromTable = new long[runs];
            long[] fromMemory = new long[runs];
            ReturnsSource.Read read = null;
            String figures = null;
            for (int run = -1; run < runs; run++) {
                QuarterlyReturnBuilder builder = new QuarterlyReturnBuilder(contract, quarter, contract.calendar());
                long start = System.nanoTime();
                read = source.read(contract, quarter, through, builder);
                String shown = write(builder.build(ReportBenchmark.AS_AT, "bench"));
                long tableNanos = System.nanoTime() - start;

                QuarterlyReturnBuilder baseline = new QuarterlyReturnBuilder(contract, quarter, contract.calendar());
                start = System.nanoTime();
                made.generate(cases, baseline);
                String expected = write(baseline.build(ReportBenchmark.AS_AT, "bench"));
                long memoryNanos = System.nanoTime() - start;
                if (!shown.equals(expected)) {
                    throw new IllegalStateException("the figures read from the table differ from those built from memory");
                }
                figures = shown;
                if (run >= 0) {
                    fromTable[run] = tableNanos;
                    fromMemory[run] = memoryNanos;
                }
            }
            System.out.printf("read %d cases, %d time rows, %d records, %d callbacks in %d Query pages; figures %s%n", read.cases(),
                    read.timeRows(), read.records(), read.callbacks(), read.pages(), figures);
            Bench.report("report from the table, " + cases + " cases", fromTable);
            Bench.report("report from memory (baseline), " + cases + " cases", fromMemory);
            Bench.ratio(fromTable, fromMemory);
        }
    }

    /** Writes every workbook; returns a fingerprint of the Summary sheets, to check both builds agree. */
    private static String write(QuarterlyReturn figures) {
        int hash = 0;
        for (AuthorityReturn book : figures.workbooks()) {
            ReturnWorkbook.toBytes(book.sheets(), book.authorityName());
            hash = 31 * hash + book.sheets().hashCode();
        }
        return Integer.toHexString(hash);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
