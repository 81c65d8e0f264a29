package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReportFixtures.CALENDAR;
import static org.advocacyhub.domain.reports.ReportFixtures.DERBY;
import static org.advocacyhub.domain.reports.ReportFixtures.LLR;
import static org.advocacyhub.domain.reports.ReportFixtures.allocated;
import static org.advocacyhub.domain.reports.ReportFixtures.closed;
import static org.advocacyhub.domain.reports.ReportFixtures.eligible;
import static org.advocacyhub.domain.reports.ReportFixtures.event;
import static org.advocacyhub.domain.reports.ReportFixtures.person;
import static org.advocacyhub.domain.reports.ReportFixtures.received;
import static org.advocacyhub.domain.reports.ReportFixtures.reopened;
import static org.advocacyhub.domain.reports.ReportFixtures.screened;
import static org.advocacyhub.domain.reports.ReportFixtures.time;
import static org.advocacyhub.domain.reports.ReportFixtures.withFeedback;
import static org.advocacyhub.domain.reports.ReportFixtures.withGoals;
import static org.advocacyhub.domain.reports.ReportFixtures.withHours;
import static org.advocacyhub.domain.reports.ReportFixtures.withRequest;
import static org.advocacyhub.domain.reports.Sheets.allText;
import static org.advocacyhub.domain.reports.Sheets.cell;
import static org.advocacyhub.domain.reports.Sheets.count;
import static org.advocacyhub.domain.reports.Sheets.decimal;
import static org.advocacyhub.domain.testing.London.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.Goal;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.HourThreshold;
import org.advocacyhub.domain.contract.ReportSchedule;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.eligibility.Outcome;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.reports.ReturnSummary.KpiLine;
import org.advocacyhub.domain.reports.ReturnSummary.Verdict;
import org.advocacyhub.domain.returns.AwarenessSession;
import org.advocacyhub.domain.returns.AwarenessSetting;
import org.advocacyhub.domain.returns.Complaint;
import org.advocacyhub.domain.returns.Compliment;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The workbooks the builder lays out from streamed cases (requirements §7; LLR 26.17, LEW Appendix 1, DERBY 3.7.1). */
class QuarterlyReturnBuilderTest {

    private static final FinancialQuarter Q3 = new FinancialQuarter(2026, 3);
    private static final Instant AS_AT = at("2027-01-08T07:00");
    private static final String IMCA = "Independent Mental Capacity Advocacy (IMCA)";
    private static final String ALL = "All services";

    private static QuarterlyReturn build(Contract contract, Consumer<QuarterlyReturnBuilder> feed) {
        QuarterlyReturnBuilder builder = new QuarterlyReturnBuilder(contract, Q3, CALENDAR);
        feed.accept(builder);
        return builder.build(AS_AT, "1.2.3-test");
    }

    private static QuarterlyReturn llr(ReferralCase... cases) {
        return build(LLR, b -> List.of(cases).forEach(b::addCase));
    }

    private static ReferralCase imca(String name, LocalDate born, String authority, Instant receivedAt) {
        return eligible(received(ServiceCode.IMCA, person(name, born, authority), receivedAt), receivedAt.plusSeconds(600));
    }

    /**
     * A few cases of every service of {@code contract}: accepted with hours and time recorded, closed with goals and the
     * person's answers, screened out, awaiting a decision, from another area; complaints and a compliment for each service;
     * and what only some contracts have: a request over the reporting threshold of hours, awareness sessions and
     * answerphone messages (LLR).
     */
    static QuarterlyReturn everyFigure(Contract contract) {
        String code = contract.code();
        String lead = contract.leadAuthority().code();
        Reason notEligible = new Reason("Outside the service's criteria", code + " 1.1");
        return build(contract, b -> {
            int n = 0;
            for (ServiceConfig service : contract.services()) {
                ServiceCode s = service.code();
                n++;
                Map<String, String> answers = new HashMap<>();
                contract.feedback().forEach(q -> answers.put(q.id(), switch (q.answer()) {
                    case YES_NO -> "true";
                    case SCALE_1_TO_5 -> "4";
                    case SHORT_TEXT -> "Thanks";
                }));
                ReferralSource source = contract.allowedReferralSources().stream().findFirst().orElse(ReferralSource.ADULT_SOCIAL_CARE);
                ReferralCase worked = withHours(eligible(received(s, person(lead), at("2026-10-05T10:00"), Urgency.STANDARD, source,
                        Map.of()), at("2026-10-05T11:00")), 9 * 60, 30);
                if (service.allocation().allocated()) {
                    worked = allocated(worked, at("2026-10-06T10:00"), "adv-" + n);
                }
                ReferralCase done = closed(withFeedback(withGoals(eligible(received(s, person(lead), at("2026-10-07T10:00"),
                        Urgency.URGENT, source, Map.of()), at("2026-10-07T10:30")), Goal.Status.ACHIEVED, Goal.Status.NOT_ACHIEVED),
                        at("2026-11-05T10:00"), answers), at("2026-11-05T10:00"), ClosureReason.OUTCOME_REACHED);
                ReferralCase declined = screened(received(s, person(lead), at("2026-10-08T10:00"), Urgency.STANDARD, source, Map.of()),
                        Outcome.NOT_ELIGIBLE, notEligible, at("2026-10-08T11:00"));
                ReferralCase waiting = received(s, person(lead), at("2026-12-30T10:00"), Urgency.STANDARD, source, Map.of());
                ReferralCase outside = eligible(received(s, person("OTHER"), at("2026-10-09T10:00"), Urgency.STANDARD, source,
                        Map.of()), at("2026-10-09T11:00"));
                if (service.hourThreshold(HourThreshold.Kind.RECORD_REQUESTS_OVER).isPresent()) {
                    worked = withRequest(worked, "10", "More time", at("2026-11-05T10:00"));
                }
                List.of(worked, done, declined, waiting, outside).forEach(b::addCase);
                b.addTime(time(worked, LocalDate.of(2026, 10, 9), 90, TimeEntry.Kind.DIRECT, TimeEntry.Activity.FACE_TO_FACE, "adv-" + n));
                b.addTime(time(worked, LocalDate.of(2026, 10, 10), 30, TimeEntry.Kind.INDIRECT, TimeEntry.Activity.TRAVEL, "adv-" + n));
                b.addRecord(new Complaint("c" + n, code, LocalDate.of(2026, 10, 10), s, 1, null, null, null, "m", AS_AT));
                b.addRecord(new Complaint("d" + n, code, LocalDate.of(2026, 9, 10), s, 2, true, LocalDate.of(2026, 10, 20), null, "m",
                        AS_AT));
                b.addRecord(new Compliment("k" + n, code, LocalDate.of(2026, 11, 1), s, null, "m", AS_AT));
            }
            for (ReportSchedule.AwarenessKpi kpi : contract.reportSchedule().awarenessKpis()) {
                b.addRecord(new AwarenessSession("a" + kpi.name(), code, LocalDate.of(2026, 10, 1), lead, kpi.setting(), 10, "m", AS_AT));
            }
            if (contract.answerphoneClock().isPresent()) {
                b.addCallback(new CallbackFigures.Kept("m1", at("2026-10-05T10:00"), at("2026-10-06T10:00"), at("2026-10-05T15:00")));
            }
        });
    }

