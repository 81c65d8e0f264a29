package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReportFixtures.CALENDAR;
import static org.advocacyhub.domain.reports.ReportFixtures.LEW;
import static org.advocacyhub.domain.reports.ReportFixtures.closed;
import static org.advocacyhub.domain.reports.ReportFixtures.eligible;
import static org.advocacyhub.domain.reports.ReportFixtures.meeting;
import static org.advocacyhub.domain.reports.ReportFixtures.person;
import static org.advocacyhub.domain.reports.ReportFixtures.received;
import static org.advocacyhub.domain.reports.ReportFixtures.time;
import static org.advocacyhub.domain.reports.ReportFixtures.withFeedback;
import static org.advocacyhub.domain.reports.Sheets.allText;
import static org.advocacyhub.domain.reports.Sheets.cell;
import static org.advocacyhub.domain.reports.Sheets.count;
import static org.advocacyhub.domain.testing.London.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The LEW workbook's outcomes of LEW Appendix 1 (issue 23): the "Outcomes (LEW)" sheet's numbers (meetings attended,
 * young people referred to the participation forum, young people returning to the service after a closure) and the
 * measures the advocate reports on the Outcomes sheet, against their targets. The quarter is 2026-27 Q3 (October to
 * December 2026).
 */
class QuarterlyReturnBuilderLewOutcomesTest {

    private static final FinancialQuarter Q3 = new FinancialQuarter(2026, 3);
    private static final Instant AS_AT = at("2027-01-08T07:00");
    private static final String SHEET = "Outcomes (LEW)";
    private static final String PATHWAY = "Number of young people supported to contribute to Pathway Plan";
    private static final String LAC = "Number of LAC Review meetings attended with young people";
    private static final String CP = "Number of CP Conferences attended with young people";
    private static final String OTHER = "Number of other meetings attended with young people";
    private static final String FORUM = "Number of young people referred to LB Lewisham participation forum or service";
    private static final String ONCE = "Number of young people returning to the advocacy service once in the year following case closure";
    private static final String TWICE = "Number of young people returning to the advocacy service at least twice in the year following "
            + "case closure";

    private static AuthorityReturn lew(Consumer<QuarterlyReturnBuilder> feed) {
        QuarterlyReturnBuilder builder = new QuarterlyReturnBuilder(LEW, Q3, CALENDAR);
        feed.accept(builder);
        return builder.build(AS_AT, "1.2.3-test").workbook("LEWISHAM");
    }

    private static ReferralCase accepted(Person person, String receivedAt) {
        Instant at = at(receivedAt);
        return eligible(received(ServiceCode.CYP, person, at), at.plusSeconds(3600));
    }

    private static ReferralCase closedOn(ReferralCase c, String at) {
        return closed(c, at(at), ClosureReason.OUTCOME_REACHED);
    }

    private static Person young(String name, LocalDate born) {
        return person(name, born, "LEWISHAM");
    }

