package org.advocacyhub.application.port;

import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * The staff directory (in the table): who works where, what they are qualified for, and which
 * signed-in identity is which member of staff.
 */
public interface StaffDirectory {

    Optional<StaffRecord> find(String staffId);

    /** The member of staff a signed-in identity (a Cognito {@code sub}, or an email) belongs to. */
    Optional<StaffRecord> findByLogin(String subject);

    /** Everyone, by id. */
    List<StaffRecord> all();

    /** The active duty managers of {@code contract}: who escalations and the LEW 8.9 hours update go to. */
    List<StaffRecord> dutyManagers(String contract);

    /**
     * Creates or replaces a member of staff's profile; their experience (what allocations have
     * counted) is kept as stored. An identity already signing in as someone else is refused.
     *
     * @return the record as stored
     * @throws LoginTakenException when one of the record's login subjects belongs to another member of staff
     */
    StaffRecord save(StaffRecord record);

    /** A login subject that already belongs to another member of staff. */
    final class LoginTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String subject;
        private final String otherStaffId;

        public LoginTakenException(String subject, String otherStaffId) {
            super("login subject already used by another member of staff");
            this.subject = subject;
            this.otherStaffId = otherStaffId;
        }

        public String subject() {
            return subject;
        }

        public String otherStaffId() {
            return otherStaffId;
        }
    }
}
