package org.advocacyhub.domain.referral;

/** How a request field is entered and checked. */
public enum FieldKind {
    TEXT, TEXTAREA,
    /** A date today or later: a fixed date, an authorisation's end. */
    DATE,
    /** A date today or earlier: a date of birth, when a qualification was achieved. */
    PAST_DATE,
    CHOICE, MULTI_CHOICE, EMAIL, PHONE, POSTCODE, YES_NO, AUTHORITY,
    /** Several one-line texts, each as {@link #TEXT} (a JSON array of strings; staff requests only). */
    TEXT_LIST,
    /** An instant with its offset, ISO 8601: {@code 2026-11-27T14:30:00Z} (staff requests only). */
    DATE_TIME,
    /** A whole number in the field's {@link FieldSpec#range()} (a JSON number). */
    INTEGER,
    /** A number with at most two decimal places in the field's range (a JSON number). */
    DECIMAL;

    /** Entered as day, month and year on the form, ISO 8601 in JSON. */
    public boolean isDate() {
        return this == DATE || this == PAST_DATE;
    }
}