    @Test
    @DisplayName("LLR 4.5 unique persons: a person referred twice (name typed differently) counts once; two people of the same name "
            + "and different dates of birth count twice")
    void uniquePersons() {
        LocalDate born = LocalDate.of(1941, 5, 17);
        QuarterlyReturn r = llr(
                imca("Zoë O'Brien", born, "LEICESTER", at("2026-10-05T10:00")),
                imca("o'brien,  ZOE", born, "LEICESTER", at("2026-11-05T10:00")),
                imca("Sam Smith", LocalDate.of(1950, 1, 1), "LEICESTER", at("2026-10-05T10:00")),
                imca("Sam Smith", LocalDate.of(1960, 1, 1), "LEICESTER", at("2026-10-05T10:00")));
        ReturnTable people = r.workbook("LEICESTER").sheet("People supported");
        assertEquals(3, count(people, "People supported in the quarter", IMCA));
        assertEquals(3, r.workbook("LEICESTER").summary().peopleSupportedQuarter());
        assertEquals(4, r.workbook("LEICESTER").summary().appropriateReferrals());
    }

    @Test
    @DisplayName("LLR 4.5: people supported year to date counts a case closed in Q1 as well as the quarter's; not an inappropriate one")
    void peopleYearToDate() {
        ReferralCase q1 = closed(imca("Ann Example", LocalDate.of(1940, 1, 1), "LEICESTER", at("2026-05-05T10:00")), at("2026-06-20T10:00"),
                ClosureReason.OUTCOME_REACHED);
        ReferralCase q3 = imca("Bea Example", LocalDate.of(1940, 1, 2), "LEICESTER", at("2026-10-05T10:00"));
        ReferralCase declined = screened(received(ServiceCode.IMCA, person("LEICESTER"), at("2026-10-05T10:00")), Outcome.SIGNPOSTED,
                new Reason("Another organisation helps", "LLR 4.5.2"), at("2026-10-05T11:00"));
        ReturnSummary summary = llr(q1, q3, declined).workbook("LEICESTER").summary();
        assertEquals(1, summary.peopleSupportedQuarter());
        assertEquals(2, summary.peopleSupportedYearToDate());
        assertEquals(2, summary.referralsReceived(), "the Q1 referral is not received in Q3");
    }

    @Test
    @DisplayName("LLR 7.38, 15.1: every figure goes to the person's authority's workbook; LLR has one workbook per authority")
    void perAuthority() {
        QuarterlyReturn r = llr(imca("A One", LocalDate.of(1950, 1, 1), "LEICESTER", at("2026-10-05T10:00")),
                imca("B Two", LocalDate.of(1950, 1, 2), "RUTLAND", at("2026-10-05T10:00")),
                imca("C Three", LocalDate.of(1950, 1, 3), "RUTLAND", at("2026-10-06T10:00")));
        assertEquals(List.of("LEICESTERSHIRE", "LEICESTER", "RUTLAND"), r.workbooks().stream().map(AuthorityReturn::authorityCode).toList());
        assertEquals(0, r.workbook("LEICESTERSHIRE").summary().referralsReceived());
        assertEquals(1, r.workbook("LEICESTER").summary().referralsReceived());
        assertEquals(2, r.workbook("RUTLAND").summary().referralsReceived());
        assertEquals("Rutland County Council", r.workbook("RUTLAND").authorityName());
    }

    @Test
    @DisplayName("LLR 26.17, 23.1: out-of-area referrals are in the lead authority's workbook with their sources")
    void outOfArea() {
        ReferralCase outside = imca("D Four", LocalDate.of(1950, 1, 4), "OTHER", at("2026-10-05T10:00"));
        ReturnTable sheet = llr(outside).workbook("LEICESTERSHIRE").sheet("Out of area");
        assertEquals(1, count(sheet, "Out-of-area referrals received", IMCA));
        assertEquals(1, count(sheet, "Of which appropriate", IMCA));
        assertEquals(1, count(sheet, "Source: Adult social care team", ALL));
    }

    @Test
    @DisplayName("LLR 26.17: a case closed in the quarter counts with its hours and outcome; a case reopened does not")
    void closedAndReopened() {
        ReferralCase done = closed(withHours(imca("E Five", LocalDate.of(1950, 1, 5), "LEICESTER", at("2026-10-05T10:00")), 90, 30),
                at("2026-11-05T10:00"), ClosureReason.OUTCOME_REACHED);
        ReferralCase back = reopened(closed(imca("F Six", LocalDate.of(1950, 1, 6), "LEICESTER", at("2026-10-05T10:00")),
                at("2026-11-05T10:00"), ClosureReason.SELF_ADVOCATING));
        ReturnTable sheet = llr(done, back).workbook("LEICESTER").sheet("Cases closed");
        assertEquals(1, count(sheet, "Cases closed", IMCA));
        assertEquals(new BigDecimal("2.00"), decimal(sheet, "Hours on the cases closed", IMCA));
        assertEquals(1, count(sheet, "Closed: The issue has an outcome", IMCA));
        assertEquals(0, count(sheet, "Closed: The person can now advocate for themselves", IMCA));
    }

    @Test
    @DisplayName("LLR 26.17: referrals carried forward from before the quarter, accepted and awaiting decision")
    void carriedForward() {
        ReferralCase accepted = imca("G Seven", LocalDate.of(1950, 1, 7), "LEICESTER", at("2026-09-20T10:00"));
        ReferralCase undecided = received(ServiceCode.IMCA, person("LEICESTER"), at("2026-09-29T10:00"));
        ReturnTable sheet = llr(accepted, undecided).workbook("LEICESTER").sheet("Referrals");
        assertEquals(1, count(sheet, "Carried forward from the previous quarter: accepted", IMCA));
        assertEquals(1, count(sheet, "Carried forward from the previous quarter: awaiting decision", IMCA));
        assertEquals(2, count(sheet, "Carried forward from the previous quarter: total", ALL));
        assertEquals(0, count(sheet, "Referrals received", ALL));
    }

    @Test
    @DisplayName("LLR 26.17: the waiting list at quarter end with the average wait in working days")
    void waitingList() {
        ReferralCase seven = imca("H Eight", LocalDate.of(1950, 1, 8), "LEICESTER", at("2026-12-21T10:00"));
        ReferralCase three = imca("I Nine", LocalDate.of(1950, 1, 9), "LEICESTER", at("2026-12-29T10:00"));
        ReferralCase allocatedCase = allocated(imca("J Ten", LocalDate.of(1950, 1, 10), "LEICESTER", at("2026-12-21T10:00")),
                at("2026-12-22T10:00"), "adv-1");
        ReturnTable sheet = llr(seven, three, allocatedCase).workbook("LEICESTER").sheet("Waiting list");
        assertEquals(2, count(sheet, "Waiting for an advocate at quarter end", IMCA));
        assertEquals(new BigDecimal("5.0"), decimal(sheet, "Average wait (working days)", IMCA), "(7 + 3) / 2");
    }

    @Test
    @DisplayName("LLR 26.17: appropriate referrals by gender, age band, disability (several a person), postcode district and source; "
            + "inappropriate ones by decision, source and reason")
    void breakdowns() {
        ReferralCase ok = imca("K Eleven", LocalDate.of(1941, 5, 17), "LEICESTER", at("2026-10-05T10:00"));
        ReferralCase not = screened(received(ServiceCode.IMCA, person("LEICESTER"), at("2026-10-05T10:00")), Outcome.NOT_ELIGIBLE,
                new Reason("The person has family to consult", "LLR 5.54b"), at("2026-10-05T11:00"));
        AuthorityReturn w = llr(ok, not).workbook("LEICESTER");
        assertEquals(1, count(w.sheet("By gender"), "Female", IMCA));
        assertEquals(1, count(w.sheet("By age band"), "85 and over", IMCA));
        assertEquals(1, count(w.sheet("By disability"), "Dementia", IMCA));
        assertEquals(1, count(w.sheet("By postcode district"), "LE1", IMCA));
        assertEquals(1, count(w.sheet("By source"), "Adult social care team", IMCA));
        assertEquals(1, count(w.sheet("By decision type"), "Not given", IMCA));
        assertEquals(2, count(w.sheet("By route"), "Email", IMCA), "the route counts every referral");
        assertEquals(1, count(w.sheet("Inappropriate by outcome"), "Not eligible", IMCA));
        assertEquals(1, count(w.sheet("Inappropriate by source"), "Adult social care team", IMCA));
        assertEquals(1, count(w.sheet("Inappropriate reasons"), "The person has family to consult (LLR 5.54b)", IMCA));
    }