    @Test
    @DisplayName("LEW Appendix 1: LAC reviews, CP conferences and other meetings attended are the entries of each dated in the "
            + "quarter; young people supported to contribute to a Pathway Plan are the cases with such a meeting in it")
    void meetingsAttended() {
        ReferralCase alex = accepted(young("Alex Meetings", LocalDate.of(2010, 2, 1)), "2026-09-01T10:00");
        ReferralCase sam = accepted(young("Sam Meetings", LocalDate.of(2009, 3, 1)), "2026-09-02T10:00");
        AuthorityReturn w = lew(b -> {
            b.addCase(alex);
            b.addCase(sam);
            b.addTime(meeting(alex, LocalDate.of(2026, 10, 9), TimeEntry.Meeting.PATHWAY_PLAN, "adv-1"));
            b.addTime(meeting(alex, LocalDate.of(2026, 10, 20), TimeEntry.Meeting.PATHWAY_PLAN, "adv-1"));
            b.addTime(meeting(alex, LocalDate.of(2026, 10, 10), TimeEntry.Meeting.LAC_REVIEW, "adv-1"));
            b.addTime(meeting(alex, LocalDate.of(2026, 11, 1), TimeEntry.Meeting.CP_CONFERENCE, "adv-1"));
            b.addTime(meeting(alex, LocalDate.of(2026, 11, 2), TimeEntry.Meeting.OTHER, "adv-1"));
            b.addTime(meeting(sam, LocalDate.of(2026, 12, 31), TimeEntry.Meeting.OTHER, "adv-2"));
            b.addTime(meeting(sam, LocalDate.of(2026, 12, 1), TimeEntry.Meeting.PATHWAY_PLAN, "adv-2"));
            // Not counted: dated in the previous quarter (the year to date's hours still count them), and a meeting entry
            // that does not say which meeting.
            b.addTime(meeting(sam, LocalDate.of(2026, 9, 30), TimeEntry.Meeting.LAC_REVIEW, "adv-2"));
            b.addTime(meeting(sam, LocalDate.of(2026, 9, 30), TimeEntry.Meeting.CP_CONFERENCE, "adv-2"));
            b.addTime(time(sam, LocalDate.of(2026, 11, 4), 45, TimeEntry.Kind.DIRECT, TimeEntry.Activity.MEETING_ATTENDANCE, "adv-2"));
        });
        ReturnTable sheet = w.sheet(SHEET);
        assertEquals(2, count(sheet, PATHWAY, "Value"), "Alex (two Pathway Plan meetings, one young person) and Sam");
        assertEquals(1, count(sheet, LAC, "Value"), "September's review is the previous quarter's");
        assertEquals(1, count(sheet, CP, "Value"));
        assertEquals(2, count(sheet, OTHER, "Value"), "the entry without its meeting is not counted");
        assertEquals(ReturnCell.text("No target"), cell(sheet, LAC, "Target"), "LEW Appendix 1: N/A");
        assertEquals(ReturnCell.text("LEW Appendix 1"), cell(sheet, PATHWAY, "Clause"));
        // The hours still count every meeting entry of the quarter, with or without its meeting.
        assertEquals(ReturnCell.count(8), cell(w.sheet("Activities"), "Attending a meeting", "Entries"),
                "8 meeting entries dated in the quarter");
    }

