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

    public static final ApiOperation CASELOAD = ApiOperation.described("GET", "/reports/{id}/caseload", "The caseload list with personal "
            + "data a contract asks for (LEW 17.5), as an Excel file: never emailed; each download is audited", WHO, List.of(), null);

    public static final ApiOperation EXPORT = ApiOperation.described("POST", "/contracts/{code}/exports", "Export every record of one "
            + "contract (issue 22; LLR 21, a handover to the next provider, or an archive): 202 with the export's id; it is written on "
            + "the report queue to the reports bucket under exports/<code>/<id>/ as JSON Lines with manifest.json (counts, SHA-256, "
            + "schema version) and a README of the format; ./import-contract loads it into an empty deployment. Audited", WHO,
            List.of(), null);

    public static final ApiOperation EXPORT_VIEW = ApiOperation.described("GET", "/contracts/{code}/exports/{id}", "An export: "
            + "RUNNING until its manifest is written, then DONE with the manifest (items by kind, files with their SHA-256)", WHO,
            List.of(), null);

    public static List<ApiOperation> all(ContractCatalogue contracts) {
        return List.of(request(contracts), VIEW, SEND, WORKBOOK, CASELOAD, EXPORT, EXPORT_VIEW);
    }
}