    @Test
    @DisplayName("LLR 26.17: hours direct and indirect from time rows dated in the quarter, per referral, per person, by activity; "
            + "advocates active counted, never named")
    void hours() {
        ReferralCase a = allocated(imca("L Twelve", LocalDate.of(1950, 1, 12), "LEICESTER", at("2026-10-05T10:00")), at("2026-10-06T10:00"),
                "adv-1");
        ReferralCase b = allocated(imca("M Thirteen", LocalDate.of(1950, 1, 13), "LEICESTER", at("2026-06-05T10:00")), at("2026-06-06T10:00"),
                "adv-2");
        QuarterlyReturn r = build(LLR, builder -> {
            builder.addCase(a);
            builder.addCase(b);
            builder.addTime(time(a, LocalDate.of(2026, 10, 7), 90, TimeEntry.Kind.DIRECT, TimeEntry.Activity.FACE_TO_FACE, "adv-1"));
            builder.addTime(time(a, LocalDate.of(2026, 10, 8), 30, TimeEntry.Kind.INDIRECT, TimeEntry.Activity.TRAVEL, "adv-1"));
            builder.addTime(time(b, LocalDate.of(2026, 11, 8), 60, TimeEntry.Kind.DIRECT, TimeEntry.Activity.MEETING_ATTENDANCE, "adv-2"));
            builder.addTime(time(b, LocalDate.of(2026, 6, 8), 120, TimeEntry.Kind.DIRECT, TimeEntry.Activity.FACE_TO_FACE, "adv-2"));
            builder.addTime(time(b, LocalDate.of(2026, 11, 9), 15, TimeEntry.Kind.INDIRECT, TimeEntry.Activity.ADMIN, "manager-9"));
        });
        AuthorityReturn w = r.workbook("LEICESTER");
        ReturnTable hours = w.sheet("Hours");
        assertEquals(new BigDecimal("2.50"), decimal(hours, "Direct hours", IMCA));
        assertEquals(new BigDecimal("0.75"), decimal(hours, "Indirect hours", IMCA));
        assertEquals(2, count(hours, "Referrals with time recorded", IMCA));
        assertEquals(new BigDecimal("1.63"), decimal(hours, "Hours per referral", IMCA), "3.25 hours / 2 referrals");
        assertEquals(new BigDecimal("1.63"), decimal(hours, "Hours per person supported", IMCA));
        assertEquals(new BigDecimal("5.25"), decimal(hours, "Hours in the year to date", IMCA));
        assertEquals(new BigDecimal("1.50"), decimal(w.sheet("Activities"), "Face to face", IMCA));
        assertEquals(1, count(w.sheet("Activities"), "Travel", "Entries"));
        assertEquals(2, count(w.sheet("Advocates active"), "Advocates active in the quarter", IMCA),
                "adv-1 allocated in the quarter, adv-2 recorded time; the manager who is no advocate is not counted");
        assertFalse(allText(w.sheet("Advocates active")).contains("Advocate adv-1"));
    }

    @Test
    @DisplayName("LLR 26.17: requests over 20 hours are counted with the hours asked in the workbook; their reasons only in the restricted list")
    void requestsOverTwentyHours() {
        ReferralCase c = withRequest(imca("N Fourteen", LocalDate.of(1950, 1, 14), "LEICESTER", at("2026-10-05T10:00")), "10",
                "Nina's tribunal needs more time", at("2026-11-05T10:00"));
        AuthorityReturn w = llr(c).workbook("LEICESTER");
        assertEquals(1, count(w.sheet("Requests of 20 or more hours"), "Requests to provide 20 or more hours", IMCA));
        assertEquals(new BigDecimal("10"), decimal(w.sheet("Requests of 20 or more hours"), "Hours asked for", IMCA));
        w.sheets().forEach(sheet -> assertFalse(allText(sheet).contains("Nina"), sheet.sheet()));
        CaseloadList restricted = new CaseloadList(LLR, Q3);
        restricted.addCase(c);
        assertTrue(allText(restricted.build("LEICESTER").get(0)).contains("Nina's tribunal needs more time"));
    }

    @Test
    @DisplayName("LLR Appendix One KPI 4: goals marked achieved of the goals marked on cases closed in the quarter, against 95%")
    void goalsKpi() {
        ReferralCase c = closed(withGoals(imca("O Fifteen", LocalDate.of(1950, 1, 15), "LEICESTER", at("2026-10-05T10:00")),
                Goal.Status.ACHIEVED, Goal.Status.PARTLY_ACHIEVED, Goal.Status.ACHIEVED, Goal.Status.NOT_ACHIEVED), at("2026-11-05T10:00"),
                ClosureReason.OUTCOME_REACHED);
        KpiLine kpi4 = llr(c).workbook("LEICESTER").summary().kpis().stream()
                .filter(line -> line.name().equals("KPI 4") && line.service() == ServiceCode.IMCA).findFirst().orElseThrow();
        assertEquals(2, kpi4.numerator());
        assertEquals(4, kpi4.denominator());
        assertEquals(Verdict.NOT_MET, kpi4.verdict());
    }

    @Test
    @DisplayName("LLR Appendix One outcomes: shares of yes among those answering; the 1 to 5 question counts 4 and 5; comments never appear")
    void feedbackOutcomes() {
        ReferralCase yes = closed(withFeedback(imca("P Sixteen", LocalDate.of(1950, 1, 16), "LEICESTER", at("2026-10-05T10:00")),
                at("2026-11-05T10:00"), Map.of("gotInformation", "true", "overallSatisfaction", "5", "comments", "Thanks to Pat")),
                at("2026-11-05T10:00"), ClosureReason.OUTCOME_REACHED);
        ReferralCase no = closed(withFeedback(imca("Q Seventeen", LocalDate.of(1950, 1, 17), "LEICESTER", at("2026-10-05T10:00")),
                at("2026-11-05T10:00"), Map.of("gotInformation", "false", "overallSatisfaction", "3")), at("2026-11-05T10:00"),
                ClosureReason.OUTCOME_REACHED);
        ReferralCase dols = closed(withFeedback(eligible(received(ServiceCode.DOLS_IMCA, person("R Eighteen", LocalDate.of(1950, 1, 18),
                "LEICESTER"), at("2026-10-05T10:00")), at("2026-10-05T10:10")), at("2026-11-05T10:00"), Map.of("gotInformation", "true")),
                at("2026-11-05T10:00"), ClosureReason.OUTCOME_REACHED);
        AuthorityReturn w = llr(yes, no, dols).workbook("LEICESTER");
        ReturnTable sheet = w.sheet("Outcomes");
        String outcome1 = LLR.feedbackQuestion("gotInformation").orElseThrow().measure().orElseThrow();
        List<ReturnCell> imca = outcomeRow(sheet, outcome1, IMCA);
        assertEquals(List.of(ReturnCell.count(1), ReturnCell.count(2), new ReturnCell.Share(1, 2), ReturnCell.text("95%"),
                ReturnCell.text("Not met")), imca.subList(3, 8), "Outcome 1 in IMCA: 1 of 2 against 95%");
        List<ReturnCell> all = outcomeRow(sheet, outcome1, ALL);
        assertEquals(List.of(ReturnCell.text("LLR Appendix One Outcome 1"), ReturnCell.count(2), ReturnCell.count(3),
                new ReturnCell.Share(2, 3), ReturnCell.text("95%"), ReturnCell.text("Not met")), all.subList(2, 8));
        String satisfaction = LLR.feedbackQuestion("overallSatisfaction").orElseThrow().text();
        assertEquals(List.of(new ReturnCell.Share(1, 2), ReturnCell.text("No target"), ReturnCell.text("No target")),
                outcomeRow(sheet, satisfaction, IMCA).subList(5, 8), "the 1 to 5 question counts 4 and 5; it has no target");
        String outcome9 = LLR.feedbackQuestion("heardInSafeguarding").orElseThrow().measure().orElseThrow();
        assertEquals(ReturnCell.text("Nothing to measure"), outcomeRow(sheet, outcome9, ALL).get(7), "nobody answered it");
        // The Summary sets each outcome with a target against it, for all services.
        List<ReturnCell> headline = outcomeRow(w.sheet("Summary"), outcome1, ALL);
        assertEquals(List.of(ReturnCell.count(2), ReturnCell.count(3)), headline.subList(3, 5));
        assertFalse(allText(w.sheet("Summary")).contains(satisfaction), "no target, not a headline");
        assertFalse(allText(sheet).contains("Pat"));
        assertFalse(allText(sheet).contains(LLR.feedbackQuestion("comments").orElseThrow().text()));
    }

