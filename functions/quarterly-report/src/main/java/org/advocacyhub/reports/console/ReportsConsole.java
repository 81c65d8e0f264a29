package org.advocacyhub.reports.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.port.WorkbookWriter;
import org.advocacyhub.application.reports.QuarterlyReport;
import org.advocacyhub.application.reports.QuarterlyReports;
import org.advocacyhub.application.reports.RestrictedLists;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleRoutes;
import org.advocacyhub.web.console.ListLinks;
import org.advocacyhub.web.html.FormFields;

/**
 * The staff console's reports pages (issue 13: "request, preview (figures summary), download and
 * send a quarterly return"; managers only), on the same use case as the JSON API
 * ({@link QuarterlyReports}): every action a plain form post answered with 303, every page
 * server-rendered and usable with JavaScript off. The console checks its own session cookie, so
 * these routes carry no API Gateway authorizer (template.yaml); they are not in the OpenAPI
 * document, which describes the JSON API.
 */
@Singleton
public final class ReportsConsole {

    static final String REPORTS = ConsoleRoutes.REPORTS;
    /** How many reports the reports page lists at once: a page stays short (issue 21). */
    static final int PAGE = 15;
    private static final String MANAGERS_ONLY = "Only managers may see quarterly reports.";

    private final Console console;
    private final QuarterlyReports reports;
    private final ReportPages pages;
    private final ContractCatalogue contracts;
    private final RestrictedLists restricted;

    public ReportsConsole(Console console, QuarterlyReports reports, ContractCatalogue contracts, Clock clock,
                          org.advocacyhub.application.port.StaffDirectory directory, RestrictedLists restricted) {
        this.console = console;
        this.reports = reports;
        this.restricted = restricted;
        this.pages = new ReportPages(reports.requestFields(), contracts, clock, directory);
        this.contracts = contracts;
    }

    /** The console's report routes, for the function's route table. */
    public List<ApiOperation> operations() {
        return List.of(
                ConsoleRoutes.REPORTS_PAGE.handledBy(request -> console.page(request, staff -> managersOnly(staff,
                        () -> reportsPage(staff, 200, Map.of(), List.of(), ListLinks.query(request, ReportPages.FILTERS))))),
                ConsoleRoutes.REPORT_REQUEST.handledBy(this::ask),
                ConsoleRoutes.REPORT.handledBy(this::show),
                ConsoleRoutes.REPORT_WORKBOOK.handledBy(request -> download(request, (staff, id) ->
                        reports.workbook(staff.actor(), id, request.queryParameter("authority")))),
                ConsoleRoutes.REPORT_CASELOAD.handledBy(request -> download(request, (staff, id) -> reports.caseload(staff.actor(), id,
                        request.queryParameter("authority")))),
                ConsoleRoutes.REPORT_SEND.handledBy(this::send),
                ConsoleRoutes.REPORT_RESTRICTED_LINK.handledBy(this::newLink));
    }

    // ------------------------------------------------------------------ the reports page and the request form