    @Test
    @DisplayName("LEW Appendix 1: young people referred to the participation forum are the advocate's yes answers at the "
            + "closures of the quarter; the measures the advocate reports are on the Outcomes sheet against their targets")
    void advocateMeasures() {
        ReferralCase referred = withFeedback(closedOn(accepted(young("Ash Forum", LocalDate.of(2008, 1, 1)), "2026-09-01T10:00"),
                "2026-10-20T10:00"), at("2026-10-20T12:00"), Map.of("referredToParticipation", "true", "advocateUnderstandsRights", "true",
                "positiveOutcome", "true", "listenedTo", "true"));
        ReferralCase notReferred = withFeedback(closedOn(accepted(young("Bo Forum", LocalDate.of(2008, 2, 1)), "2026-09-02T10:00"),
                "2026-11-20T10:00"), at("2026-11-20T12:00"), Map.of("referredToParticipation", "false", "advocateUnderstandsRights", "false",
                "positiveOutcome", "true"));
        // Closed in the previous quarter: its answers are that quarter's.
        ReferralCase earlier = withFeedback(closedOn(accepted(young("Cy Forum", LocalDate.of(2008, 3, 1)), "2026-07-01T10:00"),
                "2026-09-20T10:00"), at("2026-09-20T12:00"), Map.of("referredToParticipation", "true", "advocateUnderstandsRights", "true"));
        AuthorityReturn w = lew(b -> List.of(referred, notReferred, earlier).forEach(b::addCase));

        assertEquals(1, count(w.sheet(SHEET), FORUM, "Value"));
        assertEquals(ReturnCell.text("No target"), cell(w.sheet(SHEET), FORUM, "Target"));

        ReturnTable outcomes = w.sheet("Outcomes");
        assertTrue(outcomes.title().contains("their advocates"), outcomes.title());
        String rights = measure("advocateUnderstandsRights");
        assertTrue(rights.startsWith("Advocate reports"), "the measure says who reported it: " + rights);
        assertEquals(List.of(ReturnCell.text("LEW Appendix 1"), ReturnCell.count(1), ReturnCell.count(2), new ReturnCell.Share(1, 2),
                ReturnCell.text("80%"), ReturnCell.text("Not met")), outcomeRow(outcomes, rights).subList(2, 8),
                "1 of 2 against LEW Appendix 1's 80%");
        assertEquals(List.of(ReturnCell.count(2), ReturnCell.count(2), new ReturnCell.Share(2, 2), ReturnCell.text("100%"),
                ReturnCell.text("Met")), outcomeRow(outcomes, measure("positiveOutcome")).subList(3, 8), "2 of 2 against 100%");
        assertEquals(List.of(ReturnCell.count(0), ReturnCell.count(0), ReturnCell.text("100%"), ReturnCell.text("Nothing to measure")),
                List.of(outcomeRow(outcomes, measure("selfAdvocacyInMeeting")).get(3), outcomeRow(outcomes, measure("selfAdvocacyInMeeting"))
                        .get(4), outcomeRow(outcomes, measure("selfAdvocacyInMeeting")).get(6), outcomeRow(outcomes,
                        measure("selfAdvocacyInMeeting")).get(7)), "self-advocacy in a meeting: 100%, nobody answered");
        String youngPerson = measure("listenedTo");
        assertFalse(youngPerson.startsWith("Advocate"), youngPerson);
        assertEquals(ReturnCell.count(1), outcomeRow(outcomes, youngPerson).get(3), "the young person's answer counts as before");
        // The Summary sets the advocate's measures with a target against it too.
        assertEquals(ReturnCell.count(2), outcomeRow(w.sheet("Summary"), rights).get(4));
    }

    @Test
    @DisplayName("LEW Appendix 1: issues raised by young people are the advocate's yes answers by category at the closures of the "
            + "quarter, a case once a category, with their sum; a closure of another quarter is that quarter's; no target")
    void issuesRaised() {
        ReferralCase twoKinds = withFeedback(closedOn(accepted(young("Ari Issues", LocalDate.of(2008, 1, 1)), "2026-09-01T10:00"),
                "2026-10-20T10:00"), at("2026-10-20T12:00"), Map.of("issuePlacement", "true", "issueContact", "true",
                "issueEducation", "false"));
        ReferralCase oneKind = withFeedback(closedOn(accepted(young("Bea Issues", LocalDate.of(2008, 2, 1)), "2026-09-02T10:00"),
                "2026-12-01T10:00"), at("2026-12-01T12:00"), Map.of("issuePlacement", "true", "issueOther", "false"));
        ReferralCase earlier = withFeedback(closedOn(accepted(young("Cal Issues", LocalDate.of(2008, 3, 1)), "2026-07-01T10:00"),
                "2026-09-20T10:00"), at("2026-09-20T12:00"), Map.of("issuePlacement", "true", "issueHealth", "true"));
        AuthorityReturn w = lew(b -> List.of(twoKinds, oneKind, earlier).forEach(b::addCase));
        ReturnTable sheet = w.sheet(SHEET);
        String prefix = "Count of issues raised by young people: ";
        assertEquals(2, count(sheet, prefix + "Placement or accommodation", "Value"), "Ari and Bea; Cal's closure is September's");
        assertEquals(1, count(sheet, prefix + "Contact with family and friends", "Value"));
        assertEquals(0, count(sheet, prefix + "Education, training or work", "Value"), "a no is not an issue");
        assertEquals(0, count(sheet, prefix + "Health or wellbeing", "Value"));
        assertEquals(3, count(sheet, prefix + "all categories", "Value"));
        assertEquals(ReturnCell.text("No target"), cell(sheet, prefix + "all categories", "Target"), "LEW Appendix 1: N/A");
        // Not outcome measures: no share of them is set against a target on the Outcomes sheet.
        assertTrue(w.sheet("Outcomes").rows().stream().noneMatch(r -> r.get(0) instanceof ReturnCell.Text t
                && t.value().contains("issue")), "issues are counted, not measured");
    }

