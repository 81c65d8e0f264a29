package org.advocacyhub.domain.contract;

/**
 * Case events that start and stop SLA clocks. A contract file names, for every clock, the event
 * that starts it and the event that stops it.
 */
public enum ClockEvent {
    /** The referral reached the hub (any route). */
    REFERRAL_RECEIVED,
    /** Screening accepted the referral (LEW 8.4 "received and accepted"). */
    REFERRAL_ACCEPTED,
    /** A named advocate was allocated (LLR 9.38a). */
    ALLOCATED,
    /** First contact with the person (LLR 9.38b, 7.25; LEW 8.4). */
    FIRST_CONTACT,
    /** The first meeting with the person was held (LLR 9.38c as requirements §5 reads it). */
    FIRST_MEETING_HELD,
    /** Eligibility confirmed with the person (LLR 7.48). */
    ELIGIBILITY_CONFIRMED,
    /** The instruction ended: work finished, instruction withdrawn or the person died (LLR 5.23). */
    INSTRUCTION_ENDED,
    /** The written report was sent to the decision maker or DoLS team (LLR 5.23, 5.45). */
    REPORT_SENT,
    /** A message was left on the answerphone (LLR 9.23). */
    MESSAGE_LEFT,
    /** The caller was called back (LLR 9.23). */
    CALLBACK_MADE,
    /** An offer or a decline was sent to the council (DERBY 3.3.1). */
    OFFER_OR_DECLINE_SENT
}