    /** The row of {@code measure} for {@code service} (column 2) in a sheet laid out Measure, Service, ... */
    private static List<ReturnCell> outcomeRow(ReturnTable sheet, String measure, String service) {
        return sheet.rows().stream().filter(row -> row.get(0).equals(ReturnCell.text(measure)) && row.get(1).equals(ReturnCell.text(service)))
                .findFirst().orElseThrow(() -> new AssertionError(sheet.sheet() + " has no row " + measure + " / " + service));
    }

    @Test
    @DisplayName("LLR Appendix One KPIs 1-4 apply to all service elements: each council's workbook has the all-services figure too")
    void allServicesKpis() {
        Instant received = at("2026-10-05T10:00");
        ReferralCase imcaMet = allocated(imca("S Nineteen", LocalDate.of(1950, 1, 19), "RUTLAND", received), received.plusSeconds(3600), "advocate-1");
        ReferralCase dolsMissed = allocated(eligible(received(ServiceCode.DOLS_IMCA, person("T Twenty", LocalDate.of(1950, 1, 20),
                "RUTLAND"), received), received.plusSeconds(600)), at("2026-10-20T10:00"), "advocate-2");
        ReturnSummary summary = llr(imcaMet, dolsMissed).workbook("RUTLAND").summary();
        KpiLine all = summary.kpis().stream().filter(line -> line.name().equals("KPI 1") && line.service() == null).findFirst()
                .orElseThrow();
        assertEquals(ALL, all.serviceName());
        assertEquals(1, all.numerator());
        assertEquals(2, all.denominator());
        assertEquals(Verdict.NOT_MET, all.verdict(), "1 of 2 against 95%");
        assertEquals(1, summary.kpis().stream().filter(line -> line.name().equals("KPI 1") && line.service() == null).count(),
                "one all-services line per KPI");
    }

    @Test
    @DisplayName("LEW Appendix 1 outputs: hours, young people, caseload by group, self and Participation Manager referrals, accepted, "
            + "rejected, closed, over 8 and 12 hours, primary reasons, complaints by stage and ADR")
    void lewOutputs() {
        Contract lew = ReportFixtures.LEW;
        Map<String, String> lac = Map.of("cypStatus", "LOOKED_AFTER", "cypReason", "FORMAL_MEETING");
        ReferralCase self = withHours(eligible(received(ServiceCode.CYP, person("LEWISHAM"), at("2026-10-05T10:00"), Urgency.STANDARD,
                ReferralSource.SELF, lac), at("2026-10-05T11:00")), 9 * 60, 0);
        ReferralCase pm = withHours(eligible(received(ServiceCode.CYP, person("LEWISHAM"), at("2026-10-06T10:00"), Urgency.STANDARD,
                ReferralSource.PARTICIPATION_MANAGER, Map.of("cypStatus", "CHILD_PROTECTION_PLAN")), at("2026-10-06T11:00")), 13 * 60, 0);
        ReferralCase rejected = screened(received(ServiceCode.CYP, person("LEWISHAM"), at("2026-10-07T10:00"), Urgency.STANDARD,
                ReferralSource.SELF, Map.of("cypStatus", "NONE_OF_THESE")), Outcome.NOT_ELIGIBLE, new Reason("Not in a group", "LEW 7.5"),
                at("2026-10-07T11:00"));
        ReferralCase closedCase = closed(eligible(received(ServiceCode.CYP, person("LEWISHAM"), at("2026-10-08T10:00"), Urgency.STANDARD,
                ReferralSource.SELF, lac), at("2026-10-08T11:00")), at("2026-12-01T10:00"), ClosureReason.OUTCOME_REACHED);
        QuarterlyReturn r = build(lew, b -> {
            List.of(self, pm, rejected, closedCase).forEach(b::addCase);
            b.addTime(time(self, LocalDate.of(2026, 10, 9), 120, TimeEntry.Kind.DIRECT, TimeEntry.Activity.FACE_TO_FACE, "adv-1"));
            b.addRecord(new Complaint("c1", "LEW", LocalDate.of(2026, 10, 10), ServiceCode.CYP, 2, null, null, null, "m", AS_AT));
            b.addRecord(new Complaint("c2", "LEW", LocalDate.of(2026, 9, 10), ServiceCode.CYP, 1, true, LocalDate.of(2026, 10, 20), null,
                    "m", AS_AT));
        });
        assertEquals(List.of("LEWISHAM"), r.workbooks().stream().map(AuthorityReturn::authorityCode).toList());
        ReturnTable out = r.workbook("LEWISHAM").sheet("Outputs (LEW)");
        assertEquals(new BigDecimal("2.00"), decimal(out, "Number of hours delivered", "Value"));
        assertEquals(3, count(out, "Number of individual young people supported", "Value"));
        assertEquals(2, count(out, "Active caseload at end of quarter", "Value"));
        assertEquals(1, count(out, "Active caseload: Looked-after child", "Value"));
        assertEquals(1, count(out, "Active caseload: Child protection plan", "Value"));
        assertEquals(3, count(out, "Number of new self-referrals", "Value"));
        assertEquals(1, count(out, "Number of new referrals from Participation Manager", "Value"));
        assertEquals(3, count(out, "Number of referrals accepted", "Value"));
        assertEquals(1, count(out, "Number of referrals rejected", "Value"));
        assertEquals(1, count(out, "Number of cases closed", "Value"));
        assertEquals(2, count(out, "Number of active cases exceeding 8 hours", "Value"));
        assertEquals(1, count(out, "Number of active cases exceeding 12 hours", "Value"));
        assertEquals(2, count(out, "Primary reason: Support at a formal meeting, such as a looked-after child review", "Value"));
        assertEquals(1, count(out, "Number of cases in complaints process: stage 1", "Value"));
        assertEquals(1, count(out, "Number of cases in complaints process: stage 2", "Value"));
        assertEquals(1, count(out, "Number of complaints resolved by alternative dispute resolution", "Value"));
        assertTrue(out.rows().stream().anyMatch(row -> row.get(0).equals(ReturnCell.text("Percentage of young people contacted within 72 hours"))));
    }

