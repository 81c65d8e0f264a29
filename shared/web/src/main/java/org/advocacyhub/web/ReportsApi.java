package org.advocacyhub.web;

import java.util.List;
import org.advocacyhub.application.reports.QuarterlyReports;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;

/**
 * The quarterly report function's routes (template.yaml {@code QuarterlyReportFunction}, issue 11),
 * described once: that function serves them, and the staff API's OpenAPI document lists them.
 */
public final class ReportsApi {

    public static final String WHO = Who.MANAGERS;

    private ReportsApi() {
    }

    public static ApiOperation request(ContractCatalogue contracts) {
        return ApiOperation.described("POST", "/reports", "Ask for a contract's quarterly report (LLR 26.12-26.17, LEW 17.2-17.5): 202 with "
                + "its id; it is built from the quarter's records on the report queue, archived, and (send true, a quarter that has "
                + "ended) emailed to each authority's report recipients with the duty managers copied", WHO, List.of(),
                QuarterlyReports.requestFields(contracts));
    }

    public static final ApiOperation VIEW = ApiOperation.described("GET", "/reports/{id}", "A report's status, the Summary sheet of "
            + "each workbook (KPIs against their targets, people supported) and links to download them", WHO, List.of(), null);

    public static final ApiOperation SEND = ApiOperation.described("POST", "/reports/{id}/send", "Email a built report (previewed with "
            + "send false) to each authority, once each: a report already sent is shown as it is", WHO, List.of(), null);

    /** {@code GET /reports/{id}/workbook}'s query. */
    public static final List<FieldSpec> WORKBOOK_QUERY = List.of(new FieldSpec("authority", "Authority",
            "Which authority's workbook (needed when the report has several)", FieldKind.TEXT, false, 40, List.of(), "", "Authority"));

    public static final ApiOperation WORKBOOK = ApiOperation.described("GET", "/reports/{id}/workbook", "One workbook of a built report "
            + "as an Excel file (LLR 26.13): aggregates only", WHO, WORKBOOK_QUERY, null);

    /** {@code GET /reports/{id}/caseload}'s query. */
    public static final List<FieldSpec> CASELOAD_QUERY = List.of(new FieldSpec("authority", "Council",
            "Which council's restricted list (needed when the report has several)", FieldKind.TEXT, false, 40, List.of(), "", "Council"));

    public static final ApiOperation CASELOAD = ApiOperation.described("GET", "/reports/{id}/caseload", "One council's restricted list "
            + "(its own people's rows of the caseload list a contract asks for, LEW 17.5, and of the reasons for requests of 20 or more "
            + "hours, LLR 26.17), as an Excel file: never attached to an email (the council's email links to it); each download is "
            + "audited", WHO, CASELOAD_QUERY, null);

    public static final ApiOperation RESTRICTED_LINK = ApiOperation.described("POST", "/reports/{id}/restricted-links", "Email one "
            + "council's report recipients a fresh link to its restricted list (issue 23; LLR 26.9, 27.6; LEW 17.5), the duty managers "
            + "copied: once per request; it expires in 14 days, and links sent before still work until theirs expire. Only for a "
            + "council whose workbook was emailed. Audited", WHO, List.of(), org.advocacyhub.application.reports.RestrictedLists.FIELDS);

    /** The public address of a restricted list's link: the token is the credential. */
    public static final String RESTRICTED_LIST_PATH = org.advocacyhub.application.reports.PublicAddress.RESTRICTED_LISTS + "/{token}";

    public static final ApiOperation RESTRICTED_LIST = ApiOperation.described("GET", RESTRICTED_LIST_PATH, "The page a council's "
            + "link to its restricted list opens (HTML; no sign-in: the link's token is the credential, issue 23): which report and "
            + "council, what the list holds, when the link expires, and a Download button; a GET never downloads (mail scanners fetch "
            + "links). An expired, unknown or malformed link: 410 with the same page for each", ApiOperation.ANYONE, List.of(), null);

    public static final ApiOperation RESTRICTED_LIST_DOWNLOAD = ApiOperation.described("POST", RESTRICTED_LIST_PATH, "The link page's "
            + "Download button: the council's restricted list as an Excel file (attachment, not stored by the browser's cache); each "
            + "download is audited beside the report, naming the council. An expired or unknown link: the 410 page", ApiOperation.ANYONE,
            List.of(), null);

    public static final ApiOperation EXPORT = ApiOperation.described("POST", "/contracts/{code}/exports", "Export every record of one "
            + "contract (issue 22; LLR 21, a handover to the next provider, or an archive): 202 with the export's id; it is written on "
            + "the report queue to the reports bucket under exports/<code>/<id>/ as JSON Lines with manifest.json (counts, SHA-256, "
            + "schema version) and a README of the format; ./import-contract loads it into an empty deployment. Audited", WHO,
            List.of(), null);

    public static final ApiOperation EXPORT_VIEW = ApiOperation.described("GET", "/contracts/{code}/exports/{id}", "An export: "
            + "RUNNING until its manifest is written, then DONE with the manifest (items by kind, files with their SHA-256)", WHO,
            List.of(), null);

    public static List<ApiOperation> all(ContractCatalogue contracts) {
        return List.of(request(contracts), VIEW, SEND, WORKBOOK, CASELOAD, RESTRICTED_LINK, RESTRICTED_LIST, RESTRICTED_LIST_DOWNLOAD,
                EXPORT, EXPORT_VIEW);
    }
}
