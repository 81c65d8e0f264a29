package org.advocacyhub.web;

/**
 * Who may use a route, in the words the OpenAPI document, the console's route catalogue and the README's access table
 * use (issue 20): each route says one of these, and each has one meaning, checked cell by cell on the local stack
 * ({@code AccessTableIT}). The staff directory decides who someone is on every request: a sign-in with no record, or an
 * inactive one, is refused whatever the words.
 */
public final class Who {

    /** No sign-in: the public form, its receipt and schema, the OpenAPI document, the console's sign-in flow. */
    public static final String ANYONE = ApiOperation.ANYONE;
    /** Every active member of staff in the directory. */
    public static final String STAFF = "all staff";
    /** Active managers only. */
    public static final String MANAGERS = "managers";
    /** A list every member of staff may ask for; an advocate's holds their own cases only. */
    public static final String OWN_CASES = "managers; advocates their own cases";
    /** {@code CaseWork.Access.MANAGER_OR_CASE_ADVOCATE}. */
    public static final String CASE_STAFF = "managers, and the advocate the case is allocated to";
    /** {@code CaseWork.Access.MANAGER_OR_CASE_STAFF}. */
    public static final String CASE_TEAM = "managers, and the advocate the case is allocated to or, for a service not allocated "
            + "to one advocate (DERBY accommodation), active staff who work in that contract's service";
    /** An answerphone message's contract's staff. */
    public static final String MESSAGE_STAFF = "managers, and staff who work in the message's contract";
    /** A time entry's author. */
    public static final String ENTRY_AUTHOR = "managers, and the member of staff who recorded the entry";
    /**
     * Whoever holds a console session, whatever the directory now says of them: signing out needs only the session (a
     * leaver may always sign out).
     */
    public static final String SESSION = "anyone with a console session";

    private Who() {
    }
}
