package org.advocacyhub.messaging.email;

import java.time.Instant;
import java.util.List;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * The reminder that a contract's case studies or service summaries of a quarter were not all written by their due time
 * (issue 23: LLR 26.16, 27.3, Appendix One; LEW 17.2), to the duty managers: what is missing in words (services, counts,
 * the summaries' titles) and where to write it. Nothing about anyone: no case, no person.
 */
public final class CaseStudiesDueEmail {

    private CaseStudiesDueEmail() {
    }

    public static Mail of(String contract, FinancialQuarter quarter, StaffRecord to, Instant dueAt, List<String> missing,
                          String consoleUrl) {
        String which = contract + " " + quarter.name();
        Letter letter = new Letter()
                .paragraph("The quarterly return of " + which + " includes case studies and service summaries (LLR Appendix One; "
                        + "LEW 17.2). They were due by " + UkDates.timeOnDay(dueAt) + ", and these are still missing:")
                .numbered(missing)
                .heading("What to do")
                .paragraph("Advocates write a case study on the page of a closed case (\"Write a case study\"); a manager selects "
                        + "the ones the return submits and writes the service summaries on the returns page, or records that an "
                        + "activity was not completed this quarter. The return says \"Not completed this quarter\" for anything "
                        + "still missing when it is built.");
        if (consoleUrl != null) {
            letter.link("Returns", consoleUrl);
        }
        return letter.to(to.email(), "Reminder: case studies and summaries for " + which + " (" + missing.size() + " missing)");
    }
}