    @Test
    @DisplayName("LEW Appendix 1: a young person referred in the quarter within a year of an earlier case's closure returns once; "
            + "with two referrals in that year, at least twice; a closure of the previous financial year counts, one over a year "
            + "before does not, nor a return of another quarter; target 0")
    void returningYoungPeople() {
        Person jo = young("Jo Returner", LocalDate.of(2009, 5, 1));
        ReferralCase joFirst = closedOn(accepted(jo, "2026-05-01T10:00"), "2026-08-01T10:00");
        // Same person: the name's case and order aside (PersonKey).
        ReferralCase joBack = received(ServiceCode.CYP, young("RETURNER, Jo", LocalDate.of(2009, 5, 1)), at("2026-10-10T10:00"));

        Person kim = young("Kim Twice", LocalDate.of(2008, 6, 1));
        // Closed in the previous financial year (February 2026): read back a year before the quarter.
        ReferralCase kimFirst = closedOn(accepted(kim, "2025-12-01T10:00"), "2026-02-15T10:00");
        ReferralCase kimSecond = closedOn(accepted(kim, "2026-05-10T10:00"), "2026-06-30T10:00");
        ReferralCase kimThird = accepted(kim, "2026-11-20T10:00");

        Person lee = young("Lee Late", LocalDate.of(2007, 7, 1));
        ReferralCase leeFirst = closedOn(accepted(lee, "2025-06-01T10:00"), "2025-09-01T10:00");
        ReferralCase leeBack = accepted(lee, "2026-10-05T10:00");

        Person max = young("Max Earlier", LocalDate.of(2010, 8, 1));
        ReferralCase maxFirst = closedOn(accepted(max, "2026-04-10T10:00"), "2026-07-01T10:00");
        ReferralCase maxBack = accepted(max, "2026-09-15T10:00");

        Person pat = young("Pat Open", LocalDate.of(2010, 9, 1));
        ReferralCase patOpen = accepted(pat, "2026-10-01T10:00");
        ReferralCase patAgain = received(ServiceCode.CYP, pat, at("2026-10-20T10:00"));

        // Another young person with the same date of birth as Jo is not Jo.
        ReferralCase namesake = accepted(young("Jody Other", LocalDate.of(2009, 5, 1)), "2026-11-01T10:00");

        AuthorityReturn w = lew(b -> List.of(joBack, kimThird, leeBack, maxBack, patAgain, namesake, joFirst, kimFirst, kimSecond, leeFirst,
                maxFirst, patOpen).forEach(b::addCase));
        ReturnTable sheet = w.sheet(SHEET);
        assertEquals(1, count(sheet, ONCE, "Value"), "Jo: back in October, ten weeks after her closure");
        assertEquals(1, count(sheet, TWICE, "Value"), "Kim: back in May and again in November, within a year of February's closure");
        assertEquals(ReturnCell.text("0"), cell(sheet, ONCE, "Target"));
        assertEquals(ReturnCell.text("Not met"), cell(sheet, ONCE, "Result"));
        assertEquals(ReturnCell.text("Not met"), cell(sheet, TWICE, "Result"));

        // Lee (closed more than a year before), Max (back in the previous quarter) and Pat (never closed) are not counted.
        AuthorityReturn none = lew(b -> List.of(leeBack, maxBack, patAgain, leeFirst, maxFirst, patOpen).forEach(b::addCase));
        assertEquals(0, count(none.sheet(SHEET), ONCE, "Value"));
        assertEquals(0, count(none.sheet(SHEET), TWICE, "Value"));
        assertEquals(ReturnCell.text("Met"), cell(none.sheet(SHEET), ONCE, "Result"), "LEW Appendix 1's target is 0");

        // Without the closure of the previous financial year, Kim's November referral follows June's closure only: once.
        AuthorityReturn withoutFebruary = lew(b -> List.of(kimSecond, kimThird).forEach(b::addCase));
        assertEquals(1, count(withoutFebruary.sheet(SHEET), ONCE, "Value"));
        assertEquals(0, count(withoutFebruary.sheet(SHEET), TWICE, "Value"));
    }