    @Test
    @DisplayName("DERBY 3.3.1, 3.7.1: referrals responded to within 24 hours and, when urgent, 1 hour, each against 100%, and together")
    void derbyAccess() {
        ReferralCase standard = event(received(ServiceCode.ACCOMMODATION, person("DERBY"), at("2026-10-05T10:00"), Urgency.STANDARD,
                ReferralSource.CHILDRENS_SOCIAL_CARE, Map.of()), ClockEvent.OFFER_OR_DECLINE_SENT, at("2026-10-06T09:00"));
        ReferralCase urgentLate = event(received(ServiceCode.ACCOMMODATION, person("DERBY"), at("2026-10-05T10:00"), Urgency.URGENT,
                ReferralSource.CHILDRENS_SOCIAL_CARE, Map.of()), ClockEvent.OFFER_OR_DECLINE_SENT, at("2026-10-05T11:30"));
        ReferralCase urgentInTime = event(received(ServiceCode.ACCOMMODATION, person("DERBY"), at("2026-10-05T10:00"), Urgency.URGENT,
                ReferralSource.CHILDRENS_SOCIAL_CARE, Map.of()), ClockEvent.OFFER_OR_DECLINE_SENT, at("2026-10-05T10:45"));
        List<KpiLine> lines = build(DERBY, b -> List.of(standard, urgentLate, urgentInTime).forEach(b::addCase))
                .workbook("DERBY").summary().kpis();
        assertEquals(List.of("Access", "Access (standard, 24 hours)", "Access (urgent, 1 hour)"), lines.stream().map(KpiLine::name).toList());
        assertEquals(List.of(2L, 1L, 1L), lines.stream().map(KpiLine::numerator).toList());
        assertEquals(List.of(3L, 1L, 2L), lines.stream().map(KpiLine::denominator).toList());
        assertEquals(List.of(Verdict.NOT_MET, Verdict.MET, Verdict.NOT_MET), lines.stream().map(KpiLine::verdict).toList());
    }

    @Test
    @DisplayName("LLR KPIs 5 and 6: awareness sessions in the half-year, in the area and contract-wide, against four each")
    void awareness() {
        QuarterlyReturn r = build(LLR, b -> {
            for (int i = 0; i < 4; i++) {
                b.addRecord(new AwarenessSession("s" + i, "LLR", LocalDate.of(2026, 10, 1 + i), i < 2 ? "LEICESTER" : "RUTLAND",
                        AwarenessSetting.PROFESSIONAL, 10, "m", AS_AT));
            }
            b.addRecord(new AwarenessSession("old", "LLR", LocalDate.of(2026, 9, 30), "LEICESTER", AwarenessSetting.COMMUNITY, 5, "m", AS_AT));
        });
        List<ReturnSummary.AwarenessLine> lines = r.workbook("LEICESTER").summary().awareness();
        assertEquals("KPI 5", lines.get(0).name());
        assertEquals(2, lines.get(0).heldInArea());
        assertEquals(4, lines.get(0).heldContract());
        assertEquals(Verdict.MET, lines.get(0).verdict());
        assertEquals(0, lines.get(1).heldContract(), "a session in the previous half-year does not count");
        assertEquals(Verdict.NOT_MET, lines.get(1).verdict());
    }

    @Test
    @DisplayName("LLR 9.23: answerphone callbacks are contract-wide and shown in every workbook; complaints and compliments too")
    void contractWide() {
        QuarterlyReturn r = build(LLR, b -> {
            b.addCallback(new CallbackFigures.Kept("m1", at("2026-10-05T10:00"), at("2026-10-06T10:00"), at("2026-10-05T15:00")));
            b.addCallback(new CallbackFigures.Kept("m2", at("2026-10-05T10:00"), at("2026-10-06T10:00"), null));
            b.addRecord(new Compliment("k1", "LLR", LocalDate.of(2026, 11, 1), ServiceCode.IMHA, null, "m", AS_AT));
        });
        for (AuthorityReturn w : r.workbooks()) {
            ReturnTable answerphone = w.sheet("Answerphone");
            assertEquals(2, count(answerphone, "Messages left on the answerphone", "Value"));
            assertEquals(new ReturnCell.Share(1, 2), cell(answerphone, "Responded to within 24 working hours", "Value"));
            assertEquals(1, count(answerphone, "Missed", "Value"));
            assertEquals(1, count(w.sheet("Complaints"), "Compliments received", ALL));
        }
    }

    @Test
    @DisplayName("LLR 26.17: formal and informal complaints counted; each complaint in the process and each compliment listed with "
            + "its brief details and progress; identifying text withheld")
    void complaintDetails() {
        QuarterlyReturn r = build(LLR, b -> {
            b.addRecord(new Complaint("c1", "LLR", LocalDate.of(2026, 10, 12), ServiceCode.IMCA, 1, null, null,
                    "A relative said allocation took too long", "m", AS_AT, Complaint.Formality.FORMAL)
                    .progressed(2, null, null, "Investigation under way; a meeting is arranged for November", "m", AS_AT));
            b.addRecord(new Complaint("c2", "LLR", LocalDate.of(2026, 11, 2), ServiceCode.IMHA, 1, true, LocalDate.of(2026, 11, 9),
                    "Call back on 0116 496 0000", "m", AS_AT, Complaint.Formality.INFORMAL));
            // Received in the previous quarter and still open: in the process this quarter, not received in it.
            b.addRecord(new Complaint("c3", "LLR", LocalDate.of(2026, 9, 20), ServiceCode.IMCA, 3, null, null, null, "m", AS_AT));
            // Closed before this quarter: not listed.
            b.addRecord(new Complaint("c4", "LLR", LocalDate.of(2026, 8, 1), ServiceCode.IMCA, 1, null, LocalDate.of(2026, 9, 1), null,
                    "m", AS_AT, Complaint.Formality.FORMAL));
            b.addRecord(new Compliment("k1", "LLR", LocalDate.of(2026, 12, 1), ServiceCode.CARE_ACT, "Thanks for the support at the review",
                    "m", AS_AT));
        });
        for (AuthorityReturn w : r.workbooks()) {
            ReturnTable complaints = w.sheet("Complaints");
            assertEquals(1, count(complaints, "Formal complaints received", IMCA));
            assertEquals(1, count(complaints, "Informal complaints received", ALL));
            assertEquals(1, count(complaints, "Complaints received: stage 2", IMCA), "at the stage it is now");
            ReturnTable details = w.sheet("Complaint details");
            List<String> received = details.rows().stream().map(row -> ((ReturnCell.Text) row.get(0)).value()).toList();
            assertEquals(List.of("20 September 2026", "12 October 2026", "2 November 2026", "1 December 2026"), received, "oldest first; c4 closed before");
            assertEquals(List.of("Formal complaint", IMCA, "Stage 2", "Open at the quarter's end", "",
                    "A relative said allocation took too long", "Investigation under way; a meeting is arranged for November"),
                    details.rows().get(1).subList(1, 8).stream().map(c -> ((ReturnCell.Text) c).value()).toList());
            assertEquals(List.of("Informal complaint", "Closed 9 November 2026", "Yes", ComplaintSheets.WITHHELD),
                    List.of(text(details, 2, 1), text(details, 2, 4), text(details, 2, 5), text(details, 2, 6)),
                    "a telephone number in the details is withheld");
            assertEquals("Complaint", text(details, 0, 1), "formality not recorded");
            assertEquals(List.of("Compliment", "Thanks for the support at the review"), List.of(text(details, 3, 1), text(details, 3, 6)));
            assertFalse(allText(details).contains("0116"));
        }
    }

