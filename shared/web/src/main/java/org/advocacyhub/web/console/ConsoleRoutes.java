package org.advocacyhub.web.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.Who;

/**
 * Every route of the staff console, described once with who may use it (issue 20): the casework and quarterly-report
 * functions serve them ({@link ApiOperation#handledBy}), and the README's access table is generated from them and
 * checked cell by cell on the local stack. They are not in the OpenAPI document, which describes the JSON API.
 *
 * <p>A console route's "who" has the staff API's meaning ({@link Who}), with the console's answers: no session, or a
 * session that has ended (signed out, or ended by a deactivation or a role change), is sent to sign in (303); a session
 * whose person the staff directory now refuses gets 403 and is ended.
 */
public final class ConsoleRoutes {

    public static final ApiOperation HOME = ApiOperation.described("GET", "/console",
            "The console's home: an advocate's cases and what is due; a manager's lists per contract", Who.STAFF, List.of(), null);
    public static final ApiOperation SIGN_IN = ApiOperation.described("GET", "/console/sign-in",
            "Sign in (the hosted sign-in, then back to returnTo)", Who.ANYONE, List.of(), null);
    public static final ApiOperation CALLBACK = ApiOperation.described("GET", "/console/callback",
            "Where the hosted sign-in returns with its code", Who.ANYONE, List.of(), null);
    public static final ApiOperation SIGN_OUT = ApiOperation.described("POST", "/console/sign-out", "Sign out", Who.SESSION,
            List.of(), null);
    public static final ApiOperation SIGNED_OUT = ApiOperation.described("GET", "/console/signed-out", "Signed out", Who.ANYONE,
            List.of(), null);
    public static final ApiOperation WAITING_LIST = ApiOperation.described("GET", "/console/waiting-list",
            "The waiting list, in the order to allocate, with allocation from the row (managers)", Who.STAFF, List.of(), null);
    public static final ApiOperation OPEN_CASES = ApiOperation.described("GET", "/console/cases",
            "A contract's open cases soonest deadline first, with the advocate and the next deadline; filters, search and pages "
            + "(an advocate's own cases only)", Who.STAFF, List.of(), null);
    public static final ApiOperation CASE = ApiOperation.described("GET", "/console/cases/{reference}",
            "A case: the referral, screening, clocks, casework forms, timeline and audit trail", Who.CASE_TEAM, List.of(), null);

    /** The words of the case forms' route: each form says its own ({@link #FORMS}). */
    public static final String BY_FORM = "as each form says";
    public static final ApiOperation CASE_FORM = ApiOperation.described("POST", "/console/cases/{reference}/{action}",
            "A casework form: allocation, reallocation, screening again, the council's answer, contact, meeting, milestones, time, hours, "
            + "action plan, closure, feedback, a case study, return details, placement ends, reopening or a legal hold", BY_FORM,
            List.of(), null);

    /**
     * The case page's forms by their action (the last segment of their path): who may send each, the same as the staff
     * API's route for the same change, checked before the form is read (authorization before validation); and what it
     * does, in the words a refusal is recorded with on the case.
     */
    public static final Map<String, CaseForm> FORMS = forms();

    /** One form of the case page: who may send it, and what sending it does ("record a contact"). */
    public record CaseForm(String who, String does) {
    }

    public static final ApiOperation ANSWERPHONE = ApiOperation.described("GET", "/console/answerphone",
            "A contract's open answerphone messages by due time; record a response", Who.MESSAGE_STAFF, List.of(), null);
    public static final ApiOperation ANSWERPHONE_MESSAGE = ApiOperation.described("POST", "/console/answerphone",
            "Key in a message left on the answerphone (LLR 9.23), for the contract in the address (?contract=)", Who.MESSAGE_STAFF,
            List.of(), null);
    public static final ApiOperation ANSWERPHONE_RESPONSE = ApiOperation.described("POST", "/console/answerphone/{id}",
            "Record a response to an answerphone message", Who.MESSAGE_STAFF, List.of(), null);
    public static final ApiOperation EMAIL_CHECKED = ApiOperation.described("POST", "/console/emails/checked",
            "Mark an email that did not go (or may not have) as checked (managers)", Who.MANAGERS, List.of(), null);
    public static final ApiOperation STAFF = ApiOperation.described("GET", "/console/staff",
            "The staff directory and qualifications, each name linked to their record; add a member by their staff id (managers)",
            Who.MANAGERS, List.of(), null);
    public static final ApiOperation STAFF_MEMBER = ApiOperation.described("GET", "/console/staff/{staffId}",
            "A member of staff's record as a form to change (empty, to add them): contracts, services, languages, qualifications",
            Who.MANAGERS, List.of(), null);
    public static final ApiOperation STAFF_MEMBER_SAVE = ApiOperation.described("POST", "/console/staff/{staffId}",
            "Save a member of staff's record (the form of their page), as PUT /staff/{staffId} does", Who.MANAGERS, List.of(), null);

