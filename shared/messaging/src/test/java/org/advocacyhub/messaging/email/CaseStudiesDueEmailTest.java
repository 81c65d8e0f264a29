package org.advocacyhub.messaging.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.domain.casestudy.CaseStudies;
import org.advocacyhub.domain.casestudy.CaseStudy;
import org.advocacyhub.domain.casestudy.Consent;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.staff.StaffRole;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.Test;

/** Issue 23: the reminder that a quarter's case studies and summaries are missing names what, in words, and no one. */
class CaseStudiesDueEmailTest {

    private static final StaffRecord MORGAN = new StaffRecord("morgan-manager", "Morgan Manager", "morgan@hub.example",
            StaffRole.MANAGER, true, Set.of("LLR"), Set.of(), List.of(), Set.of("LLR"), Map.of(), null, null, null, Set.of(),
            StaffRecord.Experience.NONE);

    @Test
    void theReminderListsEachServiceShortOfItsCaseStudiesAndEachSummaryNotWrittenAndNamesNoCaseOrPerson() {
        Contract llr = ContractCatalogue.bundled().contract("LLR").orElseThrow();
        FinancialQuarter q3 = new FinancialQuarter(2026, 3);
        CaseStudy one = CaseStudy.first("LLR", ServiceCode.IMCA, q3, ReferralReference.parse("LLR-2026-000042").orElseThrow(), List.of(),
                Consent.GIVEN, "A journey", "ira-imca", Instant.parse("2026-12-01T10:00:00Z")).withSelected(true);
        List<String> missing = CaseStudies.missing(llr, List.of(one), List.of());
        Instant due = CaseStudies.dueAt(llr, q3).orElseThrow();
        Mail mail = CaseStudiesDueEmail.of("LLR", q3, MORGAN, due, missing, "https://hub.example/console/returns?contract=LLR");

        assertEquals(List.of("morgan@hub.example"), mail.to());
        assertEquals("Reminder: case studies and summaries for LLR 2026-27 Q3 (" + missing.size() + " missing)", mail.subject());
        String text = mail.text().replaceAll("\\s+", " ");
        assertTrue(text.contains("They were due by 5pm on Wednesday 6 January 2027"), text);
        assertTrue(text.contains("Independent Mental Capacity Advocacy (IMCA): 1 of 4 case studies selected (1 written)"), text);
        assertTrue(text.contains("Service summary not written: Trends in each service area"), text);
        assertTrue(text.contains("https://hub.example/console/returns?contract=LLR"), text);
        assertFalse(text.contains("LLR-2026-000042") || text.contains("A journey") || text.contains("ira-imca"), text);
    }
}
