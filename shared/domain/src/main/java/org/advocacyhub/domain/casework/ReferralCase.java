package org.advocacyhub.domain.casework;

import java.time.Instant;
import org.advocacyhub.domain.referral.ReferralDetails;

/**
 * A referral as the hub holds it: what was referred, when it arrived, where it is now and the
 * deadline the hub is working to.
 *
 * @param firstDeadline the first statutory deadline that runs from receipt (e.g. allocation
 *                      within 2 working days, LLR 9.38a), as computed when the referral arrived
 */
public record ReferralCase(
        ReferralReference reference,
        ReferralDetails details,
        Instant receivedAt,
        CaseStatus status,
        ReceiptDeadline firstDeadline) {
}
