package org.advocacyhub.domain.casework;

import java.time.Instant;

/**
 * Where the written decision to the referrer stands (LLR 6.10, 8.35, 9.41). Sending is claimed
 * before the email goes, so a redelivered screening message never sends a second letter; a claim
 * left by a crashed sender lapses after a lease and the next delivery sends it.
 *
 * @param decidedAt the decision the letter is about (a new decision needs a new letter)
 */
public record DecisionLetter(Status status, Instant decidedAt, Instant claimedAt, Instant sentAt) {

    public enum Status {
        /** To be emailed. */
        PENDING,
        /** A sender is emailing it now. */
        CLAIMED,
        /** Emailed. */
        SENT,
        /** No email address: staff post it (a task says so). */
        BY_POST
    }

    public static DecisionLetter pending(Instant decidedAt) {
        return new DecisionLetter(Status.PENDING, decidedAt, null, null);
    }

    public static DecisionLetter byPost(Instant decidedAt) {
        return new DecisionLetter(Status.BY_POST, decidedAt, null, null);
    }

    /** Whether a sender may claim it at {@code now}: pending, or claimed longer ago than {@code lease}. */
    public boolean claimable(Instant now, java.time.Duration lease) {
        return status == Status.PENDING || (status == Status.CLAIMED && claimedAt.plus(lease).isBefore(now));
    }
}
