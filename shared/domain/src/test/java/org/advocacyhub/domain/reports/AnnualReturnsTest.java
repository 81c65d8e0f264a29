package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReportFixtures.CALENDAR;
import static org.advocacyhub.domain.reports.ReportFixtures.DERBY;
import static org.advocacyhub.domain.reports.ReportFixtures.LEW;
import static org.advocacyhub.domain.reports.ReportFixtures.LLR;
import static org.advocacyhub.domain.reports.ReportFixtures.closed;
import static org.advocacyhub.domain.reports.ReportFixtures.eligible;
import static org.advocacyhub.domain.reports.ReportFixtures.person;
import static org.advocacyhub.domain.reports.ReportFixtures.received;
import static org.advocacyhub.domain.reports.ReportFixtures.withFeedback;
import static org.advocacyhub.domain.reports.Sheets.cell;
import static org.advocacyhub.domain.reports.Sheets.count;
import static org.advocacyhub.domain.testing.London.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.domain.casestudy.ServiceSummary;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ReportSchedule;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.staff.Qualification;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.staff.StaffRole;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The annual return (issue 23: LLR 27.4, Appendix One "Annual Return", 26.4). */
class AnnualReturnsTest {

    private static final FinancialQuarter Q4 = new FinancialQuarter(2026, 4);
    private static final Instant AS_AT = at("2027-04-08T09:30");
    private static final ReportSchedule.AnnualReturn ANNUAL = LLR.reportSchedule().annualReturn().orElseThrow();
    private static final String IMCA = "Independent Mental Capacity Advocacy (IMCA)";

    @Test
    @DisplayName("LLR 27.4 '31st April' is due at the end of 30 April London time, after the financial year it covers")
    void dueOnTheLastDayOfApril() {
        assertEquals(LocalDate.of(2027, 4, 30), AnnualReturns.dueDate(ANNUAL, 2026));
        assertEquals(Instant.parse("2027-04-30T23:00:00Z"), AnnualReturns.dueBy(ANNUAL, 2026), "midnight London (summer time)");
        assertEquals(new FinancialQuarter(2026, 4), AnnualReturns.storedIn(2026));
        assertEquals(LocalDate.of(2026, 4, 1), AnnualReturns.year(2026).firstDay());
        assertEquals(LocalDate.of(2027, 3, 31), AnnualReturns.year(2026).lastDay());
    }

    @Test
    @DisplayName("LLR 27.4: in a leap year still 30 April, and a 30 April on a Sunday is not moved (a date, not working days)")
    void leapYearAndWeekend() {
        LocalDate due = AnnualReturns.dueDate(ANNUAL, 2027);
        assertEquals(LocalDate.of(2028, 4, 30), due, "the year to 31 March 2028 has 29 February");
        assertEquals(DayOfWeek.SUNDAY, due.getDayOfWeek());
        assertEquals(Instant.parse("2028-04-30T23:00:00Z"), AnnualReturns.dueBy(ANNUAL, 2027));
        ReportSchedule.AnnualReturn february31 = new ReportSchedule.AnnualReturn("LEICESTERSHIRE", 2, 31, "LLR 27.4", List.of(), List.of());
        assertEquals(LocalDate.of(2028, 2, 29), AnnualReturns.dueDate(february31, 2026), "a day past its month's end is the "
                + "month's last day, 29 February in a leap year; the first February after the year ends");
        assertEquals(LocalDate.of(2029, 2, 28), AnnualReturns.dueDate(february31, 2027));
    }

    @Test
    @DisplayName("LLR 27.4, Appendix One: the LLR contract asks for the six items and 26.4's budget, to Leicestershire; LEW and "
            + "DERBY ask for no annual return")
    void configured() {
        assertEquals("LEICESTERSHIRE", ANNUAL.authority());
        assertEquals(List.of("achievement", "consultation", "developments", "improvements", "qpm", "qualifications"),
                ANNUAL.items().stream().map(ReportSchedule.ServiceSummary::id).toList());
        assertTrue(ANNUAL.items().stream().allMatch(item -> item.clause().startsWith("LLR 27.4, Appendix One Annual Return ")));
        assertEquals("LLR 26.4", ANNUAL.notHeld().get(0).clause());
        assertTrue(LEW.reportSchedule().annualReturn().isEmpty());
        assertTrue(DERBY.reportSchedule().annualReturn().isEmpty());
        assertTrue(AnnualReturns.dueWith(LLR, Q4));
        assertFalse(AnnualReturns.dueWith(LLR, new FinancialQuarter(2026, 3)));
        assertFalse(AnnualReturns.dueWith(LEW, Q4));
    }

