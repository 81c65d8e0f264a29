package org.advocacyhub.messaging.email;

import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.ReferrerNotifications;
import org.advocacyhub.application.port.ReferrerNotifications.Promise;
import org.advocacyhub.domain.casework.ReferralCase;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** {@link ReferrerNotifications} sent through Amazon SES (API v2) from the configured sender address. */
public final class SesReferrerNotifications implements ReferrerNotifications {

    private final SesV2Client ses;
    private final String sender;
    private final ContractTerms contracts;

    public SesReferrerNotifications(SesV2Client ses, String sender, ContractTerms contracts) {
        this.ses = ses;
        this.sender = sender;
        this.contracts = contracts;
    }

    @Override
    public void acknowledge(ReferralCase referral) {
        send(AcknowledgementLetter.write(referral, contracts.serviceHours(referral.details().service())));
    }

    @Override
    public void decision(ReferralCase referral, Promise promise) {
        send(DecisionLetterEmail.write(referral, promise, contracts.serviceHours(referral.details().service())));
    }

    private void send(Email email) {
        ses.sendEmail(b -> b.fromEmailAddress(sender)
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(email.subject()).charset("UTF-8"))
                        .body(body -> body
                                .text(t -> t.data(email.text()).charset("UTF-8"))
                                .html(h -> h.data(email.html()).charset("UTF-8"))))));
    }
}
