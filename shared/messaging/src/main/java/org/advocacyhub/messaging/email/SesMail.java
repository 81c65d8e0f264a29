package org.advocacyhub.messaging.email;

import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Sends an {@link Email} through Amazon SES (API v2) from the configured sender address: the one sending path of every email. */
public final class SesMail {

    private final SesV2Client ses;
    private final String sender;

    public SesMail(SesV2Client ses, String sender) {
        this.ses = ses;
        this.sender = sender;
    }

    public void send(Email email) {
        ses.sendEmail(b -> b.fromEmailAddress(sender)
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(email.subject()).charset("UTF-8"))
                        .body(body -> body
                                .text(t -> t.data(email.text()).charset("UTF-8"))
                                .html(h -> h.data(email.html()).charset("UTF-8"))))));
    }
}
