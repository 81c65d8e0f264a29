package org.advocacyhub.messaging.email;

import java.util.List;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.StaffEmails.DeadlineNotice;
import org.advocacyhub.domain.dataprotection.DataRequest;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * The reminder and the escalation of a data protection request's due day (issue 22; UK GDPR Art. 12(3): one month), to the
 * duty managers: which kind of request, its id and when it is due. Never the person's name (an email reaches more than the
 * console): the request's page names them, to managers only.
 */
public final class DataRequestDueEmail {

    private DataRequestDueEmail() {
    }

    public static Mail of(DataRequest request, StaffRecord to, DeadlineNotice notice, boolean missed, String requestUrl) {
        String which = "A " + request.kind().displayName().toLowerCase(java.util.Locale.ROOT) + " request (" + request.kind().clause()
                + "), received " + UkDates.day(request.receivedOn());
        Letter letter = new Letter();
        if (missed) {
            letter.paragraph(which + ", was due an answer by " + UkDates.byEndOfDay(notice.dueAt()) + " (" + notice.clause() + "): "
                    + UkDates.elapsed(notice.late()) + " overdue when this was sent.");
        } else {
            letter.paragraph(which + ", must be answered by " + UkDates.byEndOfDay(notice.dueAt()) + " (" + notice.clause() + ").");
        }
        letter.numbered(List.of("Request: " + request.id(), "Due: " + UkDates.byEndOfDay(notice.dueAt())))
                .heading("What to do")
                .paragraph("Open the request in the staff console (Data requests), check the cases found, and answer it there. "
                        + "This reminder stops when the request is answered.");
        if (requestUrl != null) {
            letter.link("The request", requestUrl);
        }
        return letter.to(to.email(), (missed ? "Missed: " : "Reminder: ") + request.kind().displayName().toLowerCase(java.util.Locale.ROOT)
                + " request due by " + UkDates.byEndOfDay(notice.dueAt()));
    }
}
