package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReturnLayout.count;
import static org.advocacyhub.domain.reports.ReturnLayout.sum;
import static org.advocacyhub.domain.reports.ReturnLayout.text;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.domain.casestudy.ServiceSummary;
import org.advocacyhub.domain.contract.Authority;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.contract.ReportSchedule;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The annual return's sheets (issue 23: LLR 27.4, Appendix One "Annual Return" 1-6, 26.4), laid out on the fourth quarter's
 * {@link ReturnLayout} of the authority it goes to: the items as written (or "Not completed this year"), with the budget the
 * hub does not hold said so; the year's people supported by quarter and council, and the outcome measures of the year, for
 * item 1; the staffing update and qualifications from the staff directory for item 6 ({@link StaffingSheets}); the
 * Definitions. Every clause shown is the contract's own ({@link ReturnLayout#cite}).
 */
final class AnnualReturnSheets {

    static final String ITEMS = "Annual return";
    static final String PEOPLE = "People supported (year)";
    static final String OUTCOMES = "Outcomes (year)";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final ReturnLayout layout;
    private final ReportSchedule.AnnualReturn annual;
    private final AnnualFigures figures;
    private final Map<String, String> councils;

    /** {@code councils}: each workbook's code and name, in the contract's order. */
    AnnualReturnSheets(ReturnLayout layout, ReportSchedule.AnnualReturn annual, AnnualFigures figures, Map<String, String> councils) {
        this.layout = layout;
        this.annual = annual;
        this.figures = figures;
        this.councils = councils;
    }

    AnnualReturnWorkbook workbook(Authority to) {
        int year = layout.quarter.financialYear();
        List<ReturnTable> sheets = new ArrayList<>();
        sheets.add(items(to, year));
        sheets.add(people());
        if (!layout.questions.isEmpty()) {
            sheets.add(outcomes());
        }
        StaffingSheets staffing = new StaffingSheets(layout);
        sheets.add(staffing.staffing());
        sheets.add(staffing.qualifications());
        // The Definitions sheet cites the contract's own clauses only, as every cell of the return does.
        ReturnTable definitions = layout.definitions();
        sheets.add(new ReturnTable(definitions.sheet(), definitions.title(), layout.cite(annual.clause() + ", 26.13"),
                definitions.headings(), definitions.rows(), definitions.notes()));
        return new AnnualReturnWorkbook(AnnualReturns.workbookCode(annual), to.code(), to.name(), year, sheets);
    }

    /** Items 1-6 as the manager wrote them for the year, or "Not completed this year"; then what the hub does not hold. */
    private ReturnTable items(Authority to, int year) {
        List<List<ReturnCell>> rows = new ArrayList<>();
        int number = 0;
        for (ReportSchedule.ServiceSummary item : annual.items()) {
            Optional<ServiceSummary> written = layout.records.serviceSummaries.stream()
                    .filter(s -> s.quarter().equals(AnnualReturns.storedIn(year)) && s.summary().equals(item.id())).findFirst();
            // Appendix One D: an item not done in the year (stated, or not written) reads as not completed.
            String said = written.filter(s -> !s.notCompleted()).map(s -> ComplaintSheets.plain(s.text()))
                    .orElse(AnnualReturns.NOT_COMPLETED);
            rows.add(List.of(count(++number), text(item.title()), text(layout.cite(item.clause())), text(said)));
        }
        for (ReportSchedule.NotHeld part : annual.notHeld()) {
            rows.add(List.of(ReturnCell.blank(), text(part.title()), text(layout.cite(part.clause())),
                    text("Not held by the hub: " + part.heldIn())));
        }
        String title = "Annual return to " + to.name() + ", financial year " + AnnualReturns.yearName(year) + ", due by "
                + AnnualReturns.UkDay.of(AnnualReturns.dueDate(annual, year));
        ReturnTable table = layout.table(ITEMS, title, annual.clause() + ", Appendix One, 26.4", List.of("No.", "Annual return "
                + "information", "Clause", "For the year"), rows, CountingRules.ANNUAL_ITEMS);
        List<String> notes = new ArrayList<>(table.notes());
        notes.add("Generated " + layout.asAt.atZone(WorkingCalendar.ZONE).format(WHEN) + " (London time), software version "
                + layout.version + ". The year's figures for item 1 and the staff's qualifications for item 6 are on the sheets "
                + "that follow.");
        return new ReturnTable(table.sheet(), table.title(), table.clause(), table.headings(), table.rows(), notes);
    }

    /** Item 1's figures: the people supported in each quarter and in the year, per council and service. */
    private ReturnTable people() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
        councils.forEach((code, name) -> {
            LongSet[][] sets = figures.people(code);
            for (int q = 0; q < 4; q++) {
                rows.add(layout.peopleRow(name + ": " + figures.quarters[q].firstDay().format(month) + " to "
                        + figures.quarters[q].lastDay().format(month), sets[q]));
            }
            rows.add(layout.peopleRow(name + ": the year", sets[4]));
        });
        return layout.table(PEOPLE, "People supported in each quarter and in the year, by council and service",
                "LLR 27.4, Appendix One Annual Return 1, 26.17, 15.1", layout.serviceHeadings("Council and period"), rows,
                CountingRules.ANNUAL_PEOPLE);
    }

    /** Item 1's outcomes: each outcome measure over the cases closed in the year, per service and for all (contract-wide). */
    private ReturnTable outcomes() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        for (int q = 0; q < layout.questions.size(); q++) {
            FeedbackQuestion question = layout.questions.get(q);
            String measure = question.measure().orElse(question.text());
            for (int i = 0; i <= layout.s; i++) {
                long positive = i < layout.s ? figures.positive[q][i] : sum(figures.positive[q]);
                long answered = i < layout.s ? figures.answered[q][i] : sum(figures.answered[q]);
                rows.add(List.of(text(measure), text(i < layout.s ? layout.services.get(i).displayName() : "All services"),
                        text(layout.cite(question.clause())), count(positive), count(answered), ReturnCell.share(positive, answered),
                        ReturnLayout.targetCell(question.targetPercent()),
                        text(ReturnSummary.Verdict.of(positive, answered, question.targetPercent()).text())));
            }
        }
        return layout.table(OUTCOMES, "Outcomes people reported at closure in the year, against the contract's targets "
                        + "(every council)", "LLR 27.4, Appendix One Annual Return 1, Appendix One",
                List.of("Measure", "Service", "Clause", "Positive", "Answered", "Share positive", "Target", "Result"), rows,
                CountingRules.ANNUAL_OUTCOMES);
    }
}
