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

    /** A running clock and when it is due, for an email. */
    record Deadline(String description, Instant dueAt, String clause) {
    }
}
