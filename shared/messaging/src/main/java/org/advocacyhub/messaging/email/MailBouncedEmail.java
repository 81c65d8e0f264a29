package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * To a duty manager: an email the hub sent bounced or was reported as spam (issue 24). Whose email it was (a case's
 * reference, an answerphone message's id), what happened in staff's words, and what to do. Never a name beyond
 * initials, never an address: the case's page has the referral's phone number.
 */
public final class MailBouncedEmail {

    private MailBouncedEmail() {
    }

    public static Mail of(StaffRecord to, String owner, String happened, String toDo, String caseUrl) {
        Letter letter = new Letter()
                .paragraph("An email the hub sent for " + owner + " did not reach its recipient.")
                .paragraph(happened + ".")
                .heading("What to do")
                .paragraph(toDo + ". A task is on the case until it is done.");
        if (caseUrl != null) {
            letter.link("The case", caseUrl);
        }
        return letter.to(to.email(), "Email not delivered: " + owner);
    }
}
