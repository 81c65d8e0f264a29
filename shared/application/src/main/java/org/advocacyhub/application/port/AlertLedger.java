package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The record of every deadline alert and daily digest (issue 9: "each alert sent once"). An alert
 * is claimed before anything is sent and marked sent after; a claim that is held or sent is never
 * given again, so a redelivered message, two overlapping timer runs or a crash between sending and
 * marking never send a second email. Only a send that failed and said so releases the claim.
 */
public interface AlertLedger {

    /** Where an alert stands. */
    enum Status {
        /** Being sent, or the sender stopped without saying how it went: never sent again. */
        CLAIMED,
        /** Sent to every recipient. */
        SENT,
        /** A send failed and said so: the next delivery of the message may claim it again. */
        FAILED,
        /** Not sent, and never will be: the deadline was met or moved first. */
        SKIPPED
    }

    /**
     * Claims {@code alert} for sending: only if it has never been claimed, or its last send failed.
     *
     * @return the claim, with the recipients already sent to by an earlier failed attempt; empty when
     *         another delivery holds it, sent it or skipped it
     */
    Optional<Claim> claim(Alert alert, Instant at);

    /** A claim held by the caller. */
    record Claim(Alert alert, int attempt, Set<String> alreadySentTo) {
        public Claim {
            alreadySentTo = Set.copyOf(alreadySentTo);
        }
    }

    /** One recipient's email went: a retry after a later failure does not send it to them again. */
    void sentTo(Alert alert, String staffId);

    /** Finishes a claim. {@code note} says why for {@link Status#SKIPPED} and {@link Status#FAILED} (no personal data). */
    void finish(Alert alert, Status status, Instant at, String note);

    /** Where {@code alert} stands, if it was ever claimed. */
    Optional<Status> status(Alert alert);
}