    private APIGatewayProxyResponseEvent reportsPage(Console.Staff staff, int status, Map<String, List<String>> values,
                                                     List<FieldError> errors, Map<String, String> filters) {
        // The list's filters as chosen from its own selects; a value no select offers (an address typed or kept from
        // before) is named as an error, and the list shown without it.
        List<FieldError> problems = new ArrayList<>(errors);
        Map<String, String> kept = new LinkedHashMap<>(filters);
        String contract = kept.get("contract");
        if (contract != null && contracts.contract(contract).isEmpty()) {
            problems.add(new FieldError("filter-contract", "Choose a contract from the list"));
            kept.remove("contract");
            contract = null;
        }
        FinancialQuarter quarter = null;
        if (kept.containsKey("quarter")) {
            quarter = pages.listedQuarters().stream().filter(q -> q.key().equals(kept.get("quarter"))).findFirst().orElse(null);
            if (quarter == null) {
                problems.add(new FieldError("filter-quarter", "Choose a quarter from the list"));
                kept.remove("quarter");
            }
        }
        QuarterlyReport.Status reportStatus = null;
        if (kept.containsKey("status")) {
            reportStatus = java.util.Arrays.stream(QuarterlyReport.Status.values()).filter(s -> s.name().equals(kept.get("status")))
                    .findFirst().orElse(null);
            if (reportStatus == null) {
                problems.add(new FieldError("filter-status", "Choose a status from the list"));
                kept.remove("status");
            }
        }
        if (problems.size() > errors.size()) {
            kept.remove("pageToken");
        }
        QuarterlyReports.Outcome listed = reports.list(staff.actor(), contract, quarter, reportStatus, kept.get("pageToken"), PAGE);
        if (listed instanceof QuarterlyReports.Invalid invalid) {
            problems.add(new FieldError("reports", "That page of the list is not one this list gave: the list starts again"));
            kept.remove("pageToken");
            listed = reports.list(staff.actor(), contract, quarter, reportStatus, null, PAGE);
        }
        int answer = problems.isEmpty() || status != 200 ? status : 400;
        return Console.respond(answer, staff, problems.isEmpty() ? "Reports" : "Error: Reports", REPORTS,
                pages.reportsPage(staff, values, problems, (QuarterlyReports.Listed) listed, kept));
    }

    private APIGatewayProxyResponseEvent ask(HttpRequest request) {
        return console.post(request, REPORTS, (staff, posted) -> managersOnly(staff, () -> {
            if (!posted.unreadable().isEmpty()) {
                return reportsPage(staff, 400, posted.values(), posted.unreadable(), Map.of());
            }
            QuarterlyReports.Outcome outcome = reports.request(staff.actor(),
                    SubmittedFields.of(FormFields.posted(posted.values(), reports.requestFields())));
            if (outcome instanceof QuarterlyReports.Accepted accepted) {
                return HttpResponses.seeOther(staff.href(reportPath(accepted.report().id())));
            }
            if (outcome instanceof QuarterlyReports.Invalid invalid) {
                return reportsPage(staff, 400, posted.values(), invalid.errors(), Map.of());
            }
            return refused(staff, outcome);
        }));
    }

    // ------------------------------------------------------------------ one report

    private APIGatewayProxyResponseEvent show(HttpRequest request) {
        String id = id(request);
        return console.page(request, staff -> managersOnly(staff, () -> {
            boolean sent = request.queryParameter("sent").filter("1"::equals).isPresent();
            return reportPage(staff, id, 200, sent, request.queryParameter("link").orElse(null), null);
        }));
    }

    /** The report's page, with {@code problem} (why an action was refused) at the top when there is one. */
    private APIGatewayProxyResponseEvent reportPage(Console.Staff staff, String id, int status, boolean sent, String problem) {
        return reportPage(staff, id, status, sent, null, problem);
    }

    /** ... and {@code linkSentTo}, the council just emailed a new link to its restricted list, if one was. */
    private APIGatewayProxyResponseEvent reportPage(Console.Staff staff, String id, int status, boolean sent, String linkSentTo,
                                                    String problem) {
        QuarterlyReports.Outcome outcome = reports.view(staff.actor(), id);
        if (outcome instanceof QuarterlyReports.Shown shown) {
            return Console.respond(status, staff, (problem == null ? "" : "Error: ") + "Report " + id, REPORTS,
                    pages.reportPage(staff, shown.report(), sent, linkSentTo, problem));
        }
        return refused(staff, outcome);
    }

