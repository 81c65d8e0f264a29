package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import org.advocacyhub.domain.casework.AccommodationResponse;
import org.advocacyhub.domain.casework.ReferralCase;

/**
 * The provider's answer to the council's accommodation referral, in writing to the referrer
 * (DERBY 3.3.1): an offer or a decline, when it was given, the reference and the young person's
 * initials.
 *
 * <p>Interpretation (DERBY 3.3.1, requirements §8): the staff's free-text details are not in the
 * email. The council shares referrals with personal identification details removed (DERBY 3.3.1),
 * an email can go astray, and free text cannot be checked for a name, an address or where a young
 * person will live (an offer's details with initials would say exactly that). The details stay with
 * the case in the hub; the referrer asks for them quoting the reference, through the DPS as usual.
 */
public final class AccommodationResponseEmail {

    private AccommodationResponseEmail() {
    }

    public static Mail write(ReferralCase referral, String serviceHours) {
        AccommodationResponse response = referral.work().response();
        String reference = referral.reference().value();
        String person = DecisionLetterEmail.initials(referral);
        boolean offer = response.kind() == AccommodationResponse.Kind.OFFER;
        Letter letter = new Letter();
        if (offer) {
            letter.paragraph("We can offer a placement for your referral " + reference + " (" + person + ").");
        } else {
            letter.paragraph("We are sorry, but we cannot offer a placement for your referral " + reference + " (" + person + ").");
        }
        letter.paragraph("We gave this answer at " + UkDates.timeOnDay(response.at()) + " (DERBY 3.3.1).");
        letter.heading("What happens next").paragraph(offer
                ? "Contact us quoting " + reference + " for the details of the offer and to arrange the next steps, such as a "
                        + "visit to the accommodation (DERBY 3.3.1)."
                : "You can approach the other providers on the DPS. If you would like to know more, contact us quoting "
                        + reference + ".");
        letter.heading("Contact us")
                .paragraph(serviceHours + ". Quote " + reference + " whenever you contact us about this referral.")
                .paragraph("Please do not reply to this email with personal details.");
        return letter.to(referral.details().referrer().email(), "Referral " + reference + ": " + (offer ? "offer of a placement"
                : "no placement offered"));
    }
}
