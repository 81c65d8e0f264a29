package org.advocacyhub.application.mail;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.advocacyhub.application.port.MailQueue;
import org.advocacyhub.application.port.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net behind "every letter goes": emails still waiting in the outbox some minutes after
 * they were due (their queue message lost, a retry's time come, or a sender that stopped while
 * holding one) are handed to the mail sender again. Sending is claimed, so an email handed over
 * twice still goes once.
 */
@Singleton
public final class RequeueWaitingMail {

    private static final Logger LOG = LoggerFactory.getLogger(RequeueWaitingMail.class);
    /** Per run; a larger backlog drains over the following runs. */
    static final int BATCH = 200;

    private final Outbox outbox;
    private final MailQueue queue;
    private final Clock clock;

    public RequeueWaitingMail(Outbox outbox, MailQueue queue, Clock clock) {
        this.outbox = outbox;
        this.queue = queue;
        this.clock = clock;
    }

    /** @return how many emails were handed to the sender again */
    public int run() {
        List<Outbox.MailId> waiting = outbox.waitingSince(clock.instant().minus(Outbox.SWEEP_GRACE), BATCH);
        if (waiting.isEmpty()) {
            return 0;
        }
        try {
            queue.queued(waiting);
        } catch (RuntimeException e) {
            LOG.warn("Could not queue {} waiting email(s) ({}); the next run will", waiting.size(), e.getClass().getSimpleName());
            return 0;
        }
        LOG.info("Handed {} waiting email(s) to the mail sender again", waiting.size());
        return waiting.size();
    }
}
