package org.advocacyhub.domain.casework;

import java.time.Instant;

/**
 * Something a member of staff must do for a case, e.g. obtain missing information from the
 * decision maker, or post a decision letter when the referrer gave no email (LLR 6.10).
 *
 * @param id          unique within the case
 * @param kind        what sort of task
 * @param description exactly what to do, for staff
 * @param fromWhom    who to ask or write to, if anyone
 */
public record CaseTask(String id, Kind kind, String description, String fromWhom, Instant createdAt, boolean open) {

    public enum Kind {
        OBTAIN_INFORMATION,
        SEND_DECISION_LETTER_BY_POST,
        CONFIRM_REDIRECT,
        /** The duty manager sends the Council the update due when a case reaches its review hours (LEW 8.9). */
        SEND_HOURS_UPDATE,
        /** Tell the council the offer or decline another way: the referral gave no email (DERBY 3.3.1). */
        TELL_COUNCIL_RESPONSE,
        /** An email could not be sent (the mail service refused it): reach its recipient another way (issue 19). */
        REACH_ANOTHER_WAY,
        /** An email may or may not have gone (the mail service did not answer): check with its recipient (issue 19). */
        CHECK_EMAIL_ARRIVED
    }
}
