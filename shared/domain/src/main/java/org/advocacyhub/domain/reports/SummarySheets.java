package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReturnLayout.count;
import static org.advocacyhub.domain.reports.ReturnLayout.decimalOrBlank;
import static org.advocacyhub.domain.reports.ReturnLayout.percent;
import static org.advocacyhub.domain.reports.ReturnLayout.sum;
import static org.advocacyhub.domain.reports.ReturnLayout.targetCell;
import static org.advocacyhub.domain.reports.ReturnLayout.text;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.contract.KpiTarget;
import org.advocacyhub.domain.contract.ReportSchedule;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.reports.CountingRules.Definition;
import org.advocacyhub.domain.reports.ReturnSummary.AwarenessLine;
import org.advocacyhub.domain.reports.ReturnSummary.KpiLine;
import org.advocacyhub.domain.reports.ReturnSummary.Verdict;
import org.advocacyhub.domain.reports.WorkbookCounts.Kpi;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The Summary and KPIs sheets: the headline figures of the quarterly report (LLR 26.12-26.17, LEW
 * 17.2, DERBY 3.7.1), the KPI lines of every service's clocks and of goals achieved, and the
 * awareness-session KPIs judged on the contract's half-year.
 */
final class SummarySheets {

    private static final DateTimeFormatter LONDON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingCalendar.ZONE);

    private final ReturnLayout layout;
    private final WorkbookCounts w;

    SummarySheets(ReturnLayout layout) {
        this.layout = layout;
        this.w = layout.w;
    }

    /** Each service's clock KPIs (with the standard and urgent lines of a clock that has an urgent limit), then its goals KPI. */
    List<KpiLine> kpiLines() {
        List<KpiLine> lines = new ArrayList<>();
        for (int i = 0; i < layout.s; i++) {
            ServiceConfig service = layout.services.get(i);
            for (Kpi kpi : w.kpis) {
                if (kpi.service != i) {
                    continue;
                }
                KpiTarget target = kpi.definition.kpi().orElseThrow();
                String name = switch (kpi.variant) {
                    case ALL -> target.name();
                    case STANDARD -> target.name() + " (standard, " + kpi.definition.rule().describe() + ")";
                    case URGENT -> target.name() + " (urgent, " + kpi.definition.rule(true).describe() + ")";
                };
                long met = kpi.met;
                long resolved = met + kpi.missedAt(layout.asAt);
                lines.add(new KpiLine(name, service.code(), service.displayName(), target.clause() + ", " + kpi.definition.clause(),
                        met, resolved, kpi.carriedAt(layout.asAt), target.targetPercent(), Verdict.of(met, resolved, target.targetPercent())));
            }
            Optional<KpiTarget> goals = layout.contract.reportSchedule().goalsKpi();
            if (goals.isPresent() && service.allocation().allocated()) {
                lines.add(new KpiLine(goals.get().name(), service.code(), service.displayName(), goals.get().clause(), w.goalsAchieved[i],
                        w.goalsMarked[i], 0, goals.get().targetPercent(),
                        Verdict.of(w.goalsAchieved[i], w.goalsMarked[i], goals.get().targetPercent())));
            }
        }
        lines.addAll(allServices(lines));
        return lines;
    }

    /**
     * Each KPI measured in two or more services, over all of them (LLR Appendix One: KPIs 1-4 apply to "All Service
     * Elements"; a council reads its figure as well as each service's): met, resolved and carried forward summed.
     */
    private static List<KpiLine> allServices(List<KpiLine> perService) {
        java.util.Map<String, List<KpiLine>> byName = new java.util.LinkedHashMap<>();
        perService.forEach(line -> byName.computeIfAbsent(line.name(), name -> new ArrayList<>()).add(line));
        List<KpiLine> all = new ArrayList<>();
        byName.forEach((name, lines) -> {
            if (lines.size() < 2) {
                return;
            }
            long met = lines.stream().mapToLong(KpiLine::numerator).sum();
            long resolved = lines.stream().mapToLong(KpiLine::denominator).sum();
            long carried = lines.stream().mapToLong(KpiLine::carriedForward).sum();
            Optional<BigDecimal> target = lines.get(0).targetPercent();
            all.add(new KpiLine(name, null, "All services", lines.get(0).clause(), met, resolved, carried, target,
                    Verdict.of(met, resolved, target)));
        });
        return all;
    }

    /** The awareness-session KPIs, met on the sessions held contract-wide in the half-year. */
    List<AwarenessLine> awarenessLines() {
        List<AwarenessLine> lines = new ArrayList<>();
        for (ReportSchedule.AwarenessKpi kpi : layout.contract.reportSchedule().awarenessKpis()) {
            long held = layout.records.awarenessContract[kpi.setting().ordinal()];
            lines.add(new AwarenessLine(kpi.name(), kpi.setting(), kpi.clause(), w.awarenessHalfYear[kpi.setting().ordinal()], held,
                    kpi.perHalfYear(), held >= kpi.perHalfYear() ? Verdict.MET : Verdict.NOT_MET));
        }
        return lines;
    }

    ReturnTable summary(List<KpiLine> kpiLines, List<AwarenessLine> awarenessLines) {
        List<String> headings = List.of("Figure", "Service", "Clause", "Value", "Out of", "Share", "Target", "Result");
        List<List<ReturnCell>> rows = new ArrayList<>();
        // The period the contract's own reporting clause asks for (LLR 26.12, LEW 17.3, DERBY 3.7.1).
        rows.add(info(ReturnTable.PERIOD, layout.quarter.name() + ": " + layout.quarter.firstDay() + " to " + layout.quarter.lastDay(),
                layout.contract.reportSchedule().clause()));
        rows.add(info(ReturnTable.AUTHORITY, w.name, layout.cite("LLR 7.38, 15.1")));
        rows.add(info(ReturnTable.GENERATED, LONDON_TIME.format(layout.asAt), layout.cite(CountingRules.GENERATED.clause())));
        rows.add(info(ReturnTable.SOFTWARE_VERSION, layout.version, layout.cite(CountingRules.GENERATED.clause())));
        for (KpiLine line : kpiLines) {
            rows.add(List.of(text(line.name()), text(line.serviceName()), text(line.clause()), count(line.numerator()),
                    count(line.denominator()), ReturnCell.share(line.numerator(), line.denominator()), targetCell(line.targetPercent()),
                    text(line.verdict().text())));
        }
        // The outcome measures with a target, for all services (LLR Appendix One outcomes 1-11, LEW Appendix 1); the
        // Outcomes sheet has each service's.
        for (FeedbackSheets.OutcomeLine line : new FeedbackSheets(layout).outcomeLines(false)) {
            if (line.target().isPresent()) {
                rows.add(List.of(text(line.measure()), text(line.serviceName()), text(line.clause()), count(line.positive()),
                        count(line.answered()), ReturnCell.share(line.positive(), line.answered()), targetCell(line.target()),
                        text(line.verdict().text())));
            }
        }
        for (AwarenessLine line : awarenessLines) {
            rows.add(List.of(text(line.name() + ": sessions in the half-year (contract)"), text("All services"), text(line.clause()),
                    count(line.heldContract()), ReturnCell.blank(), ReturnCell.blank(), text("At least " + line.perHalfYear()),
                    text(line.verdict().text())));
        }
        String peopleClause = layout.cite(CountingRules.PEOPLE_SUPPORTED.clause());
        for (int i = 0; i <= layout.s; i++) {
            String serviceName = i == layout.s ? "All services" : layout.services.get(i).displayName();
            rows.add(List.of(text("People supported in the quarter"), text(serviceName), text(peopleClause),
                    count(w.peopleQuarter[i].size()), ReturnCell.blank(), ReturnCell.blank(), ReturnCell.blank(),
                    ReturnCell.blank()));
            Optional<Integer> minimum = i == layout.s ? Optional.empty() : layout.services.get(i).annualTargets()
                    .filter(t -> t.uniquePersonsMinimum().isPresent()).map(t -> t.uniquePersonsMinimum().getAsInt());
            long ytd = w.peopleYtd[i].size();
            rows.add(List.of(text("People supported in the year to date"), text(serviceName), text(peopleClause), count(ytd),
                    minimum.<ReturnCell>map(m -> count(m)).orElse(ReturnCell.blank()),
                    ReturnCell.blank(), minimum.<ReturnCell>map(m -> text("At least " + m + " a year")).orElse(ReturnCell.blank()),
                    minimum.<ReturnCell>map(m -> text(percent(ytd, m) + "% of the annual minimum so far"))
                            .orElse(ReturnCell.blank())));
            if (i < layout.s) {
                Optional<BigDecimal> guide = layout.services.get(i).annualTargets().flatMap(t -> t.guideHoursPerPerson());
                if (guide.isPresent()) {
                    // LLR 4.5: the guide hours per person; no other contract gives one.
                    rows.add(List.of(text("Hours per person in the year to date"), text(serviceName), text(layout.cite("LLR 4.5")),
                            decimalOrBlank(QuarterlyReturnBuilder.perPerson(w.minutesYtd[i], ytd)), ReturnCell.blank(),
                            ReturnCell.blank(), text("Guide " + guide.get().stripTrailingZeros().toPlainString() + " hours"),
                            ReturnCell.blank()));
                }
            }
        }
        rows.add(List.of(text("Referrals received"), text("All services"), text(layout.cite(CountingRules.REFERRALS_RECEIVED.clause())),
                count(sum(w.received)), ReturnCell.blank(), ReturnCell.blank(), ReturnCell.blank(), ReturnCell.blank()));
        rows.add(List.of(text("Appropriate referrals"), text("All services"), text(layout.cite(CountingRules.APPROPRIATE_REFERRALS.clause())),
                count(sum(w.appropriate)), count(sum(w.received)), ReturnCell.share(sum(w.appropriate), sum(w.received)),
                ReturnCell.blank(), ReturnCell.blank()));
        // The contract's reporting clause, then what else asks for these figures: LLR 26.13 the workbook, 26.17 its contents;
        // LEW 17.2 the quarterly performance report.
        return layout.laidOut("Summary", layout.contract.name() + ": quarterly return " + layout.quarter.name() + ", " + w.name,
                layout.citeAfter(layout.contract.reportSchedule().clause(), "LLR 26.13, 26.17; LEW 17.2"),
                headings, rows, definitions(CountingRules.KPI_CLOCKS, goalsKpi(), layout.questions.isEmpty() ? null : CountingRules.OUTCOMES,
                        CountingRules.PEOPLE_SUPPORTED,
                        awareness() ? CountingRules.AWARENESS : null, CountingRules.GENERATED));
    }

    /** The goals KPI's definition when the contract has the KPI (LLR Appendix One KPI 4), else null. */
    private Definition goalsKpi() {
        return layout.contract.reportSchedule().goalsKpi().isPresent() ? CountingRules.GOALS_KPI : null;
    }

    private boolean awareness() {
        return !layout.contract.reportSchedule().awarenessKpis().isEmpty();
    }

    /** The definitions given, less the nulls: the figures this contract does not have. */
    private static Definition[] definitions(Definition... definitions) {
        return Arrays.stream(definitions).filter(Objects::nonNull).toArray(Definition[]::new);
    }

    private static List<ReturnCell> info(String figure, String value, String clause) {
        return List.of(text(figure), text(value), text(clause), ReturnCell.blank(), ReturnCell.blank(), ReturnCell.blank(),
                ReturnCell.blank(), ReturnCell.blank());
    }

    ReturnTable kpis(List<KpiLine> kpiLines) {
        List<List<ReturnCell>> rows = new ArrayList<>();
        for (KpiLine line : kpiLines) {
            rows.add(List.of(text(line.name()), text(line.serviceName()), text(line.clause()), count(line.numerator()),
                    count(line.denominator() - line.numerator()), ReturnCell.share(line.numerator(), line.denominator()),
                    count(line.carriedForward()), targetCell(line.targetPercent()), text(line.verdict().text())));
        }
        // The standard and urgent lines are defined only where a KPI clock has an urgent limit of its own (DERBY 3.3.1).
        boolean urgentSplit = layout.services.stream().flatMap(service -> service.clocks().stream())
                .anyMatch(clock -> clock.kpi().isPresent() && WorkbookCounts.hasUrgentSplit(clock));
        return layout.table("KPIs", "Key performance indicators: clocks resolved in the quarter",
                "LLR Appendix One; LEW Appendix 1; DERBY 3.7.1",
                List.of("KPI", "Service", "Clause", "Met", "Missed", "Share met", "Carried forward", "Target", "Result"), rows,
                definitions(CountingRules.KPI_CLOCKS, urgentSplit ? CountingRules.URGENT_SPLIT : null, goalsKpi()));
    }
}
