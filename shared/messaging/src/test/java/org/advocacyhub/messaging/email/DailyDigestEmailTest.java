package org.advocacyhub.messaging.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.StaffEmails.DigestContract;
import org.advocacyhub.application.port.StaffEmails.DigestEntry;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.staff.StaffRole;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, found by the 10,000-referral chaos run: a duty manager's digest of 2,000 overdue deadlines was about 600 KB,
 * more than a DynamoDB item (400 KB) can hold in the outbox, so the day's digest went to the dead-letter queue unsent.
 */
class DailyDigestEmailTest {

    private static final StaffRecord MORGAN = new StaffRecord("morgan-manager", "Morgan Manager", "morgan@hub.example",
            StaffRole.MANAGER, true, Set.of("LLR", "LEW", "DERBY"), Set.of(), List.of(), Set.of("LLR", "LEW", "DERBY"), Map.of(),
            null, null, null, Set.of(), StaffRecord.Experience.NONE);

    private static List<DigestEntry> entries(String contract, int n) {
        List<DigestEntry> entries = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            entries.add(new DigestEntry(String.format("%s-2027-%06d", contract, i), ServiceCode.IMCA,
                    "Allocate the case to an advocate within 2 working days of receipt", "LLR 9.38a",
                    Instant.parse("2027-03-01T17:00:00Z").plusSeconds(i), i % 7 == 0));
        }
        return entries;
    }

    @Test
    void aDigestOfThousandsOfDeadlinesListsTheFirstOfEachSectionCountsTheRestAndFitsAnOutboxItem() {
        List<DigestContract> contracts = List.of(
                new DigestContract("LLR", "Leicester, Leicestershire and Rutland", entries("LLR", 2000), entries("LLR", 400)),
                new DigestContract("LEW", "Lewisham", entries("LEW", 2000), entries("LEW", 400)),
                new DigestContract("DERBY", "Derby", entries("DERBY", 10), List.of()));
        Mail mail = DailyDigestEmail.write(MORGAN, LocalDate.of(2027, 3, 4), contracts, "https://hub.example/");

        int bytes = (mail.subject() + mail.text() + mail.html()).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 300_000, "an outbox item holds 400 KB with the rest of the item: " + bytes + " bytes");
        assertEquals("Deadlines Thursday 4 March 2027: 4010 overdue, 800 due today", mail.subject());
        assertTrue(mail.text().contains("1. LLR-2027-000001 (Independent Mental Capacity Advocacy (IMCA)): Allocate the case"), "the first in order");
        assertTrue(mail.text().contains("LLR-2027-000150"), "the 150th is listed");
        assertFalse(mail.text().contains("LLR-2027-000151"), "the 151st is counted, not listed");
        assertTrue(mail.text().replaceAll("\\s+", " ").contains("And 1850 more overdue, after these in the same order"));
        assertTrue(mail.text().replaceAll("\\s+", " ").contains("And 250 more due today"));
        assertTrue(mail.text().contains("DERBY-2027-000010"), "a short section is listed whole");
        assertEquals(4, mail.text().replaceAll("\\s+", " ").split("more overdue, after these|more due today, after these", -1).length - 1,
                "a count after each long section only");
    }
}
