package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import java.util.List;
import org.advocacyhub.application.port.StaffEmails.DeadlineNotice;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * The reminder and the escalation of a contract's quarterly report deadline (LLR 26.12, LEW 17.3;
 * issue 11), to the duty managers: the contract, the quarter and the due time. Nothing about anyone.
 */
public final class ReportDueEmail {

    private ReportDueEmail() {
    }

    public static Mail of(String contract, FinancialQuarter quarter, StaffRecord to, DeadlineNotice notice, boolean missed,
                           String reportsUrl) {
        String which = contract + " FY" + quarter.financialYear() + " Q" + quarter.quarter() + " (" + quarter.firstDay() + " to "
                + quarter.lastDay() + ")";
        Letter letter = new Letter();
        if (missed) {
            letter.paragraph("The quarterly report of " + which + " had not gone to every commissioner by " + UkDates.byEndOfDay(notice.dueAt())
                    + " (" + notice.clause() + "): " + UkDates.elapsed(notice.late()) + " overdue when this was sent.");
        } else {
            letter.paragraph("The quarterly report of " + which + " must reach every commissioner by " + UkDates.byEndOfDay(notice.dueAt())
                    + " (" + notice.clause() + "), and has not gone to all of them yet.");
        }
        letter.numbered(List.of("Due: " + UkDates.byEndOfDay(notice.dueAt())))
                .heading("What to do")
                .paragraph("Look at the report the schedule asked for (GET /reports/RPT-" + contract + "-" + quarter.key()
                        + "-SCHEDULED), or ask for it: POST /reports with {\"contract\": \"" + contract + "\", \"quarter\": \""
                        + quarter.financialYear() + "-Q" + quarter.quarter() + "\", \"send\": true}. This deadline stops when every "
                        + "authority's workbook has been emailed.");
        if (reportsUrl != null) {
            letter.link("Quarterly reports", reportsUrl);
        }
        return letter.to(to.email(), (missed ? "Missed: quarterly report " : "Reminder: quarterly report ") + contract + " FY"
                + quarter.financialYear() + " Q" + quarter.quarter() + " due by " + UkDates.byEndOfDay(notice.dueAt()));
    }
}
