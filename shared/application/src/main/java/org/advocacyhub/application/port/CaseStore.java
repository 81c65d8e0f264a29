package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;

/**
 * Durable storage of cases, their timelines and the bookkeeping intake needs (reference
 * sequences, idempotency records). The one implementation is the DynamoDB single table.
 */
public interface CaseStore {

    /**
     * The next reference sequence number for a contract and year, from an atomic counter: two
     * concurrent callers never get the same number. Numbers may be skipped (a request that fails
     * after taking one), never reused.
     */
    long nextSequence(String contract, int year);

    /**
     * Stores a new case with its first timeline event and, when given, the idempotency record
     * that points a repeated request at it, all or nothing. Nothing is overwritten: when the
     * idempotency key is already recorded the case is not stored and the earlier record is
     * returned.
     */
    Recorded recordNewCase(ReferralCase newCase, CaseEvent received, Optional<IdempotencyRecord> idempotency);

    /** Result of {@link #recordNewCase}. */
    sealed interface Recorded {
    }

    /** The case is stored. */
    record Stored() implements Recorded {
    }

    /** Another request with the same idempotency key got there first. */
    record KeyAlreadyUsed(IdempotencyRecord existing) implements Recorded {
    }

    Optional<IdempotencyRecord> findIdempotencyRecord(String key);

    Optional<ReferralCase> findCase(ReferralReference reference);

    /** The case's timeline, oldest first. */
    List<CaseEvent> timeline(ReferralReference reference);

    void appendEvent(ReferralReference reference, CaseEvent event);

    /**
     * Referrals not yet screened whose last hand-over to the screening queue was at or before
     * {@code cutoff}, oldest first, at most {@code limit}. A Query on the work index, never a Scan.
     */
    List<ReferralReference> awaitingScreeningSince(Instant cutoff, int limit);

    /**
     * Screened cases whose decision letter has not been sent, decided at or before {@code cutoff},
     * oldest first, at most {@code limit}. A Query on the work index, never a Scan.
     */
    List<ReferralReference> lettersPendingSince(Instant cutoff, int limit);

    /** Notes that a referral was handed to the screening queue again at {@code at}. */
    void markRequeued(ReferralReference reference, Instant at);

    /**
     * Saves a changed case (e.g. a screening decision) with its new timeline events and new or
     * updated tasks, all or nothing, and only if the stored case still has {@code expectedStatus}:
     * two deliveries of one message cannot both decide.
     *
     * @return false when the case's status had already moved on (nothing was written)
     */
    boolean saveCase(ReferralCase updated, CaseStatus expectedStatus, List<CaseEvent> events, List<CaseTask> tasks);

    /** The case's tasks, oldest first. */
    List<CaseTask> tasks(ReferralReference reference);

    /**
     * Claims the sending of the decision letter about the decision made at {@code decidedAt}: it
     * succeeds when the letter is pending, or claimed longer ago than {@code lease} (a sender that
     * crashed). Only the claimant sends.
     */
    boolean claimLetter(ReferralReference reference, Instant decidedAt, Instant now, java.time.Duration lease);

    /** Records that the letter about the decision made at {@code decidedAt} was sent. */
    void markLetterSent(ReferralReference reference, Instant decidedAt, Instant sentAt);

    /** Releases a claim after a failed send, so the next delivery can try again at once. */
    void releaseLetter(ReferralReference reference, Instant decidedAt);

    /**
     * A request's idempotency key, what the request contained and the referral it created.
     *
     * @param key         the client's key, scoped by where it came from (form token or header)
     * @param fingerprint a digest of the request's content
     * @param expiresAt   when the record may be forgotten
     */
    record IdempotencyRecord(String key, String fingerprint, ReferralReference reference, Instant expiresAt) {
    }
}
