package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.application.port.StaffEmails.DigestContract;
import org.advocacyhub.application.port.StaffEmails.DigestEntry;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * A duty manager's daily digest (issue 9): per contract, everything overdue and everything due
 * today, each in priority order (DoLS, then urgent, then soonest). Cases by reference only: a
 * digest lists many people, so not even their initials.
 */
public final class DailyDigestEmail {

    /**
     * The most deadlines one section lists by reference; the rest are counted, and the console has them all. A digest is
     * kept in the outbox with its words until it is sent, and a DynamoDB item holds 400 KB: a 10,000-referral chaos run
     * gave a duty manager 2,000 overdue deadlines, a digest of about 600 KB that could never be written, so the day's
     * digest went to the dead-letter queue (issue 19). 150 lines of each of two sections of three contracts stay near 100 KB.
     */
    static final int MOST_LISTED = 150;

    private DailyDigestEmail() {
    }

    public static Mail write(StaffRecord to, LocalDate day, List<DigestContract> contracts, String apiUrl) {
        int overdue = contracts.stream().mapToInt(c -> c.overdue().size()).sum();
        int today = contracts.stream().mapToInt(c -> c.dueToday().size()).sum();
        Letter letter = new Letter().paragraph("Deadlines for " + UkDates.day(day) + ": " + count(overdue, "overdue") + ", "
                + count(today, "due today") + ".");
        for (DigestContract contract : contracts) {
            letter.heading(contract.name() + " (" + contract.code() + ")");
            section(letter, "Overdue", contract.overdue());
            section(letter, "Due today", contract.dueToday());
            if (apiUrl != null) {
                letter.link("The " + contract.code() + " waiting list", apiUrl + "waiting-list?contract=" + contract.code());
            }
        }
        return letter.to(to.email(), "Deadlines " + UkDates.day(day) + ": " + overdue + " overdue, " + today + " due today");
    }

    private static void section(Letter letter, String title, List<DigestEntry> entries) {
        if (entries.isEmpty()) {
            letter.paragraph(title + ": none.");
            return;
        }
        letter.paragraph(title + ":");
        List<String> lines = new ArrayList<>();
        for (DigestEntry e : entries.subList(0, Math.min(entries.size(), MOST_LISTED))) {
            String flags = (e.service() == ServiceCode.DOLS_IMCA ? "DoLS, " : "") + (e.urgent() ? "urgent, " : "");
            String what = e.reference().startsWith("AP-") ? "answerphone message" + (e.service() == null ? "" : ", " + e.service().displayName())
                    : e.service().displayName();
            lines.add(e.reference() + " (" + flags + what + "): " + e.description()
                    + (e.clause().isEmpty() ? "" : " (" + e.clause() + ")") + ", due " + UkDates.timeOnDay(e.dueAt()));
        }
        letter.numbered(lines);
        if (entries.size() > MOST_LISTED) {
            letter.paragraph("And " + (entries.size() - MOST_LISTED) + " more " + title.toLowerCase(java.util.Locale.ROOT)
                    + ", after these in the same order: the duty manager's view in the staff console shows them.");
        }
    }

    private static String count(int n, String what) {
        return n + " " + what;
    }
}