    /** The report page's form: email a council a new link to its restricted list (issue 23), then back with a notice. */
    private APIGatewayProxyResponseEvent newLink(HttpRequest request) {
        String id = id(request);
        return console.post(request, reportPath(id), (staff, posted) -> managersOnly(staff, () -> {
            if (!posted.unreadable().isEmpty()) {
                return reportPage(staff, id, 400, false, posted.unreadable().get(0).message());
            }
            QuarterlyReports.Outcome outcome = restricted.reissue(staff.actor(), id,
                    SubmittedFields.of(FormFields.posted(posted.values(), RestrictedLists.FIELDS)));
            if (outcome instanceof QuarterlyReports.LinkSent linkSent) {
                return HttpResponses.seeOther(staff.href(reportPath(id) + "?link="
                        + URLEncoder.encode(linkSent.book().authority(), StandardCharsets.UTF_8) + "#restricted"));
            }
            if (outcome instanceof QuarterlyReports.Invalid invalid) {
                return reportPage(staff, id, 400, false, String.join(". ", invalid.errors().stream().map(FieldError::message).toList()));
            }
            if (outcome instanceof QuarterlyReports.Conflict conflict) {
                return reportPage(staff, id, 409, false, conflict.why());
            }
            return refused(staff, outcome);
        }));
    }

    private APIGatewayProxyResponseEvent send(HttpRequest request) {
        String id = id(request);
        return console.post(request, reportPath(id), (staff, posted) -> managersOnly(staff, () -> {
            // Check, then send (issue 21): the form asks that the figures were checked; nothing is sent without it.
            if (!List.of("yes").equals(posted.values().get("checked"))) {
                return reportPage(staff, id, 400, false, "Tick that you have checked the figures, then send them");
            }
            QuarterlyReports.Outcome outcome = reports.send(staff.actor(), id);
            if (outcome instanceof QuarterlyReports.Shown) {
                return HttpResponses.seeOther(staff.href(reportPath(id) + "?sent=1"));
            }
            if (outcome instanceof QuarterlyReports.Conflict conflict) {
                return reportPage(staff, id, 409, false, conflict.why());
            }
            return refused(staff, outcome);
        }));
    }

    /** A workbook or the caseload list, as the API answers it (the browser saves it), or a page saying why not. */
    private APIGatewayProxyResponseEvent download(HttpRequest request,
                                                  java.util.function.BiFunction<Console.Staff, String, QuarterlyReports.Outcome> read) {
        String id = id(request);
        return console.page(request, staff -> managersOnly(staff, () -> {
            QuarterlyReports.Outcome outcome = read.apply(staff, id);
            if (outcome instanceof QuarterlyReports.Download download) {
                return HttpResponses.download(download.fileName(), WorkbookWriter.CONTENT_TYPE, download.content());
            }
            if (outcome instanceof QuarterlyReports.Conflict conflict) {
                return reportPage(staff, id, 409, false, conflict.why());
            }
            if (outcome instanceof QuarterlyReports.Invalid invalid) {
                return reportPage(staff, id, 400, false, String.join(". ", invalid.errors().stream().map(FieldError::message).toList()));
            }
            return refused(staff, outcome);
        }));
    }

    // ------------------------------------------------------------------ helpers

    /** Advocates get the console's 403 page before anything is read or changed (the use case refuses them too). */
    private static APIGatewayProxyResponseEvent managersOnly(Console.Staff staff,
                                                             java.util.function.Supplier<APIGatewayProxyResponseEvent> then) {
        return staff.isManager() ? then.get() : Console.forbidden(staff, MANAGERS_ONLY);
    }

    /** NotAllowed as 403, NotFound as 404, anything else unexpected here as a conflict with the report's state. */
    private static APIGatewayProxyResponseEvent refused(Console.Staff staff, QuarterlyReports.Outcome outcome) {
        if (outcome instanceof QuarterlyReports.NotAllowed notAllowed) {
            return Console.forbidden(staff, notAllowed.why());
        }
        if (outcome instanceof QuarterlyReports.NotFound notFound) {
            return Console.notFound(staff, notFound.why());
        }
        throw new IllegalStateException("unexpected outcome " + outcome.getClass().getSimpleName());
    }

    private static String id(HttpRequest request) {
        return request.pathParameter("id").orElse("");
    }

    /** {@code /console/reports/RPT-...}, the id encoded for a path. */
    static String reportPath(String id) {
        return REPORTS + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
