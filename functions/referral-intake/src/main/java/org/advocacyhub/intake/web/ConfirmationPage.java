package org.advocacyhub.intake.web;

import static org.advocacyhub.domain.text.Html.escape;

import org.advocacyhub.domain.casework.ReferralReference;

/**
 * The receipt shown after the form is sent, at an address holding the form's one-time token
 * (unguessable, remembered for 24 hours). It is a public page: anyone holding the link can open
 * it, from a shared computer's history say, so it shows the reference and what happens next and
 * nothing about the case: not the service, not the person, not a deadline. The acknowledgement
 * email, which goes only to the referrer, carries the deadline.
 */
final class ConfirmationPage {

    private ConfirmationPage() {
    }

    static String render(ReferralReference reference) {
        String html = "<div class=\"panel\"><h1>Referral sent</h1><div>Your reference number<br><span class=\"reference\">"
                + escape(reference.value()) + "</span></div></div>"
                + "<p>We have received your referral. If you gave an email address, we have sent a confirmation to it. "
                + "Write down your reference number: quote it whenever you contact us about this referral.</p>"
                + "<h2>What happens next</h2>"
                + "<p>We check the referral against the rules for the service and tell you our decision. "
                + "If we cannot accept it, we will explain why and where else the person can get help.</p>"
                + "<p><a href=\"../new\">Make another referral</a></p>";
        return org.advocacyhub.web.html.PageLayout.page("Referral sent", html);
    }

    /** The same page for an unknown, mistyped or expired receipt: it tells nothing about any referral. */
    static String expired() {
        return org.advocacyhub.web.html.PageLayout.page("Page not found", "<h1>Page not found</h1>"
                + "<p>This confirmation page has expired or the address is not right. If you sent a referral, "
                + "it has been received: your reference number is in the confirmation email, if you gave an email address.</p>"
                + "<p><a href=\"../new\">Make a referral</a></p>");
    }
}
