package org.advocacyhub.messaging.email;

import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.ReferrerNotifications;
import org.advocacyhub.application.port.ReferrerNotifications.Promise;
import org.advocacyhub.domain.casework.ReferralCase;

/** {@link ReferrerNotifications} sent through Amazon SES (API v2) from the configured sender address. */
public final class SesReferrerNotifications implements ReferrerNotifications {

    private final SesMail mail;
    private final ContractTerms contracts;

    public SesReferrerNotifications(SesMail mail, ContractTerms contracts) {
        this.mail = mail;
        this.contracts = contracts;
    }

    @Override
    public void acknowledge(ReferralCase referral) {
        mail.send(AcknowledgementLetter.write(referral, contracts.serviceHours(referral.details().service())));
    }

    @Override
    public void decision(ReferralCase referral, Promise promise) {
        mail.send(DecisionLetterEmail.write(referral, promise, contracts.serviceHours(referral.details().service())));
    }

    @Override
    public void response(ReferralCase referral) {
        mail.send(AccommodationResponseEmail.write(referral, contracts.serviceHours(referral.details().service())));
    }
}
