package org.advocacyhub.reports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.casework.IdentifyStaff;
import org.advocacyhub.application.port.WorkbookWriter;
import org.advocacyhub.application.reports.QuarterlyReport;
import org.advocacyhub.application.reports.QuarterlyReports;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.reports.ReturnCell;
import org.advocacyhub.domain.reports.ReturnTable;
import org.advocacyhub.reports.console.ReportsConsole;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.IdempotentRequests;
import org.advocacyhub.web.JsonText;
import org.advocacyhub.web.Problems;
import org.advocacyhub.web.RouteTable;
import org.advocacyhub.web.ReportsApi;
import org.advocacyhub.web.RequestBodies;
import org.advocacyhub.web.StaffRequests;

/**
 * The report routes (template.yaml {@code QuarterlyReportFunction}'s Api events), as {@link ReportsApi} describes them,
 * and the staff console's reports pages ({@link ReportsConsole}), which share the function and its route table but are
 * no part of the JSON API's description.
 */
@Singleton
public final class ReportsWeb {


    private final JsonMapper json;
    private final Problems problems;
    private final RouteTable operations;

    public ReportsWeb(QuarterlyReports reports, IdentifyStaff identify, ContractCatalogue contracts, JsonMapper json,
                      ReportsConsole console, IdempotentRequests idempotency,
                      org.advocacyhub.application.handover.ExportContract exports,
                      org.advocacyhub.reports.console.ExportPages exportPages,
                      org.advocacyhub.application.reports.RestrictedLists restricted, RestrictedListPages restrictedPages) {
        this.json = json;
        this.problems = new Problems(json);
        this.operations = new RouteTable(problems, RouteTable.NOTHING_CHANGED, idempotency);
        RequestBodies bodies = new RequestBodies(problems);
        StaffRequests staff = new StaffRequests(identify, problems, bodies);
        add(ReportsApi.request(contracts).handledBy(request -> staff.withActorAndBody(request, (actor, body) ->
                answer(reports.request(actor, body), 202))));
        add(ReportsApi.VIEW.handledBy(request -> staff.withActor(request, actor ->
                answer(reports.view(actor, id(request)), 200))));
        add(ReportsApi.SEND.handledBy(request -> staff.withActor(request, actor ->
                answer(reports.send(actor, id(request)), 200))));
        add(ReportsApi.WORKBOOK.handledBy(request -> staff.withActor(request, actor ->
                answer(reports.workbook(actor, id(request), request.queryParameter("authority")), 200))));
        add(ReportsApi.CASELOAD.handledBy(request -> staff.withActor(request, actor ->
                answer(reports.caseload(actor, id(request), request.queryParameter("authority")), 200))));
        // Managers only, decided before the body is read (authorization before validation, issue 20).
        add(ReportsApi.RESTRICTED_LINK.handledBy(request -> staff.withActor(request, actor -> actor.isManager()
                ? staff.body(request, body -> answer(restricted.reissue(actor, id(request), body), 200))
                : problems.of(403, "Forbidden", "Only managers may send links to restricted lists."))));
        // Public: the link's token is the credential (no authorizer in template.yaml).
        restrictedPages.operations().forEach(this::add);
        add(ReportsApi.EXPORT.handledBy(request -> staff.withActor(request, actor ->
                exported(exports.request(actor, request.pathParameter("code").orElse(""))))));
        add(ReportsApi.EXPORT_VIEW.handledBy(request -> staff.withActor(request, actor -> exported(exports.find(actor,
                request.pathParameter("code").orElse(""), id(request))))));
        console.operations().forEach(this::add);
        exportPages.operations().forEach(this::add);
    }