    public static final ApiOperation RETENTION = ApiOperation.described("GET", "/console/retention",
            "What retention would take from a contract today (a dry run): the cases past their retention period, the oldest first, "
            + "and those a legal hold keeps (managers)", Who.MANAGERS, List.of(), null);
    public static final ApiOperation DATA_REQUESTS = ApiOperation.described("GET", "/console/data-requests",
            "People's data protection requests: the open ones soonest due, the last answered, and the form to record one "
            + "(subject access, rectification, erasure; managers)", Who.MANAGERS, List.of(), null);
    public static final ApiOperation DATA_REQUEST_RECORD = ApiOperation.described("POST", "/console/data-requests",
            "Record a data protection request (the form of the requests page): 303 to the request's page", Who.MANAGERS, List.of(), null);
    public static final ApiOperation DATA_REQUEST = ApiOperation.described("GET", "/console/data-requests/{id}",
            "A data protection request: the person, when it is due, the cases found for them, its audit trail and the form to "
            + "answer it; opening it is audited", Who.MANAGERS, List.of(), null);
    public static final ApiOperation DATA_REQUEST_EXPORT = ApiOperation.described("GET", "/console/data-requests/{id}/export",
            "A subject access request's export: the readable document, or with ?format=json the JSON; audited", Who.MANAGERS,
            List.of(), null);
    public static final ApiOperation DATA_REQUEST_DECISION = ApiOperation.described("POST", "/console/data-requests/{id}/decision",
            "Answer a data protection request (the form of its page): 303 back to it", Who.MANAGERS, List.of(), null);
    public static final ApiOperation RETURNS = ApiOperation.described("GET", "/console/returns",
            "A contract's forms to record an awareness session, a complaint and a compliment; for managers, what this quarter's "
            + "return counts so far", Who.STAFF, List.of(), null);
    public static final ApiOperation RETURNS_RECORD = ApiOperation.described("POST", "/console/returns/{kind}",
            "Record an awareness session, a complaint or a compliment (kind awareness-sessions, complaints or compliments) for the "
            + "contract in the address (?contract=)", Who.STAFF, List.of(), null);
    public static final ApiOperation COMPLAINT_PROGRESS = ApiOperation.described("POST", "/console/complaints/{id}/progress",
            "Record the progress of a complaint (the form under it on the returns page): 303 back to the page", Who.MANAGERS,
            List.of(), null);

    /** Issue 23: the returns page's case studies and service summaries (managers). */
    public static final ApiOperation CASE_STUDY_SELECTION = ApiOperation.described("POST", "/console/case-studies/{id}/selection",
            "Select a case study for the quarter's return, or unselect it (the button beside it on the returns page): 303 back to "
            + "the page", Who.MANAGERS, List.of(), null);
    public static final ApiOperation SERVICE_SUMMARY = ApiOperation.described("POST", "/console/service-summaries",
            "Write a service summary of the quarter, or record that the activity was not completed (the form on the returns page): "
            + "303 back to the page", Who.MANAGERS, List.of(), null);
    /** Issue 23, LLR 27.4: the returns page's annual return items (managers), after a year's fourth quarter. */
    public static final ApiOperation ANNUAL_RETURN_ITEM = ApiOperation.described("POST", "/console/annual-return-items",
            "Write an item of the annual return for the financial year, or record that it was not completed (the form on the "
            + "returns page): 303 back to the page", Who.MANAGERS, List.of(), null);

    public static final ApiOperation NOT_FOUND = ApiOperation.described("GET", "/console/{proxy+}",
            "Any other console address: the console's page saying there is no such page, with its header and a way back",
            Who.STAFF, List.of(), null);

    /** The quarterly-report function's pages: managers only (issue 13). */
    public static final String REPORTS = "/console/reports";
    public static final ApiOperation REPORTS_PAGE = ApiOperation.described("GET", REPORTS,
            "The reports page: ask for a quarterly report, and the reports asked for lately", Who.MANAGERS, List.of(), null);
    public static final ApiOperation REPORT_REQUEST = ApiOperation.described("POST", REPORTS,
            "Ask for a quarterly report (the form of the reports page): 303 to the report's page", Who.MANAGERS, List.of(), null);
    public static final ApiOperation REPORT = ApiOperation.described("GET", REPORTS + "/{id}", "A report: where it has got to, each "
            + "workbook's Summary sheet, the downloads and the form to send it", Who.MANAGERS, List.of(), null);
    public static final ApiOperation REPORT_WORKBOOK = ApiOperation.described("GET", REPORTS + "/{id}/workbook",
            "One workbook of a built report as an Excel file (LLR 26.13)", Who.MANAGERS,
            org.advocacyhub.web.ReportsApi.WORKBOOK_QUERY, null);
    public static final ApiOperation REPORT_CASELOAD = ApiOperation.described("GET", REPORTS + "/{id}/caseload",
            "One council's restricted list (LEW 17.5's caseload list, LLR 26.17's reasons) as an Excel file; each download is audited",
            Who.MANAGERS, org.advocacyhub.web.ReportsApi.CASELOAD_QUERY, null);
    public static final ApiOperation REPORT_RESTRICTED_LINK = ApiOperation.described("POST", REPORTS + "/{id}/restricted-links",
            "Email a council a new link to its restricted list (the report page's form): 303 back to the report with a notice",
            Who.MANAGERS, List.of(), null);
    public static final ApiOperation REPORT_SEND = ApiOperation.described("POST", REPORTS + "/{id}/send",
            "Email a built report to the councils: 303 back to the report with a notice", Who.MANAGERS, List.of(), null);

