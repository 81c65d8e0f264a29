package org.advocacyhub.intake.web;

import static org.advocacyhub.messaging.email.Html.escape;

import org.advocacyhub.domain.casework.ReceiptDeadline;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.messaging.email.UkDates;

/**
 * Shown after the form is sent. Anyone holding the link can open it, so it shows the reference,
 * the service and the next steps, and nothing about the person.
 */
final class ConfirmationPage {

    private ConfirmationPage() {
    }

    static String render(ReferralCase referral) {
        String reference = referral.reference().value();
        StringBuilder html = new StringBuilder()
                .append("<div class=\"panel\"><h1>Referral sent</h1><div>Your reference number<br><span class=\"reference\">")
                .append(escape(reference)).append("</span></div></div>")
                .append("<p>We have received your referral to our ").append(escape(referral.details().service().displayName()))
                .append(" service.</p>");
        if (referral.details().referrer().hasEmail()) {
            html.append("<p>We have sent a confirmation email with your reference number.</p>");
        } else {
            html.append("<p>Write down your reference number. You did not give an email address, so we will contact you by phone.</p>");
        }
        html.append("<h2>What happens next</h2>")
                .append("<p>We check the referral against the rules for the service and tell you our decision. ")
                .append("If we cannot accept it, we will explain why and where else the person can get help.</p>");
        ReceiptDeadline deadline = referral.firstDeadline();
        if (deadline != null) {
            html.append("<p>If we accept the referral, we will ").append(escape(deadline.description())).append(" by ")
                    .append(escape(UkDates.timeOnDay(deadline.dueAt()))).append(".</p>");
        }
        html.append("<p>Quote ").append(escape(reference)).append(" whenever you contact us about this referral.</p>")
                .append("<p><a href=\"../new\">Make another referral</a></p>");
        return Page.layout("Referral sent", html.toString());
    }
}
