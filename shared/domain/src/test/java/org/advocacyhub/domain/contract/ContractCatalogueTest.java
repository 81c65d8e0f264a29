package org.advocacyhub.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.testing.London;
import org.advocacyhub.domain.time.CalendarDays;
import org.advocacyhub.domain.time.Deadline;
import org.advocacyhub.domain.time.ElapsedHours;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.ServiceHours;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.advocacyhub.domain.time.WorkingDays;
import org.advocacyhub.domain.time.WorkingHours;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ContractCatalogueTest {

    private final ContractCatalogue catalogue = ContractCatalogue.bundled();

    @Test
    @DisplayName("requirements §2: the three bundled contract files load, once")
    void bundledContractsLoad() {
        assertEquals(List.of("LLR", "LEW", "DERBY"), catalogue.contracts().stream().map(Contract::code).toList());
        assertSame(catalogue, ContractCatalogue.bundled());
        assertEquals("contracts/llr.yaml", catalogue.contract("LLR").orElseThrow().source());
        assertEquals(Optional.empty(), catalogue.contract("NOPE"));
    }

    @ParameterizedTest(name = "requirements §2: {0} belongs to exactly one contract, {1}")
    @CsvSource({"IMCA, LLR", "DOLS_IMCA, LLR", "IMHA, LLR", "CARE_ACT, LLR", "ICAS, LLR", "CYP, LEW", "ACCOMMODATION, DERBY"})
    void contractForService(ServiceCode service, String contract) {
        assertEquals(contract, catalogue.contractFor(service).code());
        assertEquals(1, catalogue.contracts().stream().filter(each -> each.offers(service)).count());
        assertEquals(service, catalogue.contractFor(service).service(service).code());
    }

    @ParameterizedTest(name = "{0}: authorities {1}, lead {2}")
    @CsvSource(delimiter = '|', textBlock = """
            LLR   | LEICESTERSHIRE LEICESTER RUTLAND              | LEICESTERSHIRE
            LEW   | LEWISHAM                                      | LEWISHAM
            DERBY | DERBY DERBYSHIRE NOTTINGHAMSHIRE NOTTINGHAM   | DERBY
            """)
    void authorities(String code, String authorities, String lead) {
        Contract contract = catalogue.contract(code).orElseThrow();
        assertEquals(List.of(authorities.split(" ")), contract.authorities().stream().map(Authority::code).toList());
        assertEquals(lead, contract.leadAuthority().code());
        assertTrue(contract.authorities().stream().allMatch(authority -> !authority.reportRecipients().isEmpty()));
    }

    @Test
    @DisplayName("LLR 23.1: Leicestershire County Council is the lead; authorities are found by code")
    void authorityByCode() {
        Contract llr = catalogue.contract("LLR").orElseThrow();
        assertEquals("Leicester City Council", llr.authority("LEICESTER").orElseThrow().name());
        assertFalse(llr.authority("LEICESTER").orElseThrow().lead());
        assertEquals("Leicestershire County Council", llr.leadAuthority().name());
        assertEquals(Optional.empty(), llr.authority("LEWISHAM"));
    }

    @ParameterizedTest(name = "LEW 8.2: a CYP referral from {0} is accepted only from self or the Participation Manager")
    @EnumSource(ReferralSource.class)
    void lewAcceptsOnlySelfAndParticipationManager(ReferralSource source) {
        boolean allowed = source == ReferralSource.SELF || source == ReferralSource.PARTICIPATION_MANAGER;
        assertEquals(allowed, catalogue.contractFor(ServiceCode.CYP).accepts(source));
        assertTrue(catalogue.contractFor(ServiceCode.IMCA).accepts(source), "LLR 8.33: open referral process");
    }

    @Test
    @DisplayName("DERBY 3.3.1: accommodation referrals come from the council's teams, not self-referral")
    void derbySources() {
        assertEquals(EnumSet.of(ReferralSource.CHILDRENS_SOCIAL_CARE, ReferralSource.LA_CUSTOMER_SERVICE_CENTRE, ReferralSource.OTHER),
                catalogue.contractFor(ServiceCode.ACCOMMODATION).allowedReferralSources());
    }

    @Test
    @DisplayName("LLR 9.38a: IMCA allocation is 2 working days from receipt, KPI 1 target 95%")
    void imcaAllocationClock() {
        ClockDefinition allocation = catalogue.contractFor(ServiceCode.IMCA).service(ServiceCode.IMCA).clock("allocation");
        assertEquals(new WorkingDays(2), allocation.rule());
        assertEquals(ClockEvent.REFERRAL_RECEIVED, allocation.start());
        assertEquals(ClockEvent.ALLOCATED, allocation.stop());
        assertEquals("LLR 9.38a", allocation.clause());
        assertEquals("allocate an advocate", allocation.description());
        assertEquals(0, new BigDecimal("95").compareTo(allocation.kpi().orElseThrow().targetPercent().orElseThrow()));
        assertEquals("KPI 1", allocation.kpi().orElseThrow().name());
    }

    @Test
    @DisplayName("LLR 9.38a: a referral received Thu 24 Dec 2026 20:00 is taken as received Tue 29 Dec, allocation due Thu 31 Dec 17:00")
    void christmasEveReferral() {
        Instant received = Instant.parse("2026-12-24T20:00:00Z");
        Contract llr = catalogue.contractFor(ServiceCode.IMCA);
        Deadline deadline = llr.firstDeadline(ServiceCode.IMCA, received, false);
        assertEquals(LocalDate.of(2026, 12, 29), deadline.takenAsDay());
        assertEquals(Instant.parse("2026-12-31T17:00:00Z"), deadline.due());
        assertEquals(deadline, llr.service(ServiceCode.IMCA).clock("allocation").rule().deadline(received, llr.calendar()));
    }

    @ParameterizedTest(name = "{0}: first clock {1} ({3}), {2}")
    @CsvSource(delimiter = '|', textBlock = """
            IMCA          | allocation | 2 working days | LLR 9.38a   | REFERRAL_RECEIVED
            DOLS_IMCA     | allocation | 2 working days | LLR 9.38a   | REFERRAL_RECEIVED
            IMHA          | allocation | 2 working days | LLR 9.38a   | REFERRAL_RECEIVED
            CARE_ACT      | allocation | 2 working days | LLR 9.38a   | REFERRAL_RECEIVED
            ICAS          | allocation | 2 working days | LLR 9.38a   | REFERRAL_RECEIVED
            CYP           | contact    | 72 hours       | LEW 8.4     | REFERRAL_ACCEPTED
            ACCOMMODATION | response   | 24 hours       | DERBY 3.3.1 | REFERRAL_RECEIVED
            """)
    void firstClocks(ServiceCode service, String clock, String rule, String clause, ClockEvent start) {
        ClockDefinition first = catalogue.contractFor(service).service(service).firstClock();
        assertEquals(clock, first.name());
        assertEquals(rule, first.rule().describe());
        assertEquals(clause, first.clause());
        assertEquals(start, first.start());
    }

    @Test
    @DisplayName("DERBY 3.3.1: respond within 24 hours, or 1 hour when urgent, 100% target")
    void derbyUrgentResponse() {
        Contract derby = catalogue.contractFor(ServiceCode.ACCOMMODATION);
        ClockDefinition response = derby.service(ServiceCode.ACCOMMODATION).clock("response");
        assertEquals(new ElapsedHours(24), response.rule(false));
        assertEquals(new ElapsedHours(1), response.rule(true));
        Instant received = London.at("2026-12-25T19:30");
        assertEquals(London.at("2026-12-25T20:30"), derby.firstDeadline(ServiceCode.ACCOMMODATION, received, true).due());
        assertEquals(London.at("2026-12-26T19:30"), derby.firstDeadline(ServiceCode.ACCOMMODATION, received, false).due());
        assertEquals(0, BigDecimal.valueOf(100).compareTo(response.kpi().orElseThrow().targetPercent().orElseThrow()));
        assertEquals("1 hour", response.startClock(received, true).rule().describe());
    }

    @Test
    @DisplayName("LEW 8.4: the CYP contact clock is 72 elapsed hours from acceptance, reported without a percentage target")
    void cypContact() {
        ClockDefinition contact = catalogue.contractFor(ServiceCode.CYP).service(ServiceCode.CYP).clock("contact");
        assertEquals(new ElapsedHours(72), contact.rule());
        assertEquals(new ElapsedHours(72), contact.rule(true));
        assertEquals(Optional.empty(), contact.kpi().orElseThrow().targetPercent());
    }

    @ParameterizedTest(name = "{0}: clock {1} is {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            IMCA      | first-contact         | 1 working day  | LLR 9.38b
            IMCA      | first-meeting         | 7 working days | LLR 9.38c
            IMCA      | report                | 5 working days | LLR 5.23
            DOLS_IMCA | report                | 3 working days | LLR 5.45
            IMHA      | imha-contact          | 1 working day  | LLR 7.25
            IMHA      | imha-meeting          | 7 working days | LLR 7.25
            IMHA      | eligibility-confirmed | 3 days         | LLR 7.48
            ICAS      | first-meeting         | 7 working days | LLR 9.38c
            """)
    void otherLlrClocks(ServiceCode service, String name, String rule, String clause) {
        ClockDefinition clock = catalogue.contractFor(service).service(service).clock(name);
        assertEquals(rule, clock.rule().describe());
        assertEquals(clause, clock.clause());
    }

    @Test
    @DisplayName("LLR 9.23: the answerphone callback is a contract-wide clock of 24 hours excluding weekends and bank holidays")
    void answerphoneCallback() {
        ClockDefinition callback = catalogue.contract("LLR").orElseThrow().clock("answerphone-callback");
        assertEquals(new WorkingHours(24), callback.rule());
        assertEquals(ClockEvent.MESSAGE_LEFT, callback.start());
        assertThrows(IllegalArgumentException.class, () -> catalogue.contract("LEW").orElseThrow().clock("answerphone-callback"));
    }

    @ParameterizedTest(name = "LLR 4.5: {0} minimum {1} unique persons a year, guide {2} hours each")
    @CsvSource({"CARE_ACT, 500, 10", "IMCA, 350, 11.5", "IMHA, 850, 2.5", "ICAS, 300, 8"})
    void llrAnnualTargets(ServiceCode service, int persons, BigDecimal guideHours) {
        AnnualTargets targets = catalogue.contractFor(service).service(service).annualTargets().orElseThrow();
        assertEquals(OptionalInt.of(persons), targets.uniquePersonsMinimum());
        assertEquals(0, guideHours.compareTo(targets.guideHoursPerPerson().orElseThrow()));
        assertEquals("LLR 4.5", targets.clause());
        HourThreshold over20 = catalogue.contractFor(service).service(service).hourThreshold(HourThreshold.Kind.RECORD_REQUESTS_OVER).orElseThrow();
        assertEquals(0, BigDecimal.valueOf(20).compareTo(over20.hours()));
        assertEquals("LLR 26.17", over20.clause());
    }

    @Test
    @DisplayName("LEW 7.1-7.3, 7.16, 8.9, 8.11: 1,000 block hours for 60-80 young people; review at 8 hours, cap 12, conference cap 15")
    void lewHours() {
        ServiceConfig cyp = catalogue.contractFor(ServiceCode.CYP).service(ServiceCode.CYP);
        AnnualTargets targets = cyp.annualTargets().orElseThrow();
        assertEquals(OptionalInt.of(1000), targets.blockHours());
        assertEquals(OptionalInt.of(60), targets.uniquePersonsMinimum());
        assertEquals(OptionalInt.of(80), targets.uniquePersonsMaximum());
        assertEquals(0, BigDecimal.valueOf(8).compareTo(cyp.hourThreshold(HourThreshold.Kind.REVIEW).orElseThrow().hours()));
        assertEquals(0, BigDecimal.valueOf(12).compareTo(cyp.hourThreshold(HourThreshold.Kind.CAP).orElseThrow().hours()));
        assertEquals(0, BigDecimal.valueOf(15).compareTo(cyp.hourThreshold(HourThreshold.Kind.CONFERENCE_CAP).orElseThrow().hours()));
        assertEquals("LEW 7.16", cyp.hourThreshold(HourThreshold.Kind.CONFERENCE_CAP).orElseThrow().clause());
    }

    @Test
    @DisplayName("LLR 9.20, LEW 8.5, DERBY 3.3.6: service hours")
    void serviceHours() {
        assertEquals(ServiceHours.OFFICE_HOURS, catalogue.contract("LLR").orElseThrow().serviceHours());
        assertEquals(ServiceHours.OFFICE_HOURS, catalogue.contract("LEW").orElseThrow().serviceHours());
        assertEquals(new ServiceHours(LocalTime.of(8, 0), LocalTime.of(20, 0), ServiceHours.Days.EVERY_DAY),
                catalogue.contract("DERBY").orElseThrow().serviceHours());
        assertEquals("DERBY 3.3.6", catalogue.contract("DERBY").orElseThrow().serviceHoursClause());
    }

    @ParameterizedTest(name = "{0}: the report for {1} is due {2}")
    @CsvSource({"LLR, FY2026Q3, 2027-01-21", "LLR, FY2026Q4, 2027-04-21", "LEW, FY2026Q3, 2027-01-15", "LEW, FY2026Q1, 2026-07-15"})
    void reportDueDates(String code, String quarter, LocalDate due) {
        assertEquals(Optional.of(due), catalogue.contract(code).orElseThrow().reportSchedule().dueDate(FinancialQuarter.parseKey(quarter)));
    }

    @Test
    @DisplayName("DERBY 3.7.1 sets quarterly figures but no submission date")
    void derbyHasNoReportDueDate() {
        ReportSchedule schedule = catalogue.contract("DERBY").orElseThrow().reportSchedule();
        assertEquals(Optional.empty(), schedule.dueDate(new FinancialQuarter(2026, 3)));
        assertTrue(schedule.perAuthority());
    }

    @Test
    @DisplayName("every clock, KPI and threshold cites its clause")
    void everyRuleCitesItsClause() {
        Pattern clause = Pattern.compile("(LLR|LEW|DERBY) \\S.*");
        for (Contract contract : catalogue.contracts()) {
            assertTrue(clause.matcher(contract.serviceHoursClause()).matches());
            assertTrue(clause.matcher(contract.reportSchedule().clause()).matches());
            for (ServiceConfig service : contract.services()) {
                for (ClockDefinition clock : service.clocks()) {
                    assertTrue(clause.matcher(clock.clause()).matches(), clock::toString);
                    clock.kpi().ifPresent(kpi -> assertTrue(clause.matcher(kpi.clause()).matches(), kpi::toString));
                }
                service.hourThresholds().forEach(threshold -> assertTrue(clause.matcher(threshold.clause()).matches()));
            }
        }
    }

    @Test
    @DisplayName("a configured extra bank holiday reaches every contract's clocks without a release")
    void extraHolidaysFromConfiguration() {
        ContractCatalogue configured = catalogue.withCalendar(WorkingCalendar.englandAndWales(Set.of(LocalDate.of(2026, 6, 1))));
        Instant received = London.at("2026-05-29T10:00");
        assertEquals(London.at("2026-06-02T17:00"), catalogue.contractFor(ServiceCode.IMCA).firstDeadline(ServiceCode.IMCA, received, false).due());
        assertEquals(London.at("2026-06-03T17:00"), configured.contractFor(ServiceCode.IMCA).firstDeadline(ServiceCode.IMCA, received, false).due());
        assertFalse(configured.contractFor(ServiceCode.CYP).calendar().isWorkingDay(LocalDate.of(2026, 6, 1)));
    }

    @Test
    @DisplayName("asking for a service or clock a contract does not have names what it has")
    void unknownServiceOrClock() {
        Contract lew = catalogue.contract("LEW").orElseThrow();
        IllegalArgumentException noService = assertThrows(IllegalArgumentException.class, () -> lew.service(ServiceCode.IMCA));
        assertEquals("LEW does not commission IMCA; it commissions CYP", noService.getMessage());
        IllegalArgumentException noClock = assertThrows(IllegalArgumentException.class, () -> lew.service(ServiceCode.CYP).clock("allocation"));
        assertEquals("CYP has no clock 'allocation'; it has contact", noClock.getMessage());
        assertEquals(new CalendarDays(3), catalogue.contractFor(ServiceCode.IMHA).service(ServiceCode.IMHA).clock("eligibility-confirmed").rule());
    }

    @Test
    @DisplayName("LLR Appendix One: the feedback at closure asks each of outcomes 1 to 11, then satisfaction and comments")
    void llrFeedbackAsksTheOutcomes() {
        List<FeedbackQuestion> questions = catalogue.contract("LLR").orElseThrow().feedback();
        List<String> outcomes = questions.stream().map(FeedbackQuestion::clause).filter(c -> c.startsWith("LLR Appendix One Outcome ")).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(n -> "LLR Appendix One Outcome " + n).toList(), outcomes);
        assertTrue(questions.stream().filter(q -> q.clause().startsWith("LLR Appendix One Outcome"))
                .allMatch(q -> q.answer() == FeedbackQuestion.AnswerKind.YES_NO), "each outcome is a share of people: yes or no");
        assertEquals(FeedbackQuestion.AnswerKind.SCALE_1_TO_5, catalogue.contract("LLR").orElseThrow().feedbackQuestion("overallSatisfaction")
                .orElseThrow().answer());
        assertTrue(questions.stream().noneMatch(FeedbackQuestion::required), "a person may leave any question unanswered");
        // LLR Appendix One "Requirement" column, outcomes 1 to 11.
        assertEquals(List.of(95, 90, 85, 90, 95, 85, 85, 90, 100, 100, 95), questions.stream()
                .filter(q -> q.clause().startsWith("LLR Appendix One Outcome")).map(q -> q.targetPercent().orElseThrow().intValueExact())
                .toList());
        assertTrue(questions.stream().filter(q -> q.clause().startsWith("LLR Appendix One Outcome"))
                .allMatch(q -> q.measure().orElseThrow().startsWith("Outcome ")), "each names its outcome");
        assertTrue(catalogue.contract("LLR").orElseThrow().feedbackQuestion("overallSatisfaction").orElseThrow().targetPercent().isEmpty(),
                "satisfaction has no Appendix One requirement");
    }

    @Test
    @DisplayName("LEW 13.3, Appendix 1: the young person is asked the seven outcome measures they report at closure")
    void lewFeedbackAsksAppendixOne() {
        List<FeedbackQuestion> questions = catalogue.contract("LEW").orElseThrow().feedback().stream()
                .filter(q -> q.askedOf() == FeedbackQuestion.AskedOf.PERSON).toList();
        assertEquals(List.of("listenedTo", "understandsProcesses", "understandsRights", "satisfiedWithService", "satisfiedWithOutcome",
                "betterRelationship", "moreConfident"), questions.stream().filter(q -> q.clause().equals("LEW Appendix 1"))
                .map(FeedbackQuestion::id).toList());
        assertEquals("comments", questions.get(questions.size() - 1).id(), "the young person's last question");
        // LEW Appendix 1 "Target" column for the measures the young person reports.
        assertEquals(List.of(100, 80, 80, 100, 80, 80, 80), questions.stream().filter(q -> q.clause().equals("LEW Appendix 1"))
                .map(q -> q.targetPercent().orElseThrow().intValueExact()).toList());
    }

    @Test
    @DisplayName("LEW Appendix 1: the advocate is asked the measures the advocate reports, each with Appendix 1's target, and "
            + "whether the young person was referred to the participation forum, a count with no target")
    void lewFeedbackAsksTheAdvocateTheMeasuresTheAdvocateReports() {
        Contract lew = catalogue.contract("LEW").orElseThrow();
        List<FeedbackQuestion> advocate = lew.feedback().stream().filter(q -> q.askedOf() == FeedbackQuestion.AskedOf.ADVOCATE
                && q.issueRaised().isEmpty()).toList();
        // LEW Appendix 1 "Count of issues raised by young people (categories to be confirmed)": the provider's provisional
        // categories, each a yes or no the advocate answers, measuring nothing.
        List<FeedbackQuestion> issues = lew.feedback().stream().filter(q -> q.issueRaised().isPresent()).toList();
        assertEquals(List.of("Placement or accommodation", "Contact with family and friends", "Social worker or personal adviser",
                "Education, training or work", "Health or wellbeing", "Money or leaving care support", "Another kind of issue"),
                issues.stream().map(q -> q.issueRaised().orElseThrow()).toList());
        assertTrue(issues.stream().allMatch(q -> q.askedOf() == FeedbackQuestion.AskedOf.ADVOCATE && q.answer() == FeedbackQuestion.AnswerKind.YES_NO
                && q.measure().isEmpty() && q.targetPercent().isEmpty()), "counted, not measured");
        assertEquals(List.of("advocateUnderstandsProcesses", "advocateUnderstandsRights", "advocateBetterRelationship",
                "advocateMoreConfident", "selfAdvocacyInMeeting", "selfAdvocacyInWriting", "positiveOutcome", "referredToParticipation"),
                advocate.stream().map(FeedbackQuestion::id).toList());
        assertTrue(advocate.stream().allMatch(q -> q.answer() == FeedbackQuestion.AnswerKind.YES_NO && q.clause().equals("LEW Appendix 1")
                && !q.required()), "each a yes or no the advocate may leave unanswered");
        assertTrue(advocate.stream().allMatch(q -> q.measure().orElseThrow().startsWith("Advocate reports ")),
                "the measure says who reported it");
        // LEW Appendix 1 "Target" column: 80% for what the advocate reports of understanding, relationship and confidence;
        // 100% for self-advocacy in a meeting and in writing and for a positive outcome; the referrals are a number (N/A).
        assertEquals(List.of("80", "80", "80", "80", "100", "100", "100", "none"), advocate.stream()
                .map(q -> q.targetPercent().map(t -> t.toPlainString()).orElse("none")).toList());
        assertEquals(FeedbackQuestion.AskedOf.PERSON, lew.feedbackQuestion("listenedTo").orElseThrow().askedOf(),
                "askedOf left out: the young person");
        assertTrue(catalogue.contract("LLR").orElseThrow().feedback().stream().allMatch(q -> q.askedOf() == FeedbackQuestion.AskedOf.PERSON),
                "LLR asks the person only");
    }

    @Test
    @DisplayName("DERBY asks no feedback at closure: its cases end with the answer to the council, not advocacy")
    void derbyAsksNoFeedback() {
        assertEquals(List.of(), catalogue.contract("DERBY").orElseThrow().feedback());
    }

    @Test
    @DisplayName("LLR Appendix One: 4 case studies per quarter, per service, and the service activity summaries i to vii; LEW 17.2 "
            + "one summary of feedback and areas for development; DERBY none")
    void caseStudiesAndServiceSummariesAreConfigured() {
        ReportSchedule llr = catalogue.contract("LLR").orElseThrow().reportSchedule();
        assertEquals(Optional.of(new ReportSchedule.CaseStudies(4, "LLR Appendix One")), llr.caseStudies());
        assertEquals(List.of("harderToReach", "peerSupport", "involvement", "rightsAndIndependence", "goodPractice", "networking",
                "trends"), llr.serviceSummaries().stream().map(ReportSchedule.ServiceSummary::id).toList());
        assertTrue(llr.serviceSummaries().stream().allMatch(s -> s.clause().equals("LLR Appendix One, 26.17")), "i to vii of Appendix One");
        assertEquals("Trends in each service area", llr.serviceSummary("trends").orElseThrow().title());
        ReportSchedule lew = catalogue.contract("LEW").orElseThrow().reportSchedule();
        assertEquals(Optional.empty(), lew.caseStudies());
        assertEquals(List.of(new ReportSchedule.ServiceSummary("areasForDevelopment",
                "Service user feedback, areas for development and actions taken", "LEW 17.2")), lew.serviceSummaries());
        ReportSchedule derby = catalogue.contract("DERBY").orElseThrow().reportSchedule();
        assertEquals(Optional.empty(), derby.caseStudies());
        assertEquals(List.of(), derby.serviceSummaries());
    }
}