    @Test
    @DisplayName("LLR 26.17 sources of out-of-area referrals: a DoLS case Leicester City instructs for a person placed in "
            + "Leicestershire counts once, in Leicestershire's figures, and is listed in both workbooks")
    void instructedByAnotherCouncil() {
        String dols = ServiceCode.DOLS_IMCA.displayName();
        Instant received = at("2026-10-05T10:00");
        ReferralCase instructed = eligible(received(ServiceCode.DOLS_IMCA, person("U Placed", LocalDate.of(1940, 2, 2), "LEICESTERSHIRE"),
                received, Urgency.STANDARD, ReferralSource.ADULT_SOCIAL_CARE, Map.of("supervisoryBody", "LEICESTER")),
                received.plusSeconds(600));
        ReferralCase own = eligible(received(ServiceCode.DOLS_IMCA, person("V Own", LocalDate.of(1941, 3, 3), "LEICESTER"),
                received, Urgency.STANDARD, ReferralSource.ADULT_SOCIAL_CARE, Map.of("supervisoryBody", "LEICESTER")),
                received.plusSeconds(600));
        QuarterlyReturn r = llr(instructed, own);
        ReturnTable leicester = r.workbook("LEICESTER").sheet("Out of area");
        assertEquals(1, count(leicester, "Instructed by this council for a person in another area: Leicestershire County Council "
                + "(counted in its figures)", dols));
        assertEquals(1, count(r.workbook("LEICESTER").sheet("Referrals"), "Referrals received", dols), "its own case only");
        ReturnTable leicestershire = r.workbook("LEICESTERSHIRE").sheet("Out of area");
        assertEquals(1, count(leicestershire, "Instructed by another council for a person in this area: Leicester City Council", dols));
        assertEquals(1, count(r.workbook("LEICESTERSHIRE").sheet("Referrals"), "Referrals received", dols), "counted once, here");
        assertFalse(allText(r.workbook("RUTLAND").sheet("Out of area")).contains("Instructed"), "Rutland instructed none");
    }

    @Test
    @DisplayName("LLR 26.17: each referral's direct and indirect hours, numbered within its service; cases closed by decision type "
            + "with their hours; the waiting list by source")
    void hoursByReferralClosuresByTypeAndWaitingBySource() {
        Instant received = at("2026-10-05T10:00");
        ReferralCase a = imca("W One", LocalDate.of(1950, 2, 1), "LEICESTER", received);
        ReferralCase b = imca("X Two", LocalDate.of(1950, 2, 2), "LEICESTER", received);
        ReferralCase closedCase = closed(withHours(imca("Y Three", LocalDate.of(1950, 2, 3), "LEICESTER", received), 90, 30),
                at("2026-11-05T10:00"), ClosureReason.OUTCOME_REACHED);
        QuarterlyReturn r = build(LLR, builder -> {
            List.of(a, b, closedCase).forEach(builder::addCase);
            builder.addTime(time(a, LocalDate.of(2026, 10, 6), 60, TimeEntry.Kind.DIRECT, TimeEntry.Activity.FACE_TO_FACE, "adv"));
            builder.addTime(time(a, LocalDate.of(2026, 10, 7), 30, TimeEntry.Kind.INDIRECT, TimeEntry.Activity.TRAVEL, "adv"));
            builder.addTime(time(b, LocalDate.of(2026, 10, 7), 15, TimeEntry.Kind.INDIRECT, TimeEntry.Activity.ADMIN, "adv"));
            builder.addTime(time(b, LocalDate.of(2026, 9, 7), 600, TimeEntry.Kind.DIRECT, TimeEntry.Activity.FACE_TO_FACE, "adv"));
        });
        AuthorityReturn w = r.workbook("LEICESTER");
        ReturnTable byReferral = w.sheet("Hours by referral");
        assertEquals(List.of(List.of(ReturnCell.text("Referral 1"), ReturnCell.text(IMCA), ReturnCell.decimal(new BigDecimal("1.00")),
                        ReturnCell.decimal(new BigDecimal("0.50")), ReturnCell.decimal(new BigDecimal("1.50"))),
                List.of(ReturnCell.text("Referral 2"), ReturnCell.text(IMCA), ReturnCell.decimal(new BigDecimal("0.00")),
                        ReturnCell.decimal(new BigDecimal("0.25")), ReturnCell.decimal(new BigDecimal("0.25")))), byReferral.rows(),
                "most hours first; the September entry is not this quarter's");
        assertFalse(allText(byReferral).contains(a.reference().value()), "no reference");
        ReturnTable closures = w.sheet("Cases closed");
        String type = closures.rows().stream().map(row -> ((ReturnCell.Text) row.get(0)).value())
                .filter(label -> label.startsWith("Closed, case or decision type: ")).findFirst().orElseThrow();
        assertEquals(1, count(closures, type, IMCA));
        assertEquals(new BigDecimal("2.00"), decimal(closures, type.replace("Closed,", "Hours,"), IMCA));
        assertEquals(2, count(w.sheet("Waiting list"), "Waiting, source: " + ReferralSource.ADULT_SOCIAL_CARE.displayName(), IMCA),
                "two referrals not allocated at quarter end");
    }

    @Test
    @DisplayName("LLR 26.17 staffing annual update, in Q4 only: the directory's advocates with and working towards Level 3, "
            + "qualifications achieved in the year; what the hub does not hold says so")
    void staffingAnnualUpdate() {
        FinancialQuarter q4 = new FinancialQuarter(2026, 4);
        LocalDate yearEnd = q4.lastDay();
        java.util.function.BiFunction<String, Map<org.advocacyhub.domain.staff.Qualification, LocalDate>, org.advocacyhub.domain.staff.StaffRecord>
                advocate = (id, held) -> new org.advocacyhub.domain.staff.StaffRecord(id, "Advocate " + id, id + "@hub.example",
                org.advocacyhub.domain.staff.StaffRole.ADVOCATE, true, Set.of("LLR"), Set.of(ServiceCode.IMCA), List.of(), Set.of(), held,
                id.equals("new") ? yearEnd.minusMonths(3) : LocalDate.of(2020, 1, 1), null, null, Set.of(),
                org.advocacyhub.domain.staff.StaffRecord.Experience.NONE);
        QuarterlyReturnBuilder builder = new QuarterlyReturnBuilder(LLR, q4, CALENDAR);
        assertTrue(builder.staffingDue());
        builder.addStaff(advocate.apply("held", Map.of(org.advocacyhub.domain.staff.Qualification.NQIA_LEVEL_3, LocalDate.of(2021, 5, 1),
                org.advocacyhub.domain.staff.Qualification.UNIT_305_IMCA, LocalDate.of(2026, 6, 1))));
        builder.addStaff(advocate.apply("new", Map.of()));
        builder.addStaff(advocate.apply("late", Map.of()));
        ReturnTable staffing = builder.build(AS_AT, "test").workbook("RUTLAND").sheet("Staffing (annual)");
        assertEquals(3, count(staffing, "Of them, advocates", "Value"));
        assertEquals(new ReturnCell.Share(1, 3), cell(staffing, "Advocates with the Level 3 Independent Advocacy Qualification", "Share"));
        assertEquals(new ReturnCell.Share(1, 3), cell(staffing, "Advocates working towards it (appointed less than a year before)",
                "Share"), "appointed three months before the year's end; the one appointed in 2020 is neither");
        assertEquals(1, count(staffing, "Qualifications and units achieved in the year (training courses)", "Value"),
                "unit 305 in June 2026; Level 3 in 2021 is an earlier year's");
        assertEquals(ReturnCell.text(StaffingSheets.NOT_HELD), cell(staffing, "Supervisions undertaken and their frequency", "Value"));
        QuarterlyReturnBuilder q3 = new QuarterlyReturnBuilder(LLR, Q3, CALENDAR);
        assertFalse(q3.staffingDue());
        assertTrue(q3.build(AS_AT, "test").workbook("RUTLAND").sheets().stream().noneMatch(t -> t.sheet().startsWith("Staffing")),
                "once a year, with the fourth quarter's return");
    }

    private static String text(ReturnTable table, int row, int column) {
        return ((ReturnCell.Text) table.rows().get(row).get(column)).value();
    }

