package org.advocacyhub.domain.casework;

import java.time.Instant;

/**
 * One entry in a case's timeline. The description is written for staff and holds no personal
 * data beyond what the case already holds (it is never logged).
 */
public record CaseEvent(Instant at, Type type, String description) {

    public enum Type {
        RECEIVED,
        REQUEUED_FOR_SCREENING,
        ACKNOWLEDGEMENT_SENT,
        ACKNOWLEDGEMENT_NOT_SENT,
        SCREENED,
        DECISION_LETTER_SENT,
        DECISION_LETTER_NOT_SENT,
        CLOCK_PAUSED,
        CLOCK_RESUMED,
        INFORMATION_SUPPLIED,
        TASK_CREATED,
        ALLOCATED,
        REALLOCATED,
        CLOCK_STARTED,
        CLOCK_STOPPED,
        CONTACT_RECORDED,
        MEETING_RECORDED,
        ELIGIBILITY_CONFIRMED,
        REPORT_SENT,
        INSTRUCTION_ENDED,
        RESPONSE_SENT,
        PLACEMENT_ENDED,
        RETURN_DETAILS_RECORDED,
        ACTION_PLAN_UPDATED,
        TIME_RECORDED,
        TIME_CORRECTED,
        HOURS_REVIEW_DUE,
        HOURS_APPROVED,
        HOURS_REQUESTED,
        CLOSED,
        REOPENED,
        FEEDBACK_RECORDED,
        LEGAL_HOLD_SET,
        LEGAL_HOLD_LIFTED,
        ANONYMISED,
        PERSON_CORRECTED,
        EMAIL_SENT,
        EMAIL_NOT_SENT
    }
}
