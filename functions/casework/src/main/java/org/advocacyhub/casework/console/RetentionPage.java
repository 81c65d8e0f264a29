package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.retention.ReviewRetention;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.retention.RetainedKind;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleRoutes;
import org.advocacyhub.web.console.ConsoleText;

/**
 * What retention would take from a contract today (issue 22: the dry run), for managers: each case past its retention
 * period, the oldest first, with the rule that sets it, and those a legal hold keeps; each case linked. References and
 * services only: nothing about the person.
 */
final class RetentionPage {

    static final String PATH = "/console/retention";

    private final Console console;
    private final ReviewRetention review;
    private final ContractCatalogue contracts;

    RetentionPage(Console console, ReviewRetention review, ContractCatalogue contracts) {
        this.console = console;
        this.review = review;
        this.contracts = contracts;
    }

    List<ApiOperation> operations() {
        return List.of(ConsoleRoutes.RETENTION.handledBy(request -> console.page(request, staff -> page(staff, request))));
    }

    private APIGatewayProxyResponseEvent page(Console.Staff staff, HttpRequest request) {
        if (!staff.isManager()) {
            return Console.forbidden(staff, "Only managers may see what retention would take.");
        }
        Contract contract = request.queryParameter("contract").flatMap(contracts::contract).orElse(contracts.contracts().get(0));
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("contract", List.of(contract.code()));
        query.put("limit", List.of(String.valueOf(ListControls.PAGE)));
        request.queryParameter("pageToken").ifPresent(token -> query.put("pageToken", List.of(token)));
        ReviewRetention.Outcome outcome = review.review(staff.actor(), query);
        StringBuilder html = new StringBuilder(10_000);
        html.append("<h1>Retention</h1>");
        ListControls.contractLinks(html, staff, PATH, contracts.contracts(), contract.code());
        html.append("<p>Each case past the time its contract keeps it, the oldest first: a closed case from the day it closed, a ")
                .append("referral not taken on from the day of the decision. Nothing is changed here. A case under a legal hold is ")
                .append("kept until a manager lifts the hold on the case's page.</p>");
        if (!(outcome instanceof ReviewRetention.Reviewed reviewed)) {
            return Console.respond(400, staff, "Error: Retention", PATH, html.append("<p>That page of the list is not one this ")
                    .append("list gave. <a href=\"").append(escape(staff.href(PATH + "?contract=" + contract.code())))
                    .append("\">Start again from the first page</a>.</p>").toString());
        }
        int going = reviewed.total() - reviewed.held();
        html.append("<p><strong>").append(reviewed.total()).append(reviewed.total() == 1 ? " case is" : " cases are")
                .append(" past their retention period on ").append(escape(ConsoleText.day(reviewed.asOf()))).append("</strong>: ")
                .append(going).append(" would be anonymised, ").append(reviewed.held()).append(" kept under a legal hold")
                .append(reviewed.total() > reviewed.due().size() ? "; " + (reviewed.offset() + 1) + " to " + (reviewed.offset()
                        + reviewed.due().size()) + " shown" : "").append(".</p>");
        if (!reviewed.due().isEmpty()) {
            html.append("<table><caption class=\"visually-hidden\">Cases past their retention period</caption><thead><tr>")
                    .append("<th scope=\"col\">Case</th><th scope=\"col\">Record</th><th scope=\"col\">Kept until</th>")
                    .append("<th scope=\"col\">Why</th><th scope=\"col\">Would it go?</th></tr></thead><tbody>");
            for (ReviewRetention.Due due : reviewed.due()) {
                String reference = due.referral().reference().value();
                html.append("<tr><td data-label=\"Case\"><a href=\"").append(escape(staff.href("/console/cases/" + reference)))
                        .append("\">").append(escape(reference)).append("</a><br><span class=\"hint\">")
                        .append(escape(due.referral().details().service().displayName())).append("</span></td>")
                        .append("<td data-label=\"Record\">").append(due.retention().kind() == RetainedKind.CLOSED_CASE
                                ? "Closed case" : "Referral not taken on").append("</td>")
                        .append("<td data-label=\"Kept until\">").append(escape(ConsoleText.day(due.retention().keptUntil())))
                        .append("</td><td data-label=\"Why\">").append(escape(due.retention().why())).append("</td>")
                        .append("<td data-label=\"Would it go?\">").append(due.held()
                                ? "<strong class=\"tag tag--soon\">Kept</strong> Legal hold: "
                                + escape(due.referral().work().legalHold().reason().displayName())
                                : "<strong class=\"tag tag--late\">Would go</strong>").append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        ListControls.pages(html, staff, PATH, contract.code(), Map.of(), reviewed.previous(), reviewed.next());
        if (!reviewed.complete()) {
            html.append("<p>The contract has more finished cases than the review reads at once: these are the first.</p>");
        }
        return Console.respond(200, staff, "Retention", PATH, html.toString());
    }
}