    private static org.advocacyhub.domain.casestudy.CaseStudy study(String reference, ServiceCode service, FinancialQuarter quarter,
                                                                    List<String> measures, String text, Instant writtenAt, boolean selected) {
        org.advocacyhub.domain.casestudy.CaseStudy first = org.advocacyhub.domain.casestudy.CaseStudy.first("LLR", service, quarter,
                org.advocacyhub.domain.casework.ReferralReference.parse(reference).orElseThrow(), measures,
                org.advocacyhub.domain.casestudy.Consent.GIVEN, text, "ira-imca", writtenAt);
        return selected ? first.withSelected(true) : first;
    }

    @Test
    @DisplayName("LLR 26.16, 27.3, Appendix One: each service's selected case studies with the outcome measures they evidence, "
            + "consent in words and the text, then 'Not completed this quarter' up to 4; never the reference; identifying text "
            + "withheld; every workbook of the contract")
    void caseStudies() {
        FinancialQuarter q2 = new FinancialQuarter(2026, 2);
        QuarterlyReturn r = build(LLR, b -> {
            b.addCaseStudy(study("LLR-2026-000101", ServiceCode.IMCA, Q3, List.of("rightsProtected", "gotInformation"),
                    "Met the person four times; their wish to stay at home was put at the best interests meeting and followed.",
                    at("2026-11-02T10:00"), true));
            b.addCaseStudy(study("LLR-2026-000102", ServiceCode.IMCA, Q3, List.of(), "Supported the person to challenge a move.",
                    at("2026-11-01T10:00"), true).rewritten(List.of("hadASay"),
                    org.advocacyhub.domain.casestudy.Consent.BEST_INTERESTS, "Supported the person to challenge a move.", "m",
                    at("2026-11-03T10:00")));
            b.addCaseStudy(study("LLR-2026-000103", ServiceCode.IMCA, Q3, List.of(), "Written but not chosen.", at("2026-11-04T10:00"),
                    false));
            b.addCaseStudy(study("LLR-2026-000104", ServiceCode.IMCA, q2, List.of(), "Chosen for the quarter before.", at("2026-09-04T10:00"),
                    true));
            b.addCaseStudy(study("LLR-2026-000105", ServiceCode.IMHA, Q3, List.of(), "Call the ward on 0116 496 0000 to hear more.",
                    at("2026-12-01T10:00"), true));
        });
        for (AuthorityReturn w : r.workbooks()) {
            ReturnTable studies = w.sheet("Case studies");
            assertEquals(List.of("Service", "Outcome measures evidenced", "Consent", "Case study"), studies.headings());
            assertEquals("LLR 26.16, 27.3, Appendix One", studies.clause());
            List<List<ReturnCell>> imca = studies.rows().stream().filter(row -> row.get(0).equals(ReturnCell.text(IMCA))).toList();
            assertEquals(4, imca.size(), "four a service: two selected, two not completed");
            assertEquals(List.of(ReturnCell.text(IMCA), ReturnCell.text("Outcome 1: People have access to appropriate information in "
                    + "respect of advocacy services; Outcome 5: Those lacking capacity for a decision receive effective independent "
                    + "protection of their rights and best interests"), ReturnCell.text("The person agreed"), ReturnCell.text("Met the "
                    + "person four times; their wish to stay at home was put at the best interests meeting and followed.")), imca.get(0),
                    "the measures in the contract's order, by their names");
            assertEquals(List.of(ReturnCell.text(IMCA), ReturnCell.text("Outcome 6: Adults have a voice in decisions made about their "
                    + "lives, their care and the service they receive"), ReturnCell.text("The person could not consent; shared in their "
                    + "best interests with no identifying details"), ReturnCell.text("Supported the person to challenge a move.")),
                    imca.get(1), "oldest written first; as rewritten");
            for (List<ReturnCell> missing : imca.subList(2, 4)) {
                assertEquals(List.of(ReturnCell.text(IMCA), ReturnCell.text(""), ReturnCell.text(""),
                        ReturnCell.text("Not completed this quarter")), missing);
            }
            String imha = ServiceCode.IMHA.displayName();
            assertEquals(ReturnCell.text(ComplaintSheets.WITHHELD), studies.rows().stream().filter(row -> row.get(0).equals(
                    ReturnCell.text(imha))).findFirst().orElseThrow().get(3), "a telephone number in a case study is withheld");
            assertEquals(LLR.services().size() * 4, studies.rows().size(), "every service of the contract, four rows each");
            for (ServiceConfig service : LLR.services()) {
                assertEquals(4, studies.rows().stream().filter(row -> row.get(0).equals(ReturnCell.text(service.displayName()))).count());
            }
            String all = allText(studies);
            for (String hidden : List.of("LLR-2026-0001", "Written but not chosen", "Chosen for the quarter before", "0116", "ira-imca")) {
                assertFalse(all.contains(hidden), hidden);
            }
        }
    }

    @Test
    @DisplayName("LLR Appendix One i-vii, D; LEW 17.2: each service summary the contract asks for, its title, clause and text, or "
            + "'Not completed this quarter' when the manager said so or nothing was written; DERBY has neither sheet")
    void serviceSummaries() {
        QuarterlyReturn r = build(LLR, b -> {
            b.addServiceSummary(new org.advocacyhub.domain.casestudy.ServiceSummary("LLR", Q3, "trends", "More DoLS referrals from "
                    + "care homes in the county; waits for IMHA fell in November.", false, "m", AS_AT, 1));
            b.addServiceSummary(new org.advocacyhub.domain.casestudy.ServiceSummary("LLR", Q3, "peerSupport", null, true, "m", AS_AT, 2));
            b.addServiceSummary(new org.advocacyhub.domain.casestudy.ServiceSummary("LLR", Q3, "networking", "Met Mr Smith at the forum",
                    false, "m", AS_AT, 1));
            b.addServiceSummary(new org.advocacyhub.domain.casestudy.ServiceSummary("LLR", new FinancialQuarter(2026, 2), "goodPractice",
                    "Last quarter's", false, "m", AS_AT, 1));
        });
        for (AuthorityReturn w : r.workbooks()) {
            ReturnTable summaries = w.sheet("Service summaries");
            assertEquals(List.of("Summary", "Clause", "For the quarter"), summaries.headings());
            assertEquals(LLR.reportSchedule().serviceSummaries().size(), summaries.rows().size());
            assertEquals(List.of(ReturnCell.text("Trends in each service area"), ReturnCell.text("LLR Appendix One, 26.17"),
                    ReturnCell.text("More DoLS referrals from care homes in the county; waits for IMHA fell in November.")),
                    summaries.rows().get(6));
            assertEquals(ReturnCell.text("Not completed this quarter"), summaries.rows().get(1).get(2), "peer support: not completed");
            assertEquals(ReturnCell.text("Not completed this quarter"), summaries.rows().get(0).get(2), "harder to reach: nothing written");
            assertEquals(ReturnCell.text("Not completed this quarter"), summaries.rows().get(4).get(2), "another quarter's is not this one's");
            assertEquals(ReturnCell.text(ComplaintSheets.WITHHELD), summaries.rows().get(5).get(2), "a title with a name is withheld");
        }
        AuthorityReturn lew = build(ReportFixtures.LEW, b -> { }).workbook("LEWISHAM");
        assertEquals(List.of(List.of(ReturnCell.text("Service user feedback, areas for development and actions taken"),
                ReturnCell.text("LEW 17.2"), ReturnCell.text("Not completed this quarter"))), lew.sheet("Service summaries").rows());
        assertEquals("LEW 17.2", lew.sheet("Service summaries").clause());
        assertFalse(lew.sheets().stream().anyMatch(sheet -> sheet.sheet().equals("Case studies")), "LEW asks for no case studies");
        assertFalse(build(DERBY, b -> { }).workbook("DERBY").sheets().stream()
                .anyMatch(sheet -> sheet.sheet().equals("Case studies") || sheet.sheet().equals("Service summaries")));
    }

