package org.advocacyhub.domain.reports;

import java.time.LocalDate;
import java.util.Objects;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.referral.ServiceCode;

/**
 * One time entry as the returns count it (LLR 26.17, LEW 17.5): no personal data, only what the
 * hours figures need.
 *
 * @param reference  the case it was recorded on
 * @param service    the case's service
 * @param authority  the authority the case's referral names for the person ({@code OTHER} outside the area)
 * @param date       the day the time was spent (the quarter is by this date)
 * @param minutes    positive
 * @param meeting    the meeting attended ({@link TimeEntry#meeting()}), or null: LEW Appendix 1's meetings attended
 * @param recordedBy the staff id who recorded it ({@link TimeEntry#author()}), for the count of advocates active
 */
public record TimeRow(ReferralReference reference, ServiceCode service, String authority, LocalDate date, int minutes,
                      TimeEntry.Kind kind, TimeEntry.Activity activity, TimeEntry.Meeting meeting, String recordedBy) {

    public TimeRow {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(date, "date");
        if (minutes <= 0) {
            throw new IllegalArgumentException("minutes must be positive");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(activity, "activity");
        if (!TimeEntry.meetingErrors(activity, meeting).isEmpty()) {
            throw new IllegalArgumentException("meeting " + meeting + " is given only with activity MEETING_ATTENDANCE, not " + activity);
        }
        Objects.requireNonNull(recordedBy, "recordedBy");
    }

    /** The row of {@code entry} recorded on the case {@code reference}. */
    public static TimeRow of(ReferralReference reference, ServiceCode service, String authority, TimeEntry entry) {
        return new TimeRow(reference, service, authority, entry.date(), entry.minutes(), entry.kind(), entry.activity(),
                entry.meeting(), entry.author());
    }
}
