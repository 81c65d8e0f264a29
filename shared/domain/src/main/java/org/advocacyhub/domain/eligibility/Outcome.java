package org.advocacyhub.domain.eligibility;

/**
 * The result of screening a referral (requirements §4). Only {@link #ELIGIBLE} referrals count
 * towards the contract's unique-person targets; inappropriate, signposted and information-only
 * referrals do not (LLR 4.5.2).
 */
public enum Outcome {
    /** An appropriate referral: it goes to the waiting list. */
    ELIGIBLE,
    /** Inappropriate: the person does not meet the service's criteria. Always with reasons and, where there is one, somewhere else to go (LLR 6.10, 8.32). */
    NOT_ELIGIBLE,
    /** The hub must ask someone (the decision maker, the council, the person) before deciding (LLR 5.57-5.58, 8.31, 9.41). */
    NEEDS_INFORMATION,
    /** The referral belongs to another service of the same hub (LLR 9.33). */
    REDIRECT,
    /** The person only needs information and advice, which ends the hub's involvement (LLR 4.5.2). */
    INFORMATION_ONLY,
    /** Another organisation is the right one to help (LLR 4.5.2, 9.33). */
    SIGNPOSTED
}
