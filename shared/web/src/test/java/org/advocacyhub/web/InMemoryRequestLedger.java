package org.advocacyhub.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.application.port.RequestLedger;

/**
 * A {@link RequestLedger} in memory, for unit tests of what uses one: the same claims as the DynamoDB ledger's
 * conditional put (new, expired, or the same request's claim whose lease ran out), answers kept only by their claim's
 * holder, releases only by it. {@link #failAnswers} makes keeping an answer fail, as a function that stops after its
 * change but before its answer is kept.
 */
public final class InMemoryRequestLedger implements RequestLedger {

    private record Entry(String fingerprint, String token, Instant leaseUntil, Instant expiresAt, Optional<Answer> answer) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    /** When set, {@link #answer} throws it instead of keeping the answer. */
    public Error failAnswers;

    @Override
    public synchronized Claim claim(String requestId, String fingerprint, Instant now, Instant leaseUntil) {
        Entry found = entries.get(requestId);
        boolean free = found == null || found.expiresAt().isBefore(now)
                || found.answer().isEmpty() && found.leaseUntil().isBefore(now) && found.fingerprint().equals(fingerprint);
        if (!free) {
            return new Used(found.fingerprint(), found.answer(), found.answer().isEmpty(), found.leaseUntil());
        }
        String token = UUID.randomUUID().toString();
        entries.put(requestId, new Entry(fingerprint, token, leaseUntil, now.plus(KEPT), Optional.empty()));
        return new Claimed(token);
    }

    @Override
    public synchronized void answer(String requestId, String token, Answer answer, Instant now) {
        if (failAnswers != null) {
            throw failAnswers;
        }
        Entry found = entries.get(requestId);
        if (found != null && found.token().equals(token)) {
            entries.put(requestId, new Entry(found.fingerprint(), token, Instant.EPOCH, now.plus(KEPT), Optional.of(answer)));
        }
    }

    @Override
    public synchronized void release(String requestId, String token) {
        Entry found = entries.get(requestId);
        if (found != null && found.token().equals(token)) {
            entries.remove(requestId);
        }
    }

    /** How many request ids are held (claimed or answered). */
    public synchronized int size() {
        return entries.size();
    }
}
