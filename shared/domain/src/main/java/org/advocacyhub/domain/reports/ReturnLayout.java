package org.advocacyhub.domain.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.contract.HourThreshold;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.reports.CountingRules.Definition;
import org.advocacyhub.domain.reports.ReturnSummary.AwarenessLine;
import org.advocacyhub.domain.reports.ReturnSummary.KpiLine;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * Lays one workbook's counts out as sheets: what every section ({@link SummarySheets},
 * {@link ReferralSheets}, {@link WorkSheets}, {@link FeedbackSheets}, {@link LewSheets}) needs, the
 * helpers for their rows and cells, the order of the sheets ({@link #workbook}) and the Definitions
 * sheet, which defines the figures the other sheets name (LLR 26.13).
 *
 * <p>A sheet names the clauses of every contract that asks for its figure ({@code "LLR 26.17; LEW
 * 17.5"}); {@link #table} shows only this contract's (issue 23: a council reads its own contract's
 * clauses, {@link Citation}).
 */
final class ReturnLayout {

    static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    final Contract contract;
    final FinancialQuarter quarter;
    final List<ServiceConfig> services;
    final Map<ServiceCode, Integer> serviceIndex = new EnumMap<>(ServiceCode.class);
    /** The feedback questions counted (not the free-text ones). */
    final List<FeedbackQuestion> questions;
    final WorkbookCounts w;
    final ContractRecords records;
    /** The answerphone's figures; null when the contract has no answerphone. */
    final CallbackFigures callbackFigures;
    final Instant asAt;
    final String version;
    /** How many services: the index of the "All services" column of the people sets. */
    final int s;
    private final Set<Definition> referenced = new HashSet<>();

    ReturnLayout(Contract contract, FinancialQuarter quarter, List<FeedbackQuestion> questions, WorkbookCounts w,
                 ContractRecords records, CallbackFigures callbackFigures, Instant asAt, String version) {
        this.contract = contract;
        this.quarter = quarter;
        this.services = contract.services();
        for (int i = 0; i < services.size(); i++) {
            serviceIndex.put(services.get(i).code(), i);
        }
        this.questions = questions;
        this.w = w;
        this.records = records;
        this.callbackFigures = callbackFigures;
        this.asAt = asAt;
        this.version = version;
        this.s = services.size();
    }

    /** The workbook: Summary first, Definitions last, each sheet the contract has in between in a fixed order. */
    AuthorityReturn workbook() {
        SummarySheets summary = new SummarySheets(this);
        ReferralSheets referrals = new ReferralSheets(this);
        WorkSheets work = new WorkSheets(this);
        FeedbackSheets feedback = new FeedbackSheets(this);
        List<KpiLine> kpiLines = summary.kpiLines();
        List<AwarenessLine> awarenessLines = summary.awarenessLines();
        List<ReturnTable> tables = new ArrayList<>();
        tables.add(summary.summary(kpiLines, awarenessLines));
        tables.add(summary.kpis(kpiLines));
        tables.addAll(referrals.referralsAndWaiting());
        tables.addAll(work.hoursPeopleAndClosures());
        if (!questions.isEmpty()) {
            tables.add(feedback.outcomes());
        }
        if (services.stream().anyMatch(svc -> svc.hourThreshold(HourThreshold.Kind.RECORD_REQUESTS_OVER).isPresent())) {
            tables.add(work.requests());
        }
        tables.add(referrals.outOfArea());
        if (!contract.reportSchedule().awarenessKpis().isEmpty()) {
            tables.add(feedback.awareness(awarenessLines));
        }
        ComplaintSheets complaints = new ComplaintSheets(this);
        tables.add(complaints.complaints());
        tables.add(complaints.details());
        // LLR 26.16, 27.3, Appendix One; LEW 17.2: the case studies and summaries the contract asks for, contract-wide.
        CaseStudySheets studies = new CaseStudySheets(this);
        contract.reportSchedule().caseStudies().ifPresent(required -> tables.add(studies.caseStudies(required)));
        if (!contract.reportSchedule().serviceSummaries().isEmpty()) {
            tables.add(studies.serviceSummaries(contract.reportSchedule().serviceSummaries()));
        }
        if (callbackFigures != null) {
            tables.add(feedback.callbacks());
        }
        // LLR 26.17 "Staffing - annual update": with the year's last return.
        if (contract.reportSchedule().staffingUpdate().isPresent() && quarter.quarter() == 4) {
            tables.add(new StaffingSheets(this).staffing());
        }
        if (serviceIndex.containsKey(ServiceCode.CYP)) {
            LewSheets lew = new LewSheets(this);
            tables.add(lew.outputs(kpiLines));
            tables.add(lew.outcomes());
        }
        tables.add(definitions());
        ReturnSummary headline = new ReturnSummary(contract.code(), w.code, w.name, quarter, asAt, version, kpiLines, awarenessLines,
                sum(w.received), sum(w.appropriate), w.peopleQuarter[s].size(), w.peopleYtd[s].size());
        return new AuthorityReturn(w.code, w.name, tables, headline);
    }

    /**
     * The definitions the other sheets name, in {@link CountingRules#definitions()} order: a workbook defines only the
     * figures it has (the LEW workbook has no awareness sessions to define).
     */
    ReturnTable definitions() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        for (Definition definition : CountingRules.definitions()) {
            if (referenced.contains(definition)) {
                rows.add(List.of(text(definition.figure()), text(definition.howCounted()), text(cite(definition.clause()))));
            }
        }
        return new ReturnTable("Definitions", "How each figure is counted", cite("LLR 26.13, 26.17; requirements §10"),
                List.of("Figure", "How it is counted", "Clause"), rows, List.of());
    }

    // ------------------------------------------------------------------ clauses

    /** This contract's part of {@code clauses}, written for every contract that asks for the figure. */
    String cite(String clauses) {
        return Citation.forContract(contract.code(), clauses);
    }

    /** {@code label (clauses)} with this contract's part of {@code clauses}, or the label alone. */
    String label(String label, String clauses) {
        return Citation.label(contract.code(), label, clauses);
    }

    /**
     * {@code own}, a clause from the contract's own file, then this contract's part of {@code more}: one group when both
     * cite the contract ({@code LLR 26.12} and {@code LLR 26.13, 26.17} read {@code LLR 26.12, 26.13, 26.17}).
     */
    String citeAfter(String own, String more) {
        String also = cite(more);
        if (also.isEmpty()) {
            return own;
        }
        return Citation.contracts(own).equals(List.of(contract.code())) ? cite(own + "; " + also) : own + "; " + also;
    }

    // ------------------------------------------------------------------ tables and rows

    /** A sheet citing this contract's part of {@code clauses}, its note naming the definitions the Definitions sheet gives. */
    ReturnTable table(String sheet, String title, String clauses, List<String> headings, List<List<ReturnCell>> rows,
                      Definition... definitions) {
        return laidOut(sheet, title, cite(clauses), headings, rows, definitions);
    }

    /** As {@link #table}, with the clause as shown (already the contract's own). */
    ReturnTable laidOut(String sheet, String title, String clause, List<String> headings, List<List<ReturnCell>> rows,
                        Definition... definitions) {
        referenced.addAll(Arrays.asList(definitions));
        List<String> notes = new ArrayList<>();
        StringBuilder names = new StringBuilder("Definitions: ");
        for (int d = 0; d < definitions.length; d++) {
            names.append(d == 0 ? "" : "; ").append(definitions[d].figure());
        }
        notes.add(names.toString());
        return new ReturnTable(sheet, title, clause, headings, rows, notes);
    }

    List<String> serviceHeadings(String first) {
        List<String> headings = new ArrayList<>();
        headings.add(first);
        services.forEach(service -> headings.add(service.displayName()));
        headings.add("All services");
        return headings;
    }

    List<ReturnCell> serviceRow(String label, long[] counts) {
        List<ReturnCell> row = new ArrayList<>();
        row.add(text(label));
        for (long value : counts) {
            row.add(count(value));
        }
        row.add(count(sum(counts)));
        return row;
    }

    List<ReturnCell> hoursRow(String label, long[] minutes) {
        List<ReturnCell> row = new ArrayList<>();
        row.add(text(label));
        for (long value : minutes) {
            row.add(hoursCell(value));
        }
        row.add(hoursCell(sum(minutes)));
        return row;
    }

    List<ReturnCell> perRow(String label, long[] minutes, long[] divisors) {
        return perRow(label, minutes, divisors, sum(divisors));
    }

    List<ReturnCell> perRow(String label, long[] minutes, long[] divisors, long totalDivisor) {
        List<ReturnCell> row = new ArrayList<>();
        row.add(text(label));
        for (int i = 0; i < s; i++) {
            row.add(decimalOrBlank(QuarterlyReturnBuilder.perPerson(minutes[i], divisors[i])));
        }
        row.add(decimalOrBlank(QuarterlyReturnBuilder.perPerson(sum(minutes), totalDivisor)));
        return row;
    }

    List<ReturnCell> peopleRow(String label, LongSet[] sets) {
        List<ReturnCell> row = new ArrayList<>();
        row.add(text(label));
        for (int i = 0; i <= s; i++) {
            row.add(count(sets[i].size()));
        }
        return row;
    }

    long[] sizes(LongSet[] sets) {
        long[] sizes = new long[s];
        for (int i = 0; i < s; i++) {
            sizes[i] = sets[i].size();
        }
        return sizes;
    }

    // ------------------------------------------------------------------ cells and arithmetic

    static ReturnCell text(String value) {
        return ReturnCell.text(value);
    }

    static ReturnCell count(long value) {
        return ReturnCell.count(value);
    }

    static ReturnCell hoursCell(long minutes) {
        return ReturnCell.decimal(BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP));
    }

    static ReturnCell targetCell(Optional<BigDecimal> target) {
        return target.<ReturnCell>map(t -> text(t.stripTrailingZeros().toPlainString() + "%")).orElse(text("No target"));
    }

    static ReturnCell decimalOrBlank(BigDecimal value) {
        return value == null ? ReturnCell.blank() : ReturnCell.decimal(value);
    }

    static BigDecimal ratio(long numerator, long divisor) {
        return divisor == 0 ? null : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(divisor), 1, RoundingMode.HALF_UP);
    }

    static String percent(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).toPlainString();
    }

    static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    static long[] add(long[] a, long[] b) {
        long[] total = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            total[i] = a[i] + b[i];
        }
        return total;
    }

    static long[] column(long[][] table, int column) {
        long[] values = new long[table.length];
        for (int i = 0; i < table.length; i++) {
            values[i] = table[i][column];
        }
        return values;
    }
}