    @Test
    @DisplayName("LLR 26.13: Summary first, Definitions last; every sheet names its definitions and the Definitions sheet gives "
            + "exactly those, in the rules' order, the same text the rules hold with the contract's own clauses")
    void definitions() {
        for (Contract contract : List.of(LLR, ReportFixtures.LEW, DERBY)) {
            for (AuthorityReturn w : build(contract, b -> { }).workbooks()) {
                List<ReturnTable> sheets = w.sheets();
                assertEquals("Summary", sheets.get(0).sheet());
                ReturnTable definitions = sheets.get(sheets.size() - 1);
                assertEquals("Definitions", definitions.sheet());
                Set<String> figures = Set.copyOf(CountingRules.definitions().stream().map(CountingRules.Definition::figure).toList());
                Set<String> named = new HashSet<>();
                for (ReturnTable sheet : sheets.subList(0, sheets.size() - 1)) {
                    String note = sheet.notes().get(0);
                    assertTrue(note.startsWith("Definitions: "), sheet.sheet());
                    for (String figure : note.substring("Definitions: ".length()).split("; ")) {
                        assertTrue(figures.contains(figure), sheet.sheet() + " names '" + figure + "'");
                        named.add(figure);
                    }
                }
                List<List<ReturnCell>> expected = new ArrayList<>();
                CountingRules.definitions().stream().filter(d -> named.contains(d.figure())).forEach(d -> expected.add(List.of(
                        ReturnCell.text(d.figure()), ReturnCell.text(d.howCounted()),
                        ReturnCell.text(Citation.forContract(contract.code(), d.clause())))));
                assertEquals(expected, definitions.rows(), contract.code());
            }
        }
        List<String> lew = figuresDefined(build(ReportFixtures.LEW, b -> { }).workbook("LEWISHAM"));
        assertFalse(lew.contains(CountingRules.AWARENESS.figure()), "LEW has no awareness sessions to define: " + lew);
        assertFalse(lew.contains(CountingRules.URGENT_SPLIT.figure()), "nor urgent referrals: " + lew);
        assertTrue(figuresDefined(build(DERBY, b -> { }).workbook("DERBY")).contains(CountingRules.URGENT_SPLIT.figure()),
                "DERBY 3.3.1: an urgent referral has an hour");
        assertFalse(figuresDefined(build(LLR, b -> { }).workbook("LEICESTER")).contains(CountingRules.URGENT_SPLIT.figure()));
    }

    private static List<String> figuresDefined(AuthorityReturn w) {
        return w.sheet("Definitions").rows().stream().map(row -> ((ReturnCell.Text) row.get(0)).value()).toList();
    }

    @Test
    @DisplayName("Issue 23: a council reads its own contract's clauses: no sheet of the LLR, LEW or DERBY return, nor a KPI or "
            + "awareness line of its summary, cites another contract, and every workbook still cites its own")
    void onlyTheContractsOwnClauses() {
        List<String> codes = List.of("LLR", "LEW", "DERBY", "SCIE", "LANCS");
        for (Contract contract : List.of(LLR, ReportFixtures.LEW, DERBY)) {
            String own = contract.code();
            Pattern other = Pattern.compile("\\b(" + String.join("|", codes.stream().filter(code -> !code.equals(own)).toList()) + ")\\b");
            QuarterlyReturn r = everyFigure(contract);
            AuthorityReturn lead = r.workbook(contract.leadAuthority().code());
            assertTrue(lead.summary().referralsReceived() > 0 && count(lead.sheet("Cases closed"), "Cases closed", ALL) > 0
                    && count(lead.sheet("Referrals"), "Inappropriate", ALL) > 0, own + ": the return has figures to cite");
            for (AuthorityReturn w : r.workbooks()) {
                for (ReturnTable sheet : w.sheets()) {
                    for (String text : (sheet.sheet() + "\n" + allText(sheet)).split("\n")) {
                        Matcher cited = other.matcher(text);
                        assertFalse(cited.find(), () -> own + " workbook " + w.authorityCode() + ", sheet '" + sheet.sheet() + "' cites "
                                + cited.group() + ": " + text);
                    }
                }
                List<String> lineClauses = new ArrayList<>();
                w.summary().kpis().forEach(line -> lineClauses.add(line.name() + ": " + line.clause()));
                w.summary().awareness().forEach(line -> lineClauses.add(line.name() + ": " + line.clause()));
                for (String text : lineClauses) {
                    assertFalse(other.matcher(text).find(), own + " workbook " + w.authorityCode() + ", summary line " + text);
                }
                assertTrue(w.sheet("Summary").clause().startsWith(own + " "), own + ": " + w.sheet("Summary").clause());
                assertTrue(w.sheet("KPIs").clause().startsWith(own + " "), own + ": " + w.sheet("KPIs").clause());
                assertEquals(ReturnCell.text(contract.reportSchedule().clause()), cell(w.sheet("Summary"), "Period", "Clause"),
                        "the period as the contract's own reporting clause asks for it");
            }
        }
        for (AuthorityReturn w : everyFigure(ReportFixtures.LEW).workbooks()) {
            for (ReturnTable sheet : w.sheets()) {
                assertFalse(allText(sheet).contains("LLR "), "LEW sheet '" + sheet.sheet() + "'");
            }
        }
        AuthorityReturn lew = everyFigure(ReportFixtures.LEW).workbook("LEWISHAM");
        assertEquals("LEW 17.5", lew.sheet("By gender").clause(), "LEW 17.5: the caseload information gives each young person's gender");
        assertTrue(lew.sheet("People supported").rows().stream().anyMatch(row -> row.get(0).equals(ReturnCell.text("Annual minimum (LEW 7.2)"))));
        assertTrue(everyFigure(LLR).workbook("LEICESTER").sheet("Hours").rows().stream()
                .anyMatch(row -> row.get(0).equals(ReturnCell.text("Guide hours per person (LLR 4.5)"))));
    }

    @Test
    @DisplayName("LLR 26.9, 27.6: no name, date of birth, full postcode, reference or advocate name in any emailed sheet")
    void noPersonalData() {
        ReferralCase c = closed(allocated(imca("Rhiannon Uniquename", LocalDate.of(1937, 3, 9), "LEICESTER", at("2026-10-05T10:00")),
                at("2026-10-06T10:00"), "adv-77"), at("2026-11-05T10:00"), ClosureReason.OUTCOME_REACHED);
        for (AuthorityReturn w : llr(c).workbooks()) {
            for (ReturnTable sheet : w.sheets()) {
                String text = allText(sheet);
                for (String personal : List.of("Rhiannon", "Uniquename", "1937-03-09", "LE1 7RH", c.reference().value(), "Advocate adv-77",
                        "adv-77", "Sam")) {
                    assertFalse(text.contains(personal), sheet.sheet() + " shows " + personal);
                }
            }
        }
    }

    @Test
    @DisplayName("LLR 26.12: the Summary gives the period, authority, generation time in London and software version")
    void summaryHeader() {
        ReturnTable summary = llr().workbook("RUTLAND").sheet("Summary");
        assertEquals(ReturnCell.text("2026-27 Q3: 2026-10-01 to 2026-12-31"), cell(summary, "Period", "Service"));
        assertEquals(ReturnCell.text("Rutland County Council"), cell(summary, "Authority", "Service"));
        assertEquals(ReturnCell.text("2027-01-08 07:00"), cell(summary, "Generated (London time)", "Service"));
        assertEquals(ReturnCell.text("1.2.3-test"), cell(summary, "Software version", "Service"));
        assertTrue(summary.rows().stream().anyMatch(row -> row.get(0).equals(ReturnCell.text("KPI 1"))
                && row.get(6).equals(ReturnCell.text("95%"))));
    }
}
