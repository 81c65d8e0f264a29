package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.advocacyhub.domain.referral.Choice;

/**
 * Time spent on a case, recorded as direct or indirect with its activity (LLR 26.17, LEW 17.5).
 *
 * @param minutes  time spent (positive)
 * @param author   the staff id who recorded it (they or a manager may correct it)
 * @param revision 0 as first recorded; each correction adds one (the timeline keeps what changed)
 */
public record TimeEntry(String id, LocalDate date, int minutes, Kind kind, Activity activity, String author, Instant recordedAt,
                        int revision) implements CaseRecord {

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

    public TimeEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        if (minutes <= 0) {
            throw new IllegalArgumentException("minutes must be positive");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