    /** A contract's export (issue 22 item 4) as JSON. */
    private APIGatewayProxyResponseEvent exported(org.advocacyhub.application.handover.ExportContract.Outcome outcome) {
        if (outcome instanceof org.advocacyhub.application.handover.ExportContract.Requested requested) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("exportId", requested.exportId());
            out.put("contract", requested.contract());
            out.put("status", "RUNNING");
            out.put("prefix", requested.prefix());
            out.put("requestedAt", requested.requestedAt().toString());
            return HttpResponses.withHeader(HttpResponses.json(202, JsonText.write(json, out)), "Location",
                    "/contracts/" + requested.contract() + "/exports/" + requested.exportId());
        }
        if (outcome instanceof org.advocacyhub.application.handover.ExportContract.Found found) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("exportId", found.exportId());
            out.put("contract", found.contract());
            out.put("status", found.manifest().isPresent() ? "DONE" : "RUNNING");
            out.put("prefix", found.prefix());
            found.manifest().ifPresent(m -> {
                out.put("exportedAt", m.exportedAt().toString());
                out.put("items", m.items());
                out.put("kinds", m.kinds());
                out.put("files", m.files().stream().map(f -> Map.of("name", f.name(), "items", f.items(), "sha256", f.sha256())).toList());
            });
            return HttpResponses.json(200, JsonText.write(json, out));
        }
        if (outcome instanceof org.advocacyhub.application.handover.ExportContract.Invalid invalid) {
            return problems.invalid(invalid.errors());
        }
        if (outcome instanceof org.advocacyhub.application.handover.ExportContract.NotAllowed notAllowed) {
            return problems.of(403, "Forbidden", notAllowed.why());
        }
        return problems.of(404, "Not Found", ((org.advocacyhub.application.handover.ExportContract.NotFound) outcome).why());
    }

    private static String id(HttpRequest request) {
        return request.pathParameter("id").orElse("");
    }

    private void add(ApiOperation operation) {
        operations.add(operation);
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return operations.handle(event);
    }

    private APIGatewayProxyResponseEvent answer(QuarterlyReports.Outcome outcome, int okStatus) {
        if (outcome instanceof QuarterlyReports.Accepted accepted) {
            return HttpResponses.withHeader(HttpResponses.json(202, JsonText.write(json, view(accepted.report()))), "Location",
                    "/reports/" + accepted.report().id());
        }
        if (outcome instanceof QuarterlyReports.Shown shown) {
            return HttpResponses.json(okStatus, JsonText.write(json, view(shown.report())));
        }
        if (outcome instanceof QuarterlyReports.LinkSent sent) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("report", sent.report().id());
            out.put("authority", sent.book().authority());
            out.put("authorityName", sent.book().authorityName());
            out.put("sentTo", sent.book().recipients());
            if (sent.expiresAt() != null) {
                out.put("expiresAt", sent.expiresAt().toString());
            }
            return HttpResponses.json(200, JsonText.write(json, out));
        }
        if (outcome instanceof QuarterlyReports.Download download) {
            return HttpResponses.download(download.fileName(), WorkbookWriter.CONTENT_TYPE, download.content());
        }
        if (outcome instanceof QuarterlyReports.Invalid invalid) {
            return problems.invalid(invalid.errors());
        }
        if (outcome instanceof QuarterlyReports.NotAllowed notAllowed) {
            return problems.of(403, "Forbidden", notAllowed.why());
        }
        if (outcome instanceof QuarterlyReports.Conflict conflict) {
            return problems.of(409, "Conflict", conflict.why());
        }
        return problems.of(404, "Not Found", ((QuarterlyReports.NotFound) outcome).why());
    }

    /** A report as {@code GET /reports/{id}} shows it: status, period, each workbook's Summary sheet and download link. */
    static Map<String, Object> view(QuarterlyReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", report.id());
        out.put("contract", report.contract());
        out.put("quarter", report.quarter().financialYear() + "-Q" + report.quarter().quarter());
        out.put("period", Map.of("from", report.quarter().firstDay().toString(), "to", report.quarter().lastDay().toString()));
        if (report.authority() != null) {
            out.put("authority", report.authority());
        }
        out.put("status", report.status().name());
        out.put("send", report.send());
        out.put("requestedBy", report.requestedBy());
        out.put("requestedAt", report.requestedAt().toString());
        if (report.builtAt() != null) {
            out.put("builtAt", report.builtAt().toString());
        }
        if (report.failure() != null) {
            out.put("failure", report.failure());
        }
        List<Map<String, Object>> books = new ArrayList<>();
        for (QuarterlyReport.Workbook book : report.workbooks()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("authority", book.authority());
            b.put("authorityName", book.authorityName());
            b.put("fileName", book.fileName());
            b.put("download", "/reports/" + report.id() + "/workbook?authority=" + book.authority());
            if (book.restrictedKey() != null) {
                // Issue 23: the council's own restricted list; its email links to it, never attaches it.
                b.put("restrictedList", "/reports/" + report.id() + "/caseload?authority=" + book.authority());
            }
            b.put("recipients", book.recipients());
            if (book.sentAt() != null) {
                b.put("sentAt", book.sentAt().toString());
            }
            b.put("summary", table(book.summary()));
            books.add(b);
        }
        out.put("workbooks", books);
        if (report.caseloadKey() != null) {
            out.put("caseload", "/reports/" + report.id() + "/caseload");
        }
        return out;
    }

    /** A sheet as JSON: each row an object by heading, each cell its JSON type (a share as numerator, denominator and percent). */
    static Map<String, Object> table(ReturnTable table) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", table.title());
        out.put("clause", table.clause());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<ReturnCell> row : table.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                Object value = value(row.get(i));
                if (value != null) {
                    r.put(table.headings().get(i), value);
                }
            }
            rows.add(r);
        }
        out.put("rows", rows);
        return out;
    }

    private static Object value(ReturnCell cell) {
        if (cell instanceof ReturnCell.Text t) {
            return t.value();
        }
        if (cell instanceof ReturnCell.Count c) {
            return c.value();
        }
        if (cell instanceof ReturnCell.Decimal d) {
            return d.value();
        }
        if (cell instanceof ReturnCell.Share s) {
            Map<String, Object> share = new LinkedHashMap<>();
            share.put("numerator", s.numerator());
            share.put("denominator", s.denominator());
            if (s.denominator() > 0) {
                share.put("percent", java.math.BigDecimal.valueOf(s.numerator() * 100L)
                        .divide(java.math.BigDecimal.valueOf(s.denominator()), 1, java.math.RoundingMode.HALF_UP));
            }
            return share;
        }
        return null;
    }
}
