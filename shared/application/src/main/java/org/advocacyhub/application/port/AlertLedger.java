package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of every deadline alert and daily digest (issue 9: "each alert sent once"). An alert is
 * decided once: its record is written, with its emails into the {@link Outbox}, in one conditional
 * write that a second delivery of the same alert (a redelivered message, two overlapping timer runs)
 * finds taken. The emails are then sent from the outbox, once each (issue 19).
 */
public interface AlertLedger {

    /** Where an alert stands. */
    enum Status {
        /** Its emails are in the outbox: their fate is recorded there, one per recipient. */
        QUEUED,
        /** Not sent, and never will be: the deadline was met or moved first. */
        SKIPPED,
        /** Before issue 19: being sent, or the sender stopped without saying how it went. Never sent again. */
        CLAIMED,
        /** Before issue 19: sent to every recipient. */
        SENT,
        /** Before issue 19: a send failed and said so; the alert may be decided again. */
        FAILED
    }

    /**
     * Records {@code alert} as decided: {@link Status#QUEUED} with its {@code mails}, written into the outbox in the
     * same write, or {@link Status#SKIPPED} with why ({@code note}, no personal data). Only if it was never recorded
     * (or its last attempt {@link Status#FAILED}).
     *
     * @return false when it was recorded before: nothing was written
     */
    boolean record(Alert alert, Status status, Instant at, String note, List<Outbox.OutboxMail> mails);

    /** Where {@code alert} stands, if it was ever recorded. */
    Optional<Status> status(Alert alert);
}
