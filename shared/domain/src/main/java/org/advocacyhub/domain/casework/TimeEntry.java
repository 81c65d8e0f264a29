package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;

/**
 * Time spent on a case, recorded as direct or indirect with its activity (LLR 26.17, LEW 17.5).
 *
 * @param minutes  time spent (positive)
 * @param meeting  the meeting attended, on an entry of {@link Activity#MEETING_ATTENDANCE} only; null when not given
 *                 (LEW Appendix 1 counts the LAC reviews, CP conferences, Pathway Plan and other meetings attended)
 * @param author   the staff id who recorded it (they or a manager may correct it)
 * @param revision 0 as first recorded; each correction adds one (the timeline keeps what changed)
 */
public record TimeEntry(String id, LocalDate date, int minutes, Kind kind, Activity activity, Meeting meeting, String author,
                        Instant recordedAt, int revision) implements CaseRecord {

    /** Direct: with or for the person in their presence; indirect: the work around it (LLR 26.17). */
    public enum Kind implements Choice {
        DIRECT("Direct (face to face, calls, meetings)"),
        INDIRECT("Indirect (admin, travel, research, writing)");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    /** The activity types of LLR 26.17 and LEW 17.5. */
    public enum Activity implements Choice {
        FACE_TO_FACE("Face to face"),
        PHONE_OR_VIDEO("Phone or video call"),
        MEETING_ATTENDANCE("Attending a meeting"),
        CORRESPONDENCE("Correspondence"),
        REPORT_WRITING("Report writing"),
        RESEARCH("Research"),
        ADMIN("Admin"),
        TRAVEL("Travel");

        private final String displayName;

        Activity(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    /**
     * The meeting attended with the young person, as LEW Appendix 1 counts them: "Number of LAC Review meetings attended
     * with young people", "... CP Conferences ...", "... other meetings ..." and "Number of young people supported to
     * contribute to Pathway Plan".
     */
    public enum Meeting implements Choice {
        LAC_REVIEW("Looked-after child review"),
        CP_CONFERENCE("Child protection conference"),
        PATHWAY_PLAN("Pathway plan meeting"),
        OTHER("Other meeting");

        private final String displayName;

        Meeting(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    /** The request field naming the meeting attended ({@code meeting}). */
    public static final String MEETING_FIELD = "meeting";

    /**
     * Why {@code meeting} cannot go with {@code activity}, naming the field {@code meeting}; empty when it can.
     *
     * <p>LEW Appendix 1: a meeting attended is time spent attending it, so the meeting is recorded only on an entry whose
     * activity is {@link Activity#MEETING_ATTENDANCE} (an entry of travel to a review is not the review attended). It is
     * optional there: a meeting entry without it counts among the hours, not among the meetings.
     */
    public static List<FieldError> meetingErrors(Activity activity, Meeting meeting) {
        if (meeting == null || activity == Activity.MEETING_ATTENDANCE) {
            return List.of();
        }
        return List.of(new FieldError(MEETING_FIELD, "The meeting is given only with the activity '"
                + Activity.MEETING_ATTENDANCE.displayName() + "': leave it out, or choose that activity"));
    }

    public TimeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        if (minutes <= 0) {
            throw new IllegalArgumentException("minutes must be positive");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(activity, "activity");
        if (!meetingErrors(activity, meeting).isEmpty()) {
            throw new IllegalArgumentException("meeting " + meeting + " is given only with activity MEETING_ATTENDANCE, not " + activity);
        }
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
