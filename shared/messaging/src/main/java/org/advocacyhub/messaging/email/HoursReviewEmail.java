package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.application.port.StaffEmails;
import org.advocacyhub.domain.casework.HourRules;
import org.advocacyhub.domain.casework.Hours;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * The email telling a duty manager that a case reached its review hours and the update to the
 * Council is due (LEW 8.9): the fields LEW 8.9 lists that the hub holds and may put in an email
 * (the case number, referral date, date of first contact, initials, the advocate and the
 * cumulative hours), and the headings of the update the Council expects. The young person appears
 * by initials only: their name and date of birth stay in the hub.
 */
public final class HoursReviewEmail {

    private HoursReviewEmail() {
    }

    public static Mail write(ReferralCase referral, StaffRecord dutyManager, StaffEmails.HoursReview review) {
        String reference = referral.reference().value();
        Hours hours = referral.work().hours();
        String threshold = HourRules.hours(review.reviewHours());
        List<String> facts = new ArrayList<>();
        facts.add("Case number: " + reference);
        facts.add("Referral date: " + UkDates.day(referral.receivedAt().atZone(UkDates.UK).toLocalDate()));
        facts.add("Date of first contact: " + referral.work().milestone(ClockEvent.FIRST_CONTACT)
                .map(at -> UkDates.day(at.atZone(UkDates.UK).toLocalDate())).orElse("not recorded yet"));
        facts.add("Initials: " + DecisionLetterEmail.initials(referral));
        facts.add("Advocate: " + (referral.work().allocation() == null ? "not allocated yet" : referral.work().allocation().advocateName()));
        facts.add("Cumulative hours: " + HourRules.duration(hours.totalMinutes()) + " (direct " + HourRules.duration(hours.directMinutes())
                + ", indirect " + HourRules.duration(hours.indirectMinutes()) + ")");
        Letter letter = new Letter()
                .paragraph("Case " + reference + " (" + referral.details().service().displayName() + ") has reached " + threshold
                        + " of advocacy. The service must now send the Council an update (" + review.clause() + ").")
                .heading("The case")
                .numbered(facts)
                .heading("The update must give")
                .numbered(List.of(
                        "The presenting need and the outcomes the young person asked for",
                        "A summary of the work undertaken so far and the outcomes achieved to date",
                        "The future planned work",
                        "An estimate of the hours still needed, and of the time until the case closes",
                        "Any barriers or delays that are delaying or preventing resolution"));
        if (review.limitHours() != null) {
            letter.paragraph("The case may have up to " + HourRules.hours(review.limitHours()) + " (" + review.limitClause()
                    + "). More needs the Service Manager's approval before it is delivered, asked for in the same format; "
                    + "record the approval on the case.");
        }
        letter.paragraph("Open the case in the hub with reference " + reference + " for the young person's details. A task for "
                + "this update is on the case.");
        return letter.to(dutyManager.email(), "Case " + reference + ": update to the Council due at " + threshold + " ("
                + review.clause() + ")");
    }
}
