package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReportFixtures.DERBY;
import static org.advocacyhub.domain.reports.ReportFixtures.LEW;
import static org.advocacyhub.domain.reports.ReportFixtures.LLR;
import static org.advocacyhub.domain.reports.ReportFixtures.allocated;
import static org.advocacyhub.domain.reports.ReportFixtures.closed;
import static org.advocacyhub.domain.reports.ReportFixtures.eligible;
import static org.advocacyhub.domain.reports.ReportFixtures.person;
import static org.advocacyhub.domain.reports.ReportFixtures.received;
import static org.advocacyhub.domain.reports.ReportFixtures.reopened;
import static org.advocacyhub.domain.testing.London.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.casestudy.CaseStudies;
import org.advocacyhub.domain.casestudy.CaseStudy;
import org.advocacyhub.domain.casestudy.Consent;
import org.advocacyhub.domain.casestudy.ServiceSummary;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules of case studies and service summaries (LLR 26.16, 26.17, 27.3, Appendix One; LEW 17.2). */
class CaseStudiesTest {

    private static final FinancialQuarter Q3 = new FinancialQuarter(2026, 3);
    private static final Instant AT = at("2027-01-04T10:00");

    private static ReferralCase allocatedImca(String name) {
        Instant receivedAt = at("2026-10-05T10:00");
        return allocated(eligible(received(ServiceCode.IMCA, person(name, LocalDate.of(1940, 1, 1), "RUTLAND"), receivedAt),
                receivedAt.plusSeconds(600)), receivedAt.plusSeconds(3600), "ira-imca");
    }

    private static CaseStudy study(int sequence, ServiceCode service, boolean selected) {
        CaseStudy first = CaseStudy.first("LLR", service, Q3, new ReferralReference("LLR", 2026, sequence), List.of(), Consent.GIVEN,
                "A journey", "ira-imca", AT);
        return selected ? first.withSelected(true) : first;
    }

    @Test
    @DisplayName("LLR Appendix One B: a case study is written once the case has closed, for the quarter it closed in (London), "
            + "and only for a contract that asks for case studies")
    void writtenAtOrAfterClosure() {
        ReferralCase open = allocatedImca("Alex Testperson");
        assertTrue(CaseStudies.notWritable(open, LLR).orElseThrow().contains("Close the case first"));
        ReferralCase closedAtMidnight = closed(open, at("2026-12-31T23:30"), ClosureReason.OUTCOME_REACHED);
        assertEquals(Optional.empty(), CaseStudies.notWritable(closedAtMidnight, LLR));
        assertEquals(Q3, CaseStudies.quarterOf(closedAtMidnight), "31 December in London");
        assertEquals(new FinancialQuarter(2026, 4), CaseStudies.quarterOf(closed(open, at("2027-01-01T00:30"),
                ClosureReason.OUTCOME_REACHED)));
        assertTrue(CaseStudies.notWritable(reopened(closedAtMidnight), LLR).isPresent(), "a reopened case waits for its next closure");
        assertEquals(Optional.of("The LEW contract asks for no case studies."), CaseStudies.notWritable(closedAtMidnight, LEW));
    }

    @Test
    @DisplayName("LLR Appendix One Outcome KPI: a case study evidences the outcome measures of the contract's feedback questions, "
            + "the eleven outcomes, not satisfaction or comments")
    void measures() {
        List<FeedbackQuestion> measures = CaseStudies.measures(LLR);
        assertEquals(11, measures.size());
        assertEquals("gotInformation", measures.get(0).id());
        assertTrue(measures.stream().noneMatch(q -> q.id().equals("overallSatisfaction") || q.id().equals("comments")));
        assertEquals(List.of(), CaseStudies.measures(DERBY));
    }

    @Test
    @DisplayName("Consent is the person's agreement, or their best interests with no identifying details when they could not consent")
    void consent() {
        assertEquals("The person agreed", Consent.GIVEN.displayName());
        assertEquals("The person could not consent; shared in their best interests with no identifying details",
                Consent.BEST_INTERESTS.displayName());
        assertEquals(List.of("GIVEN", "BEST_INTERESTS"), java.util.Arrays.stream(Consent.values()).map(Enum::name).toList());
    }

