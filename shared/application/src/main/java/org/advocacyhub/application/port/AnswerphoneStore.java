package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import org.advocacyhub.domain.answerphone.CallbackAttempt;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * Answerphone messages and the attempts to respond to them (issue 10), in the table beside cases.
 * Each message's callback clock is a clock item in the same indexes as cases' clocks, so the
 * allocation timer alerts on it with no timer of its own. What a caller left is deleted after the
 * contract's retention period (TTL); what the returns need is kept without it.
 */
public interface AnswerphoneStore {

    /** The next number of {@code contract}'s messages in {@code year} (atomic). */
    long nextSequence(String contract, int year);

    /**
     * Stores a new message, its clock item, what the returns keep of it and its audit entry, in one
     * transaction; with a source key, only if no message has that key (a telephony system's own id
     * for the message, or a client's Idempotency-Key: a message sent twice is stored once).
     *
     * @param expiresAt when the caller's details are deleted (leftAt plus the contract's retention)
     */
    Recorded record(AnswerphoneMessage message, Optional<SourceKey> source, AuditEntry audit, Instant expiresAt);

    /**
     * A source's own id for a message, and a digest of what it sent (so the same id with other
     * content is told apart from a repeat).
     */
    record SourceKey(String key, String fingerprint) {
    }

    sealed interface Recorded permits Stored, AlreadyStored {
    }

    record Stored() implements Recorded {
    }

    /** The source key was used before, for {@code messageId}; {@code sameContent} whether with the same content. */
    record AlreadyStored(String messageId, boolean sameContent) implements Recorded {
    }

    Optional<AnswerphoneMessage> find(String messageId);

    /** The attempts to respond to a message, oldest first. */
    List<CallbackAttempt> attempts(String messageId);

    /**
     * Saves a message after an attempt: the message (conditional on {@code before}'s version), the
     * attempt, the audit entry, its clock item (removed when the clock stopped) and what the returns
     * keep (the response time), in one transaction.
     *
     * @return false when someone else saved the message first
     */
    boolean saveAttempt(AnswerphoneMessage before, AnswerphoneMessage after, CallbackAttempt attempt, AuditEntry audit, Instant expiresAt);

    /** Which messages a list shows. */
    enum Listing { OPEN, RESPONDED }

    /**
     * A page of one contract's messages, the listings in the order given: open ones soonest due
     * first; responded ones newest first. A next token is given only when another message follows.
     *
     * @param pageToken where the page before ended, or {@code null}
     * @throws IllegalArgumentException when the token is not one this list gave
     */
    Page list(String contract, List<Listing> listings, String pageToken, int limit);

    record Page(List<AnswerphoneMessage> messages, String next) {
        public Page {
            messages = List.copyOf(messages);
        }
    }

    /** Records that {@code entry.staffId()} was shown these messages (each message's audit trail: every staff access, LLR 26.8). */
    void audit(List<AnswerphoneMessage> shown, AuditEntry entry, Instant expiresAt);

    /** What the returns keep of the messages {@code contract} took in {@code quarter} (no personal data). */
    List<CallbackFigures.Kept> kept(String contract, FinancialQuarter quarter);
}