    private static ServiceSummary item(String id, String text, boolean notCompleted) {
        return ServiceSummary.written(null, "LLR", Q4, id, text, notCompleted, "mia-manager", AS_AT);
    }

    @Test
    @DisplayName("The duty managers' reminder after Q4 names each annual item not written; one stated not completed is not missing")
    void missingItems() {
        List<String> lines = AnnualReturns.missing(LLR, Q4, List.of(item("achievement", "We did well", false),
                item("qpm", null, true)));
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("Annual return item not written (due with this return, and by 30 April 2027): "
                + "Annual consultation"), lines.get(0));
        assertEquals(List.of(), AnnualReturns.missing(LLR, new FinancialQuarter(2026, 3), List.of()), "only after a fourth quarter");
        assertEquals(List.of(), AnnualReturns.missing(LEW, Q4, List.of()));
    }

    private static StaffRecord staff(String id, StaffRole role, Map<Qualification, LocalDate> held) {
        return new StaffRecord(id, "Staff " + id, id + "@hub.example", role, true, Set.of("LLR"), Set.of(ServiceCode.IMCA), List.of(),
                Set.of(), held, LocalDate.of(2020, 1, 1), null, null, Set.of(), StaffRecord.Experience.NONE);
    }

    private static AnnualReturnWorkbook annualReturn() {
        QuarterlyReturnBuilder builder = new QuarterlyReturnBuilder(LLR, Q4, CALENDAR);
        // Leicestershire: one person supported from May to June only, one from December to February, closed with all "yes".
        Map<String, String> yes = new java.util.HashMap<>();
        LLR.feedback().forEach(q -> yes.put(q.id(), q.answer() == org.advocacyhub.domain.contract.FeedbackQuestion.AnswerKind.YES_NO
                ? "true" : q.answer() == org.advocacyhub.domain.contract.FeedbackQuestion.AnswerKind.SCALE_1_TO_5 ? "5" : "Thanks"));
        ReferralCase early = closed(withFeedback(eligible(received(ServiceCode.IMCA, person("LEICESTERSHIRE"), at("2026-05-04T10:00")),
                at("2026-05-04T11:00")), at("2026-06-20T10:00"), yes), at("2026-06-20T10:00"), ClosureReason.OUTCOME_REACHED);
        ReferralCase late = eligible(received(ServiceCode.IMCA, person("LEICESTERSHIRE"), at("2026-12-10T10:00")),
                at("2026-12-10T11:00"));
        late = closed(late, at("2027-02-10T10:00"), ClosureReason.OUTCOME_REACHED);
        ReferralCase rutland = eligible(received(ServiceCode.IMCA, person("RUTLAND"), at("2026-08-10T10:00")), at("2026-08-10T11:00"));
        List.of(early, late, rutland).forEach(builder::addCase);
        builder.addServiceSummary(item("achievement", "The service met most of its outcomes this year.", false));
        builder.addServiceSummary(item("qpm", null, true));
        builder.addServiceSummary(ServiceSummary.written(null, "LLR", Q4, "trends", "Quarterly trends", false, "mia", AS_AT));
        assertTrue(builder.staffingDue(), "item 6 needs the staff directory");
        builder.addStaff(staff("adv", StaffRole.ADVOCATE, Map.of(Qualification.NQIA_LEVEL_3, LocalDate.of(2021, 5, 1),
                Qualification.UNIT_305_IMCA, LocalDate.of(2026, 6, 1))));
        builder.addStaff(staff("mgr", StaffRole.MANAGER, Map.of(Qualification.NQIA_LEVEL_3, LocalDate.of(2019, 5, 1))));
        return builder.buildAnnualReturn(AS_AT, "1.2.3-test").orElseThrow();
    }

    @Test
    @DisplayName("Appendix One Annual Return: the six items as written, 'Not completed this year' when stated or not written, "
            + "and LLR 26.4's budget as not held by the hub")
    void itemsSheet() {
        AnnualReturnWorkbook book = annualReturn();
        assertEquals("LEICESTERSHIRE", book.authorityCode());
        assertEquals("LEICESTERSHIRE-ANNUAL", book.code());
        assertEquals(2026, book.financialYear());
        ReturnTable items = book.sheets().get(0);
        assertEquals("Annual return", items.sheet());
        assertEquals("Annual return to Leicestershire County Council, financial year April 2026 to March 2027, due by 30 April 2027",
                items.title());
        assertEquals(7, items.rows().size(), "six items and the budget");
        assertEquals(ReturnCell.text("The service met most of its outcomes this year."), items.rows().get(0).get(3));
        for (int row = 1; row < 6; row++) {
            assertEquals(ReturnCell.text(AnnualReturns.NOT_COMPLETED), items.rows().get(row).get(3), "row " + row);
        }
        assertEquals(ReturnCell.text("Not held by the hub: the provider's finance records"), items.rows().get(6).get(3));
        assertEquals(ReturnCell.text("LLR 26.4"), items.rows().get(6).get(2));
        assertFalse(Sheets.allText(items).contains("Quarterly trends"), "a quarterly summary is not an annual item");
    }

    @Test
    @DisplayName("Item 1's figures: people supported each quarter and in the year per council, outcomes of the year's closures")
    void yearsFigures() {
        AnnualReturnWorkbook book = annualReturn();
        ReturnTable people = book.sheet("People supported (year)");
        assertEquals(1, count(people, "Leicestershire County Council: April 2026 to June 2026", IMCA));
        assertEquals(0, count(people, "Leicestershire County Council: July 2026 to September 2026", IMCA));
        assertEquals(1, count(people, "Leicestershire County Council: October 2026 to December 2026", IMCA));
        assertEquals(1, count(people, "Leicestershire County Council: January 2027 to March 2027", IMCA));
        assertEquals(2, count(people, "Leicestershire County Council: the year", "All services"));
        assertEquals(1, count(people, "Rutland County Council: the year", IMCA));
        ReturnTable outcomes = book.sheet("Outcomes (year)");
        String first = "Outcome 1: People have access to appropriate information in respect of advocacy services";
        List<List<ReturnCell>> imca = outcomes.rows().stream().filter(r -> r.get(0).equals(ReturnCell.text(first))
                && r.get(1).equals(ReturnCell.text(IMCA))).toList();
        assertEquals(ReturnCell.count(1), imca.get(0).get(3), "closed in June, in the year though not in the fourth quarter");
        assertEquals(ReturnCell.count(1), imca.get(0).get(4));
    }

    @Test
    @DisplayName("Item 6: the staff's qualifications at the year's end and achieved in it, from the directory, with the staffing update")
    void qualifications() {
        AnnualReturnWorkbook book = annualReturn();
        ReturnTable qualifications = book.sheet("Qualifications");
        String level3 = Qualification.NQIA_LEVEL_3.displayName();
        assertEquals(1, count(qualifications, level3, "Advocates holding it"));
        assertEquals(1, count(qualifications, level3, "Managers holding it"));
        assertEquals(0, count(qualifications, level3, "Achieved in the year"));
        assertEquals(1, count(qualifications, Qualification.UNIT_305_IMCA.displayName(), "Achieved in the year"));
        assertEquals(ReturnCell.text(StaffingSheets.NOT_HELD), cell(qualifications, "Other training courses undertaken",
                "Advocates holding it"));
        assertEquals(1, count(book.sheet("Staffing (annual)"), "Of them, advocates", "Value"));
        assertEquals("Definitions", book.sheets().get(book.sheets().size() - 1).sheet());
    }

    @Test
    @DisplayName("Every clause the annual return shows is LLR's: the sheets' and each cell that cites one")
    void citesOnlyLlr() {
        List<String> clauses = new ArrayList<>();
        for (ReturnTable table : annualReturn().sheets()) {
            clauses.add(table.clause());
            int column = table.headings().indexOf("Clause");
            if (column >= 0) {
                table.rows().stream().map(row -> ((ReturnCell.Text) row.get(column)).value()).filter(v -> !v.isEmpty())
                        .forEach(clauses::add);
            }
        }
        assertTrue(clauses.size() > 20);
        for (String clause : clauses) {
            assertEquals(List.of("LLR"), Citation.contracts(clause), clause);
            assertFalse(clause.contains("requirements"), clause);
        }
    }

    @Test
    @DisplayName("No annual return with a third quarter's report, nor with LEW's fourth")
    void onlyWithTheFourthQuarter() {
        assertTrue(new QuarterlyReturnBuilder(LLR, new FinancialQuarter(2026, 3), CALENDAR).buildAnnualReturn(AS_AT, "t").isEmpty());
        assertTrue(new QuarterlyReturnBuilder(LEW, Q4, CALENDAR).buildAnnualReturn(AS_AT, "t").isEmpty());
    }
}
