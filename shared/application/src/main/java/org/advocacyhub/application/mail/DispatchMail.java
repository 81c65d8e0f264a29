package org.advocacyhub.application.mail;

import jakarta.inject.Singleton;
import java.util.List;
import org.advocacyhub.application.port.MailQueue;
import org.advocacyhub.application.port.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the mail sender that emails just written to the outbox are waiting. It never fails the
 * caller: the emails are already stored with their decision, and a message that could not be
 * queued only delays them until the sweep ({@link RequeueWaitingMail}) finds them.
 */
@Singleton
public final class DispatchMail {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchMail.class);

    private final MailQueue queue;

    public DispatchMail(MailQueue queue) {
        this.queue = queue;
    }

    public void dispatch(List<Outbox.OutboxMail> mails) {
        dispatchIds(mails.stream().map(Outbox.OutboxMail::id).toList());
    }

    public void dispatchIds(List<Outbox.MailId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            queue.queued(ids);
        } catch (RuntimeException e) {
            LOG.warn("{} email(s) stored but not queued ({}); the sweep will queue them", ids.size(), e.getClass().getSimpleName());
        }
    }
}
