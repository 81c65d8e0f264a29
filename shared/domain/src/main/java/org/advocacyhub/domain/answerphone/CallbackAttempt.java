package org.advocacyhub.domain.answerphone;

import java.time.Instant;
import java.util.Objects;
import org.advocacyhub.domain.casework.ReferralReference;

/**
 * One attempt to respond to an answerphone message.
 *
 * @param id            unique within the message
 * @param at            when it was made
 * @param method        how
 * @param outcome       what it came to; {@link CallbackOutcome#responds()} says whether it is a response
 * @param note          what staff noted, or {@code null} (personal data: staff only, never logged)
 * @param referralTaken whether a referral was taken in the conversation (it is then keyed through
 *                      {@code POST /referrals} with route TELEPHONE and linked by {@code reference})
 * @param reference     the case it led to or concerns, or {@code null}
 * @param staffId       who recorded it
 * @param recordedAt    when it was recorded
 */
public record CallbackAttempt(String id, Instant at, CallbackMethod method, CallbackOutcome outcome, String note,
                              boolean referralTaken, ReferralReference reference, String staffId, Instant recordedAt) {

    public CallbackAttempt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
