package org.advocacyhub.domain.casework;

import java.time.Instant;

/**
 * Where the written decision to the referrer stands (LLR 6.10, 8.35, 9.41). The letter is written
 * into the outbox with the decision itself, and sent from there once (issue 19); this is what became
 * of it, for staff.
 *
 * @param decidedAt the decision the letter is about (a new decision needs a new letter)
 * @param sentAt    when the mail service accepted it, or {@code null}
 */
public record DecisionLetter(Status status, Instant decidedAt, Instant sentAt) {

    public enum Status {
        /** Waiting in the outbox to be emailed. */
        PENDING,
        /** Emailed. */
        SENT,
        /** The mail service refused it for good: staff write to the referrer another way (a task says so). */
        NOT_SENT,
        /** It may or may not have been emailed (the mail service did not answer): staff check with the referrer. */
        NOT_KNOWN,
        /** No email address: staff post it (a task says so). */
        BY_POST
    }

    public static DecisionLetter pending(Instant decidedAt) {
        return new DecisionLetter(Status.PENDING, decidedAt, null);
    }

    public static DecisionLetter byPost(Instant decidedAt) {
        return new DecisionLetter(Status.BY_POST, decidedAt, null);
    }

    /** The same letter with what became of it. */
    public DecisionLetter settled(Status newStatus, Instant at) {
        return new DecisionLetter(newStatus, decidedAt, newStatus == Status.SENT ? at : null);
    }
}
