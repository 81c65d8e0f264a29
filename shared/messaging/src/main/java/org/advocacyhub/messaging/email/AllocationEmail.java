package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import java.util.List;
import org.advocacyhub.application.port.StaffEmails;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * The email telling an advocate a case is theirs (issue 8): the reference, the service and the
 * deadlines now running. The person appears by initials only; the advocate opens the case in the
 * hub for the rest.
 */
public final class AllocationEmail {

    private AllocationEmail() {
    }

    public static Mail write(ReferralCase referral, StaffRecord advocate, List<StaffEmails.Deadline> deadlines) {
        String reference = referral.reference().value();
        Letter letter = new Letter()
                .paragraph("Case " + reference + " (" + referral.details().service().displayName() + ") has been allocated to you.")
                .paragraph("The person: " + DecisionLetterEmail.initials(referral));
        if (!deadlines.isEmpty()) {
            letter.heading("Deadlines").numbered(deadlines.stream()
                    .map(d -> capitalised(d.description()) + " by " + UkDates.timeOnDay(d.dueAt()) + " (" + d.clause() + ")").toList());
        }
        letter.paragraph("Open the case in the hub with reference " + reference + " for the person's details.");
        return letter.to(advocate.email(), "Case " + reference + " allocated to you");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
