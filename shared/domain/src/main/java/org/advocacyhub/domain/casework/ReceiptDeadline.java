package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The first deadline that runs from a referral's receipt, as promised to the referrer.
 *
 * @param clock          the clock's name in the contract (e.g. {@code allocation})
 * @param description    what is due, in words for the referrer (e.g. "allocate an advocate")
 * @param dueAt          when it is due
 * @param takenAsReceived the working day the referral counts as received on (after 17:00 or on a
 *                       non-working day it is the next working day), or {@code null} for clocks
 *                       that count from the instant of receipt
 * @param clause         the clause the deadline comes from (e.g. {@code LLR 9.38a})
 */
public record ReceiptDeadline(String clock, String description, Instant dueAt, LocalDate takenAsReceived, String clause) {
}
