package org.advocacyhub.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed contract file fails at load with a message naming the file, the field and the problem. */
class ContractValidationTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

    @Test
    @DisplayName("the minimal test contract the malformed files are copied from is itself valid")
    void minimalContractLoads() {
        ContractCatalogue catalogue = ContractCatalogue.fromResources(List.of("contracts/valid-minimal.yaml"), CALENDAR);
        assertEquals("TEST", catalogue.contractFor(ServiceCode.IMCA).code());
    }

    @ParameterizedTest(name = "{0}.yaml fails: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-rule      | services[0].clocks[0].rule: unknown rule 'workng-days'; expected one of working-days, working-hours, elapsed-hours, calendar-days
            missing-policy    | services[0].eligibilityPolicy: is required
            unknown-service   | services[0].code: unknown value 'IMCAA'; expected one of IMCA, DOLS_IMCA, IMHA, CARE_ACT, ICAS, CYP, ACCOMMODATION
            unquoted-time     | serviceHours.closes: expected a time like "17:00" in quotes (YAML reads an unquoted 17:00 as a number)
            misspelt-field    | services[0].clocks[0].amuont: unknown field; expected one of name, description, start, stop, rule, amount, urgent, clause, kpi
            wrong-first-clock | services[0].firstClock: no clock named 'alocation' in this service; its clocks are allocation
            bad-clause        | services[0].clocks[0].clause: expected a clause reference like 'LLR 9.38a' (LLR, LEW, DERBY, SCIE or LANCS and the clause) but was '9.38a'
            no-lead           | authorities: exactly one authority must have lead: true, but 0 do
            bad-email         | authorities[0].reportRecipients[0]: expected an email address but was 'reports at testshire'
            same-start-stop   | services[0].clocks[0].stop: a clock cannot stop on the event that starts it (REFERRAL_RECEIVED)
            bad-source        | referralSources.allowed[1]: unknown value 'PARTICIPATION_MANGER'; expected one of
            duplicate-key     | line 4, column 1: not valid YAML: found duplicate key name
            not-yaml          | line 4, column 1: not valid YAML: expected ',' or '}', but got <stream end>
            empty             | the file is empty; expected a contract
            feedback-bad-answer     | feedback[0].answer: unknown value 'YES_OR_NO'; expected one of YES_NO, SCALE_1_TO_5, SHORT_TEXT
            feedback-duplicate-id   | feedback[1].id: duplicate question id 'listenedTo'
            feedback-bad-id         | feedback[0].id: expected an id like 'listenedTo' (a lower-case letter, then letters and digits, at most 40) but was 'listened-to'
            feedback-misspelt-field | feedback[0].qestion: unknown field; expected one of id, question, answer, clause, required, measure, targetPercent, askedOf
            feedback-bad-asked-of   | feedback[0].askedOf: unknown value 'SOCIAL_WORKER'; expected one of PERSON, ADVOCATE
            feedback-text-target    | feedback[0].targetPercent: a question answered in words has no share to set a target against
            feedback-issue-in-words | feedback[0].issueRaised: an issue raised is counted from a yes, so the question is answered YES_NO
            case-studies-misspelt-field | reportSchedule.caseStudies.perServce: unknown field; expected one of perService, clause
            case-studies-none           | reportSchedule.caseStudies.perService: must be between 1 and 100 but was 0
            summary-duplicate-id        | reportSchedule.serviceSummaries[1].id: duplicate service summary id 'trends'
            summary-bad-id              | reportSchedule.serviceSummaries[0].id: expected an id of letters and digits starting with a letter, like harderToReach, but was 'peer support'
            summary-misspelt-field      | reportSchedule.serviceSummaries[0].titel: unknown field; expected one of id, title, clause
            annual-return-summary-id    | reportSchedule.annualReturn.items: annual return item id 'trends' is a service summary's id too
            annual-return-unknown-authority | reportSchedule.annualReturn.authority: 'ELSEWHERE' is not one of the contract's authorities
            report-schedule-misspelt-field | reportSchedule.serviceSumaries: unknown field; expected one of due, perAuthority, clause, goalsKpi, awarenessKpis, caseloadList, start, caseStudies, serviceSummaries
            """)
    void malformedFileFailsNamingFileFieldAndProblem(String file, String expected) {
        String resource = "contracts/malformed/" + file + ".yaml";
        ContractConfigurationException error = assertThrows(ContractConfigurationException.class,
                () -> ContractCatalogue.fromResources(List.of(resource), CALENDAR));
        String expectedStart = resource + ": " + expected;
        assertTrue(error.problems().stream().anyMatch(problem -> problem.startsWith(expectedStart)),
                () -> "expected a problem starting\n  " + expectedStart + "\nbut got\n  " + String.join("\n  ", error.problems()));
    }

    @Test
    @DisplayName("LEW 13.3: a contract's feedback questions load with their answer kinds, and are optional unless marked required")
    void feedbackQuestionsLoad() {
        Contract contract = ContractCatalogue.fromResources(List.of("contracts/valid-feedback.yaml"), CALENDAR).contract("TEST").orElseThrow();
        assertEquals(List.of(
                new FeedbackQuestion("listenedTo", "Did you feel listened to?", FeedbackQuestion.AnswerKind.YES_NO, "LEW Appendix 1", true),
                new FeedbackQuestion("overallSatisfaction", "How satisfied are you, from 1 to 5?", FeedbackQuestion.AnswerKind.SCALE_1_TO_5,
                        "LLR 9.51", false),
                new FeedbackQuestion("comments", "Anything else?", FeedbackQuestion.AnswerKind.SHORT_TEXT, "LEW 17.2", false),
                new FeedbackQuestion("knowsRights", "Do they know their rights better?", FeedbackQuestion.AnswerKind.YES_NO,
                        "LEW Appendix 1", false, java.util.Optional.empty(), java.util.Optional.empty(),
                        FeedbackQuestion.AskedOf.ADVOCATE)),
                contract.feedback(), "askedOf left out: the person answers it");
        assertEquals(List.of(), ContractCatalogue.fromResources(List.of("contracts/valid-minimal.yaml"), CALENDAR)
                .contract("TEST").orElseThrow().feedback(), "no feedback section: no questions");
    }

    @Test
    @DisplayName("LLR 26.16, Appendix One; LEW 17.2: case studies a service and the service summaries load in the file's order; "
            + "a file without them asks for none")
    void caseStudiesAndServiceSummariesLoad() {
        ReportSchedule schedule = ContractCatalogue.fromResources(List.of("contracts/valid-case-studies.yaml"), CALENDAR)
                .contract("TEST").orElseThrow().reportSchedule();
        assertEquals(java.util.Optional.of(new ReportSchedule.CaseStudies(2, "LLR Appendix One")), schedule.caseStudies());
        assertEquals(List.of(new ReportSchedule.ServiceSummary("trends", "Trends in each service area", "LLR Appendix One, 26.17"),
                new ReportSchedule.ServiceSummary("areasForDevelopment", "Feedback, areas for development and actions taken", "LEW 17.2")),
                schedule.serviceSummaries());
        assertEquals("Trends in each service area", schedule.serviceSummary("trends").orElseThrow().title());
        ReportSchedule minimal = ContractCatalogue.fromResources(List.of("contracts/valid-minimal.yaml"), CALENDAR)
                .contract("TEST").orElseThrow().reportSchedule();
        assertEquals(java.util.Optional.empty(), minimal.caseStudies());
        assertEquals(List.of(), minimal.serviceSummaries());
    }

    @Test
    @DisplayName("every problem in a file is reported at once, one per line")
    void allProblemsReportedTogether() {
        String resource = "contracts/malformed/many-problems.yaml";
        ContractConfigurationException error = assertThrows(ContractConfigurationException.class,
                () -> ContractCatalogue.fromResources(List.of(resource), CALENDAR));
        assertEquals(List.of(
                resource + ": code: expected an upper-case code like LLR but was 'test'",
                resource + ": serviceHours.days: unknown value 'WEEKDAYS'; expected one of WORKING_DAYS, EVERY_DAY",
                resource + ": services[0].clocks[0].amount: must be between 1 and 8784 but was 0"), error.problems());
        assertTrue(error.getMessage().startsWith("3 problems in the contract configuration:\n" + resource + ": code:"), error.getMessage());
    }

    @Test
    @DisplayName("a service claimed by two contracts fails, naming both files: each service belongs to exactly one contract")
    void serviceInTwoContracts() {
        ContractConfigurationException error = assertThrows(ContractConfigurationException.class,
                () -> ContractCatalogue.fromResources(
                        List.of("contracts/valid-minimal.yaml", "contracts/malformed/second-contract-with-imca.yaml"), CALENDAR));
        assertEquals(List.of("contracts/malformed/second-contract-with-imca.yaml: services[0].code: IMCA already belongs to TEST "
                + "(contracts/valid-minimal.yaml); each service belongs to exactly one contract"), error.problems());
    }

    @Test
    @DisplayName("a missing file is named")
    void missingFile() {
        ContractConfigurationException error = assertThrows(ContractConfigurationException.class,
                () -> ContractCatalogue.fromResources(List.of("contracts/nope.yaml"), CALENDAR));
        assertEquals("contracts/nope.yaml: no such file on the classpath", error.getMessage());
    }
}