    @Test
    @DisplayName("LLR Appendix One: 4 case studies per quarter, per service: a fifth of a service is refused naming 'selected'; "
            + "one already selected, or another service's, is not")
    void selectionLimit() {
        List<CaseStudy> quarter = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            quarter.add(study(i, ServiceCode.IMCA, true));
        }
        CaseStudy fifth = study(5, ServiceCode.IMCA, false);
        quarter.add(fifth);
        quarter.add(study(6, ServiceCode.IMHA, false));
        FieldError refused = CaseStudies.selectionRefused(quarter, fifth, LLR.reportSchedule().caseStudies().orElseThrow()).orElseThrow();
        assertEquals("selected", refused.field());
        assertTrue(refused.message().contains("4 case studies of each service a quarter (LLR Appendix One)"), refused.message());
        assertEquals(Optional.empty(), CaseStudies.selectionRefused(quarter, quarter.get(0),
                LLR.reportSchedule().caseStudies().orElseThrow()), "selected already: choosing it again is no fifth");
        assertEquals(Optional.empty(), CaseStudies.selectionRefused(quarter, quarter.get(5), LLR.reportSchedule().caseStudies().orElseThrow()));
    }

    @Test
    @DisplayName("LLR Appendix One C and D: a summary is its text or a statement that it was not completed, exactly one")
    void summaryTextOrNotCompleted() {
        assertEquals(List.of(), CaseStudies.summaryErrors("Met two forums", null));
        assertEquals(List.of(), CaseStudies.summaryErrors(null, true));
        assertEquals("notCompleted", CaseStudies.summaryErrors("Met two forums", true).get(0).field());
        assertEquals("text", CaseStudies.summaryErrors(null, false).get(0).field());
        assertEquals("text", CaseStudies.summaryErrors("  ", null).get(0).field());
        assertThrows(IllegalArgumentException.class, () -> new ServiceSummary("LLR", Q3, "trends", "Text", true, "m", AT, 1));
        assertThrows(IllegalArgumentException.class, () -> new ServiceSummary("LLR", Q3, "trends", null, false, "m", AT, 1));
        ServiceSummary first = ServiceSummary.written(null, "LLR", Q3, "trends", "Text", false, "m", AT);
        ServiceSummary stated = ServiceSummary.written(first, "LLR", Q3, "trends", "ignored", true, "m", AT);
        assertEquals(List.of(1, 2), List.of(first.revision(), stated.revision()));
        assertEquals(null, stated.text(), "a statement of not completed keeps no text");
        assertTrue(stated.says(null, true) && first.says("Text", false));
    }

    @Test
    @DisplayName("LLR 26.9, 27.6: a case study naming its person, or with a full date, is what the identifying details rule refuses")
    void identifyingRefused() {
        ReferralCase c = allocatedImca("Rhiannon Uniquename");
        assertEquals(List.of("the person's name"), IdentifyingDetails.in("Rhiannon moved home in March.",
                List.of(c.details().person().name())));
        assertEquals(List.of("a full date (give the month, like 'in March')"), IdentifyingDetails.in("Moved on 3 March 2026.",
                List.of(c.details().person().name())));
        assertEquals(List.of(), IdentifyingDetails.in("The person moved home in March.", List.of(c.details().person().name())));
        assertThrows(IllegalArgumentException.class, () -> CaseStudy.first("LLR", ServiceCode.IMCA, Q3, c.reference(), List.of(),
                Consent.GIVEN, "x".repeat(CaseStudies.LONGEST + 1), "m", AT), "at most 4000 characters");
    }

    @Test
    @DisplayName("A case study is one per case, rewritten one revision on with its selection kept, and kept three years from its "
            + "quarter's last day")
    void revisionsAndRetention() {
        CaseStudy first = study(7, ServiceCode.IMCA, false);
        assertEquals("CS-LLR-2026-000007", first.id());
        CaseStudy chosen = first.withSelected(true);
        CaseStudy rewritten = chosen.rewritten(List.of("hadASay"), Consent.BEST_INTERESTS, "Another journey", "m", AT.plusSeconds(60));
        assertEquals(List.of(1, 2, 3), List.of(first.revision(), chosen.revision(), rewritten.revision()));
        assertTrue(rewritten.selected(), "the manager's choice stays");
        assertTrue(rewritten.says(List.of("hadASay"), Consent.BEST_INTERESTS, "Another journey"));
        assertEquals(LocalDate.of(2029, 12, 31), first.keptUntil(LLR.retention()));
    }

    @Test
    @DisplayName("Issue 23: due by the close of the third working day after the quarter, on the contract's calendar (bank "
            + "holidays skipped); DERBY, which asks for neither, has no such time")
    void dueAt() {
        // Q3 ends Thursday 31 December 2026; Friday 1 January is a bank holiday: Monday 4, Tuesday 5, Wednesday 6 January.
        assertEquals(Optional.of(at("2027-01-06T17:00")), CaseStudies.dueAt(LLR, Q3));
        assertEquals(Optional.of(at("2027-01-06T17:00")), CaseStudies.dueAt(LEW, Q3), "LEW asks for its summary");
        // Q4 ends Tuesday 31 March 2026: Wednesday 1 and Thursday 2 April, then Good Friday and Easter Monday: Tuesday 7 April, BST.
        assertEquals(Optional.of(Instant.parse("2026-04-07T16:00:00Z")), CaseStudies.dueAt(LLR, new FinancialQuarter(2025, 4)));
        assertEquals(Optional.empty(), CaseStudies.dueAt(DERBY, Q3));
    }

    @Test
    @DisplayName("What is missing in words: each service short of 4 selected, each summary not written; no person, no reference")
    void missing() {
        List<CaseStudy> studies = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            studies.add(study(i, ServiceCode.IMCA, true));
        }
        studies.add(study(5, ServiceCode.IMHA, true));
        studies.add(study(6, ServiceCode.IMHA, false));
        List<ServiceSummary> summaries = new ArrayList<>();
        LLR.reportSchedule().serviceSummaries().stream().filter(s -> !s.id().equals("trends"))
                .forEach(s -> summaries.add(ServiceSummary.written(null, "LLR", Q3, s.id(), null, true, "m", AT)));
        List<String> lines = CaseStudies.missing(LLR, studies, summaries);
        assertTrue(lines.contains(ServiceCode.IMHA.displayName() + ": 1 of 4 case studies selected (2 written)"), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.startsWith(ServiceCode.IMCA.displayName() + ":")), "IMCA has its four");
        assertEquals("Service summary not written: Trends in each service area", lines.get(lines.size() - 1),
                "a summary stated as not completed is not missing");
        assertEquals(LLR.services().size() - 1 + 1, lines.size());
        assertTrue(lines.stream().noneMatch(line -> line.contains("LLR-2026")));
        assertEquals(List.of("Service summary not written: Service user feedback, areas for development and actions taken"),
                CaseStudies.missing(LEW, List.of(), List.of()));
    }
}
