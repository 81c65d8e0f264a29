package org.advocacyhub.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The requests staff sent with an idempotency key, each under its id (a digest of who sent it and the key), so that a
 * repeat is answered as the first one was and never done again (issue 19). The first request under an id claims it
 * for a lease, does its work, then keeps its answer; a repeat finds the answer, or the claim still held. The one
 * implementation is an item of the single DynamoDB table per id, kept for {@link #KEPT} (its TTL).
 */
public interface RequestLedger {

    /** How long a request id is remembered: a day covers every retry policy we know (intake keeps its keys as long). */
    Duration KEPT = Duration.ofHours(24);

    /**
     * Claims {@code requestId} for a request with {@code fingerprint} until {@code leaseUntil}: succeeds when the id is
     * new (or forgotten), or when an earlier claim by the same request ran out of lease without an answer (its function
     * stopped: the request runs again, and the changes it made carry its id, so nothing is applied twice).
     */
    Claim claim(String requestId, String fingerprint, Instant now, Instant leaseUntil);

    /**
     * Keeps the answer of the request that holds the claim {@code token}. Nothing is kept when another took the claim
     * over meanwhile (their answer stands).
     */
    void answer(String requestId, String token, Answer answer, Instant now);

    /** Gives up the claim {@code token} (the request changed nothing), so that the id may be used again. */
    void release(String requestId, String token);

    /** What claiming came to. */
    sealed interface Claim {
    }

    /** This request holds the id now; {@code token} names the claim. */
    record Claimed(String token) implements Claim {
    }

    /**
     * The id was used before: by a request that finished ({@code answer} present, or empty when its answer was too large
     * to keep), or by one still in progress until {@code leaseUntil}.
     */
    record Used(String fingerprint, Optional<Answer> answer, boolean inProgress, Instant leaseUntil) implements Claim {
    }

    /**
     * An HTTP answer as it was given.
     *
     * @param body   the body as sent ({@code null} for none)
     * @param base64 whether the body is base64 (a binary download)
     */
    record Answer(int status, Map<String, String> headers, String body, boolean base64) {
        public Answer {
            headers = Map.copyOf(headers);
        }
    }
}
