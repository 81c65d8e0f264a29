package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.domain.casework.ReceiptDeadline;
import org.advocacyhub.domain.casework.ReferralCase;

/**
 * The email that acknowledges a referral (requirements §3): the reference, what happens next and
 * by when, and the service hours. The referred person appears by initials only: an email can go
 * astray, and the referrer already knows who they referred.
 */
public final class AcknowledgementLetter {

    private AcknowledgementLetter() {
    }

    public static Mail write(ReferralCase referral, String serviceHours) {
        String reference = referral.reference().value();
        String service = referral.details().service().displayName();
        Letter letter = new Letter()
                .paragraph("Thank you for your referral to our " + service + " service.")
                .paragraph("Your reference is " + reference + ". Please quote it whenever you contact us about this referral.")
                .paragraph("The person you referred: " + DecisionLetterEmail.initials(referral))
                .heading("What happens next");
        List<String> steps = new ArrayList<>();
        steps.add("We check the referral against the rules for the service. We will write to you with our decision and, "
                + "if we cannot accept it, the reasons and where else the person can get help.");
        ReceiptDeadline deadline = referral.firstDeadline();
        if (deadline != null) {
            steps.add("If we accept the referral, we will " + deadline.description() + " by "
                    + UkDates.timeOnDay(deadline.dueAt()) + ".");
        }
        letter.numbered(steps);
        if (deadline != null && deadline.takenAsReceived() != null
                && !deadline.takenAsReceived().equals(referral.receivedAt().atZone(UkDates.UK).toLocalDate())) {
            letter.paragraph("Your referral arrived outside our working hours, so we count it as received on "
                    + UkDates.day(deadline.takenAsReceived()) + ".");
        }
        letter.heading("When we are open")
                .paragraph(serviceHours + ".")
                .paragraph("Please do not reply to this email with personal details. If anything changes, or the "
                        + "referral becomes urgent, contact us and quote " + reference + ".");
        return letter.to(referral.details().referrer().email(), "Referral received: " + reference);
    }
}
