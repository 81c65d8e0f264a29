package org.advocacyhub.application.port;

import org.advocacyhub.domain.casework.ReferralCase;

/**
 * Letters to referrers, written (not sent): each goes into the outbox with the decision that makes it
 * (issue 19). Implementations own the wording; use cases say what happened.
 */
public interface ReferrerLetters {

    /**
     * Acknowledges a new referral to the referrer's email: the reference, what happens next and by
     * when, and the service hours. Names the referred person by initials only.
     */
    Mail acknowledgement(ReferralCase referral);

    /**
     * Sends the written decision on the case's latest screening (LLR 6.10, 8.35, 9.41).
     *
     * @param promise on acceptance, the next deadline to promise; otherwise {@code null}
     */
    Mail decision(ReferralCase referral, Promise promise);

    /**
     * Tells the council's referrer the provider's answer to an accommodation referral (DERBY 3.3.1):
     * the case's {@link org.advocacyhub.domain.casework.Casework#response() response}, an offer or a
     * decline, with the reference and the young person's initials, never the staff's free text.
     */
    Mail response(ReferralCase referral);

    /** What the hub will do next and by when, e.g. "allocate an advocate" by Wednesday 17:00 (LLR 9.38a). */
    record Promise(String what, java.time.Instant dueAt, String clause) {
    }
}
