package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.List;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * Emails to staff. Each names the person by initials only and carries the case reference, never
 * other personal data (requirements §8).
 */
public interface StaffNotifications {

    /**
     * A case was allocated to {@code advocate}: the reference, the service and the running deadlines.
     *
     * @param deadlines the case's running clocks with their due times, soonest first
     */
    void allocated(ReferralCase referral, StaffRecord advocate, List<Deadline> deadlines);

    /**
     * A case reached its review hours: the update to the Council is due (LEW 8.9). Tells a duty
     * manager of the contract what the update must give, with the case's reference, the person's
     * initials and the hours so far.
     */
    void hoursReviewDue(ReferralCase referral, StaffRecord dutyManager, HoursReview review);

    /**
     * The threshold a case reached and the limit that follows it.
     *
     * @param reviewHours the review threshold (8 hours, LEW 8.9)
     * @param clause      its clause
     * @param limitHours  the most the case may have now without a (further) approval, or {@code null} when there is no cap
     * @param limitClause the limit's clause (LEW 8.11, 7.16), or {@code null}
     */
    record HoursReview(java.math.BigDecimal reviewHours, String clause, java.math.BigDecimal limitHours, String limitClause) {
    }

    /** A running clock and when it is due, for an email. */
    record Deadline(String description, Instant dueAt, String clause) {
    }
}
