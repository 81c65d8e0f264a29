package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReportFixtures.LEW;
import static org.advocacyhub.domain.reports.ReportFixtures.LLR;
import static org.advocacyhub.domain.reports.ReportFixtures.closed;
import static org.advocacyhub.domain.reports.ReportFixtures.eligible;
import static org.advocacyhub.domain.reports.ReportFixtures.person;
import static org.advocacyhub.domain.reports.ReportFixtures.received;
import static org.advocacyhub.domain.reports.ReportFixtures.time;
import static org.advocacyhub.domain.reports.ReportFixtures.withHours;
import static org.advocacyhub.domain.reports.ReportFixtures.withRequest;
import static org.advocacyhub.domain.reports.Sheets.cell;
import static org.advocacyhub.domain.testing.London.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.CypReturn;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.questions.CypReason;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LEW 17.5: the restricted caseload list, with the young person's details, for managers only. */
class CaseloadListTest {

    private static final FinancialQuarter Q3 = new FinancialQuarter(2026, 3);

    @Test
    @DisplayName("LEW 17.5: each case open in the quarter, with initials, date of birth, age, group, reasons, hours and outcome if closed")
    void caseload() {
        ReferralCase open = withHours(eligible(received(ServiceCode.CYP, person("Jo Young", LocalDate.of(2010, 3, 4), "LEWISHAM"),
                at("2026-10-05T10:00"), Urgency.STANDARD, ReferralSource.SELF, Map.of("cypStatus", "LOOKED_AFTER", "cypReason",
                        "FORMAL_MEETING")), at("2026-10-05T11:00")), 300, 60);
        ReferralCase done = closed(eligible(received(ServiceCode.CYP, person("Kim Other", LocalDate.of(2009, 1, 1), "OTHER"),
                at("2026-07-05T10:00")), at("2026-07-05T11:00")), at("2026-11-05T10:00"), ClosureReason.SELF_ADVOCATING);
        ReferralCase closedBefore = closed(eligible(received(ServiceCode.CYP, person("LEWISHAM"), at("2026-05-05T10:00")),
                at("2026-05-05T11:00")), at("2026-06-05T10:00"), ClosureReason.OUTCOME_REACHED);
        open = open.worked(open.status(), open.clocks(), open.work().withCypReturn(new CypReturn(CypReturn.Group.LAC,
                CypReason.FORMAL_MEETING, null, new CypReturn.Caseload("Sam Worker", false, CypReturn.LegalStatus.CARE_ORDER,
                "To be heard at the review", "Met twice; attended the review", new BigDecimal("2.5")))));
        CaseloadList list = new CaseloadList(LEW, Q3);
        List.of(open, done, closedBefore).forEach(list::addCase);
        list.addTime(time(open, LocalDate.of(2026, 10, 6), 90, TimeEntry.Kind.DIRECT, TimeEntry.Activity.FACE_TO_FACE, "adv-1"));
        list.addTime(time(open, LocalDate.of(2026, 9, 6), 30, TimeEntry.Kind.DIRECT, TimeEntry.Activity.FACE_TO_FACE, "adv-1"));
        list.addTime(time(open, LocalDate.of(2026, 10, 7), 45, TimeEntry.Kind.INDIRECT, TimeEntry.Activity.TRAVEL, "adv-1"));
        assertEquals(List.of("LEWISHAM"), list.workbooks(), "LEW's one council");
        List<ReturnTable> tables = list.build("LEWISHAM");
        assertEquals(1, tables.size(), "LEW records no requests over 20 hours");
        ReturnTable caseload = tables.get(0);
        assertEquals(2, caseload.rows().size(), "the case closed in Q1 is not in Q3's caseload");
        String ref = open.reference().value();
        assertEquals(ReturnCell.text("JY"), cell(caseload, ref, "Initials"));
        assertEquals(ReturnCell.text("2010-03-04"), cell(caseload, ref, "Date of birth"));
        assertEquals(ReturnCell.count(16), cell(caseload, ref, "Age at quarter end"));
        assertEquals(ReturnCell.text("Looked-after child"), cell(caseload, ref, "Service (group)"));
        assertEquals(ReturnCell.text("In borough"), cell(caseload, ref, "Location"));
        assertEquals(ReturnCell.decimal(new BigDecimal("2.25")), cell(caseload, ref, "Hours in quarter"));
        assertEquals(ReturnCell.decimal(new BigDecimal("1.50")), cell(caseload, ref, "Advocacy hours in quarter"));
        assertEquals(ReturnCell.decimal(new BigDecimal("0.75")), cell(caseload, ref, "Travel hours in quarter"), "LEW 17.5: travel");
        assertEquals(ReturnCell.decimal(new BigDecimal("6.00")), cell(caseload, ref, "Total hours (cumulative)"));
        // LEW 17.5's fields the referral does not give, as staff recorded them.
        assertEquals(List.of("Sam Worker", "No", "Care order (section 31)", "To be heard at the review", "Met twice; attended the review"),
                List.of(cell(caseload, ref, "Social worker"), cell(caseload, ref, "Asylum seeker"), cell(caseload, ref, "Legal status"),
                        cell(caseload, ref, "Outcomes sought"), cell(caseload, ref, "Summary of work undertaken")).stream()
                        .map(c -> ((ReturnCell.Text) c).value()).toList());
        assertEquals(ReturnCell.decimal(new BigDecimal("2.5")), cell(caseload, ref, "Estimated hours until closure"));
        assertEquals(ReturnCell.text("Not given"), cell(caseload, done.reference().value(), "Legal status"), "not recorded");
        assertEquals(ReturnCell.text(""), cell(caseload, ref, "Outcome (if closed)"));
        String doneRef = done.reference().value();
        assertEquals(ReturnCell.text("Out of borough"), cell(caseload, doneRef, "Location"));
        assertEquals(ReturnCell.text("The person can now advocate for themselves"), cell(caseload, doneRef, "Outcome (if closed)"));
    }