    /** A contract's handover (issue 22 item 4), in the quarterly-report function beside the reports. */
    public static final ApiOperation EXPORTS = ApiOperation.described("GET", "/console/exports",
            "Hand a contract over: the form to export every record of a contract (managers)", Who.MANAGERS, List.of(), null);
    public static final ApiOperation EXPORT_REQUEST = ApiOperation.described("POST", "/console/exports",
            "Export a contract's records (the form of the handover page): 303 to the export's page", Who.MANAGERS, List.of(), null);
    public static final ApiOperation EXPORT_PAGE = ApiOperation.described("GET", "/console/exports/{id}",
            "An export: being written, or what it holds and how the next provider loads it", Who.MANAGERS, List.of(), null);

    /** The casework function's console routes. */
    public static final List<ApiOperation> CASEWORK = List.of(HOME, SIGN_IN, CALLBACK, SIGN_OUT, SIGNED_OUT, WAITING_LIST, OPEN_CASES, CASE,
            CASE_FORM, ANSWERPHONE, ANSWERPHONE_MESSAGE, ANSWERPHONE_RESPONSE, EMAIL_CHECKED, STAFF, STAFF_MEMBER, STAFF_MEMBER_SAVE, RETURNS,
            RETURNS_RECORD, COMPLAINT_PROGRESS, CASE_STUDY_SELECTION, SERVICE_SUMMARY, ANNUAL_RETURN_ITEM, RETENTION, DATA_REQUESTS, DATA_REQUEST_RECORD, DATA_REQUEST, DATA_REQUEST_EXPORT, DATA_REQUEST_DECISION,
            NOT_FOUND);
    /** The quarterly-report function's console routes. */
    public static final List<ApiOperation> REPORTS_ROUTES = List.of(REPORTS_PAGE, REPORT_REQUEST, REPORT, REPORT_WORKBOOK,
            REPORT_CASELOAD, REPORT_SEND, REPORT_RESTRICTED_LINK, EXPORTS, EXPORT_REQUEST, EXPORT_PAGE);

    private ConsoleRoutes() {
    }

    /** Every console route. */
    public static List<ApiOperation> all() {
        return java.util.stream.Stream.concat(CASEWORK.stream(), REPORTS_ROUTES.stream()).toList();
    }

    /** The case form {@code action}, or empty when the case page has no such form. */
    public static Optional<CaseForm> form(String action) {
        return Optional.ofNullable(FORMS.get(action));
    }

    private static Map<String, CaseForm> forms() {
        Map<String, CaseForm> forms = new LinkedHashMap<>();
        forms.put("allocation", new CaseForm(Who.MANAGERS, "allocate the case"));
        forms.put("reallocation", new CaseForm(Who.MANAGERS, "move the case to another advocate"));
        forms.put("contacts", new CaseForm(Who.CASE_STAFF, "record a contact"));
        forms.put("meetings", new CaseForm(Who.CASE_STAFF, "record a meeting"));
        forms.put("time", new CaseForm(Who.CASE_STAFF, "record time"));
        forms.put("action-plan", new CaseForm(Who.CASE_STAFF, "save the action plan"));
        forms.put("closure", new CaseForm(Who.CASE_STAFF, "close the case"));
        forms.put("feedback", new CaseForm(Who.CASE_STAFF, "record the person's feedback"));
        forms.put("screening", new CaseForm(Who.MANAGERS, "screen the referral again"));
        forms.put("response", new CaseForm(Who.CASE_TEAM, "answer the council with an offer or a decline"));
        forms.put("placement-ends", new CaseForm(Who.CASE_TEAM, "record a placement's end"));
        forms.put("eligibility-confirmation", new CaseForm(Who.CASE_STAFF, "record that eligibility was confirmed"));
        forms.put("report-sent", new CaseForm(Who.CASE_STAFF, "record that the report was sent"));
        forms.put("hour-requests", new CaseForm(Who.CASE_STAFF, "record a request for more hours"));
        forms.put("hour-approvals", new CaseForm(Who.MANAGERS, "record an approval of more hours"));
        forms.put("return-details", new CaseForm(Who.CASE_STAFF, "record the return details"));
        forms.put("reopen", new CaseForm(Who.MANAGERS, "reopen the case"));
        forms.put("legal-hold", new CaseForm(Who.MANAGERS, "put the case under a legal hold"));
        forms.put("legal-hold-lift", new CaseForm(Who.MANAGERS, "lift the legal hold"));
        forms.put("person-correction", new CaseForm(Who.MANAGERS, "correct the person's details"));
        forms.put("case-study", new CaseForm(Who.CASE_STAFF, "write the case study"));
        return java.util.Collections.unmodifiableMap(forms);
    }
}
