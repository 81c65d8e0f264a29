package org.advocacyhub.domain.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.advocacyhub.domain.referral.FieldError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** LEW Appendix 1: the meeting a time entry attended, only on an entry of attending a meeting. */
class TimeEntryTest {

    private static TimeEntry entry(TimeEntry.Activity activity, TimeEntry.Meeting meeting) {
        return new TimeEntry("t1", LocalDate.of(2026, 11, 23), 60, TimeEntry.Kind.DIRECT, activity, meeting, "cai-cyp",
                Instant.parse("2026-11-23T12:00:00Z"), 0);
    }

    @ParameterizedTest
    @EnumSource(TimeEntry.Meeting.class)
    @DisplayName("an entry attending a meeting may say which meeting it was")
    void aMeetingAttendedSaysWhichMeeting(TimeEntry.Meeting meeting) {
        assertEquals(List.of(), TimeEntry.meetingErrors(TimeEntry.Activity.MEETING_ATTENDANCE, meeting));
        assertEquals(meeting, entry(TimeEntry.Activity.MEETING_ATTENDANCE, meeting).meeting());
    }

    @Test
    @DisplayName("the meeting is optional, even on an entry attending one; an entry of another activity has none")
    void theMeetingIsOptional() {
        assertNull(entry(TimeEntry.Activity.MEETING_ATTENDANCE, null).meeting());
        assertEquals(List.of(), TimeEntry.meetingErrors(TimeEntry.Activity.TRAVEL, null));
    }

    @ParameterizedTest
    @EnumSource(value = TimeEntry.Activity.class, names = "MEETING_ATTENDANCE", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("a meeting with another activity is refused, the error naming the field meeting in words, not codes")
    void aMeetingWithAnotherActivityIsRefusedNamingTheField(TimeEntry.Activity activity) {
        List<FieldError> errors = TimeEntry.meetingErrors(activity, TimeEntry.Meeting.LAC_REVIEW);
        assertEquals(List.of(new FieldError("meeting", "The meeting is given only with the activity 'Attending a meeting': leave it "
                + "out, or choose that activity")), errors);
        assertEquals("/meeting", errors.get(0).jsonPointer());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> entry(activity, TimeEntry.Meeting.LAC_REVIEW));
        assertEquals("meeting LAC_REVIEW is given only with activity MEETING_ATTENDANCE, not " + activity, refused.getMessage());
    }

    @Test
    @DisplayName("each meeting has the words staff choose it by")
    void meetingsInWords() {
        assertEquals(List.of("Looked-after child review", "Child protection conference", "Pathway plan meeting", "Other meeting"),
                java.util.Arrays.stream(TimeEntry.Meeting.values()).map(TimeEntry.Meeting::displayName).toList());
    }
}
