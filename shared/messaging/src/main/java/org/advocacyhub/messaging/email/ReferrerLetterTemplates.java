package org.advocacyhub.messaging.email;

import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.ReferrerLetters;
import org.advocacyhub.domain.casework.ReferralCase;

/** {@link ReferrerLetters} in the hub's words: the letters' templates. Written here, sent from the outbox (issue 19). */
public final class ReferrerLetterTemplates implements ReferrerLetters {

    private final ContractTerms contracts;

    public ReferrerLetterTemplates(ContractTerms contracts) {
        this.contracts = contracts;
    }

    @Override
    public Mail acknowledgement(ReferralCase referral) {
        return AcknowledgementLetter.write(referral, contracts.serviceHours(referral.details().service()));
    }

    @Override
    public Mail decision(ReferralCase referral, Promise promise) {
        return DecisionLetterEmail.write(referral, promise, contracts.serviceHours(referral.details().service()));
    }

    @Override
    public Mail response(ReferralCase referral) {
        return AccommodationResponseEmail.write(referral, contracts.serviceHours(referral.details().service()));
    }
}