    @Test
    @DisplayName("LEW Appendix 1: every row of Outcomes (LEW) cites its clause; the Definitions sheet says how each is counted, "
            + "its limit included; no other contract's return has the sheet")
    void sheetAndDefinitions() {
        AuthorityReturn w = lew(b -> { });
        ReturnTable sheet = w.sheet(SHEET);
        List<String> issues = java.util.stream.Stream.of("Placement or accommodation", "Contact with family and friends",
                "Social worker or personal adviser", "Education, training or work", "Health or wellbeing", "Money or leaving care support",
                "Another kind of issue", "all categories").map(c -> "Count of issues raised by young people: " + c).toList();
        List<String> expected = new java.util.ArrayList<>(List.of(PATHWAY, LAC, CP, OTHER, FORUM));
        expected.addAll(issues);
        expected.addAll(List.of(ONCE, TWICE));
        assertEquals(expected, sheet.rows().stream().map(row -> ((ReturnCell.Text) row.get(0)).value()).toList(),
                "lew.yaml's provisional categories of issues (LEW Appendix 1: 'categories to be confirmed'), then their sum");
        assertTrue(CountingRules.LEW_OUTCOMES.howCounted().contains("a case counts once in each category"), "how issues are counted");
        assertTrue(sheet.rows().stream().allMatch(row -> row.get(1).equals(ReturnCell.text("LEW Appendix 1"))));
        assertTrue(sheet.notes().get(0).contains(CountingRules.LEW_OUTCOMES.figure()), sheet.notes().toString());
        List<String> defined = w.sheet("Definitions").rows().stream().map(row -> ((ReturnCell.Text) row.get(0)).value()).toList();
        assertTrue(defined.contains(CountingRules.LEW_OUTCOMES.figure()), defined.toString());
        assertTrue(CountingRules.LEW_OUTCOMES.howCounted().contains("never accepted is not read"), "the reader's limit is stated");
        assertFalse(allText(sheet).contains("LLR"));
        for (AuthorityReturn other : new QuarterlyReturnBuilder(ReportFixtures.LLR, Q3, CALENDAR).build(AS_AT, "t").workbooks()) {
            assertTrue(other.sheets().stream().noneMatch(s -> s.sheet().equals(SHEET)), other.authorityCode());
        }
        assertEquals(new FinancialQuarter(2025, 3), CountingRules.closuresReadFrom(LEW, Q3), "LEW: closures a year back");
        assertEquals(new FinancialQuarter(2026, 1), CountingRules.closuresReadFrom(ReportFixtures.LLR, Q3), "LLR: the year's");
    }

    private static String measure(String question) {
        FeedbackQuestion q = LEW.feedbackQuestion(question).orElseThrow();
        return q.measure().orElseThrow();
    }

    /** The all-services row of {@code measure} in a sheet laid out Measure, Service, ... */
    private static List<ReturnCell> outcomeRow(ReturnTable sheet, String measure) {
        return sheet.rows().stream().filter(row -> row.get(0).equals(ReturnCell.text(measure))
                        && row.get(1).equals(ReturnCell.text("All services")))
                .findFirst().orElseThrow(() -> new AssertionError(sheet.sheet() + " has no row " + measure));
    }
}
