package org.advocacyhub.application.port;

/**
 * Hands an email to the mail service (Amazon SES), once, and says truthfully what became of it. It
 * never throws for the mail service's own failures: the outbox needs the three answers apart.
 *
 * <p>Interpretation (issue 19, "never goes twice because of a timeout"): SES has no idempotency
 * key, so an attempt whose outcome is ambiguous (the request may have reached SES, and no answer
 * came) is never repeated, by the SDK or by the hub: it is {@link NotKnown}, and a person checks.
 * Only an attempt that certainly delivered nothing to SES (no connection could be made, or SES
 * answered with an error) may be tried again.
 */
public interface MailSender {

    Delivery send(Mail mail);

    /** What became of one email. */
    sealed interface Delivery permits Sent, Refused, NotKnown {
    }

    /** SES accepted it. */
    record Sent(String messageId) implements Delivery {
    }

    /**
     * SES answered with an error, or no connection could be made: nothing was sent.
     *
     * @param retryable whether it may be accepted later (throttled, unavailable, unreachable), or never
     *                  (the address or the message was rejected, the account may not send)
     * @param reason    the error's name, for staff and logs (no personal data)
     */
    record Refused(String reason, boolean retryable) implements Delivery {
    }

    /** The request may have reached SES and no answer came (a timeout, a connection cut): it may or may not have gone. */
    record NotKnown(String reason) implements Delivery {
    }
}