    @Test
    @DisplayName("Issue 23: each LLR council's restricted list holds only its own people's requests over 20 hours, and a council with none has no list")
    void perCouncil() {
        ReferralCase rutland = withRequest(eligible(received(ServiceCode.IMCA, person("Rue Tland", LocalDate.of(1950, 1, 1), "RUTLAND"),
                at("2026-10-05T10:00")), at("2026-10-05T11:00")), "5", "A Court of Protection hearing in Oakham", at("2026-11-02T10:00"));
        ReferralCase county = withRequest(eligible(received(ServiceCode.IMCA, person("Cal County", LocalDate.of(1951, 1, 1),
                "LEICESTERSHIRE"), at("2026-10-06T10:00")), at("2026-10-06T11:00")), "3", "Two further best interests meetings",
                at("2026-11-03T10:00"));
        // Out of the area: reported to the lead council, Leicestershire (CountingRules.workbookOf), with its reasons.
        ReferralCase placed = withRequest(eligible(received(ServiceCode.IMCA, person("Pat Placed", LocalDate.of(1952, 1, 1), "OTHER"),
                at("2026-10-07T10:00")), at("2026-10-07T11:00")), "4", "A placement review out of county", at("2026-11-04T10:00"));
        // A request made in the previous quarter is not this quarter's.
        ReferralCase earlier = withRequest(eligible(received(ServiceCode.IMCA, person("Lee Cester", LocalDate.of(1953, 1, 1),
                "LEICESTER"), at("2026-07-07T10:00")), at("2026-07-07T11:00")), "2", "An appeal", at("2026-08-04T10:00"));
        CaseloadList list = new CaseloadList(LLR, Q3);
        List.of(rutland, county, placed, earlier).forEach(list::addCase);

        assertEquals(List.of("LEICESTERSHIRE", "RUTLAND"), list.workbooks(), "Leicester City had no request this quarter: no list");
        List<ReturnTable> rutlands = list.build("RUTLAND");
        assertEquals(1, rutlands.size(), "LLR keeps no caseload list");
        assertEquals(List.of(rutland.reference().value()), rutlands.get(0).rows().stream().map(row -> ((ReturnCell.Text) row.get(0)).value())
                .toList(), "Rutland's own person only");
        assertEquals(ReturnCell.text("A Court of Protection hearing in Oakham"), cell(rutlands.get(0), rutland.reference().value(), "Reasons"));
        List<String> countys = list.build("LEICESTERSHIRE").get(0).rows().stream().map(row -> ((ReturnCell.Text) row.get(0)).value()).toList();
        assertEquals(List.of(county.reference().value(), placed.reference().value()), countys);
        assertTrue(list.build("LEICESTER").get(0).rows().isEmpty());
    }

    @Test
    @DisplayName("LEW 17.5: the caseload list goes every quarter, even one with no case open")
    void emptyCaseload() {
        CaseloadList list = new CaseloadList(LEW, Q3);
        assertEquals(List.of("LEWISHAM"), list.workbooks());
        assertEquals(0, list.build("LEWISHAM").get(0).rows().size());
    }
}
