package org.advocacyhub.application.port;

import java.util.List;

/**
 * The mail queue: tells the mail sender that outbox emails are waiting (issue 19). Messages carry
 * only the email's id; the email itself is in the outbox, written with the decision that made it.
 */
public interface MailQueue {

    /** @throws RuntimeException when the ids could not be queued; the sweep finds the emails anyway */
    void queued(List<Outbox.MailId> ids);
}
