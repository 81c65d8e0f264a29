package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.casework.ListOpenCases;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleRoutes;
import org.advocacyhub.web.console.ConsoleText;

/**
 * A contract's open cases, soonest deadline first, with the advocate and the next deadline (issue 21: the duty manager's
 * "all open cases"); filtered and paged ({@link ListControls}). An advocate's list is their own cases.
 */
final class OpenCasesPage {

    private final Console console;
    private final ListOpenCases open;
    private final StaffDirectory directory;
    private final ContractCatalogue contracts;

    OpenCasesPage(Console console, ListOpenCases open, StaffDirectory directory, ContractCatalogue contracts) {
        this.console = console;
        this.open = open;
        this.directory = directory;
        this.contracts = contracts;
    }

    List<ApiOperation> operations() {
        return List.of(ConsoleRoutes.OPEN_CASES.handledBy(request -> console.page(request, staff -> page(staff, request))));
    }

    private APIGatewayProxyResponseEvent page(Console.Staff staff, HttpRequest request) {
        Contract contract = request.queryParameter("contract").flatMap(contracts::contract).orElse(contracts.contracts().get(0));
        Map<String, String> filters = ListControls.query(request);
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("contract", List.of(contract.code()));
        query.put("limit", List.of(String.valueOf(ListControls.PAGE)));
        filters.forEach((name, value) -> query.put(name, List.of(value)));
        ListOpenCases.Outcome outcome = open.list(staff.actor(), query);
        StringBuilder html = new StringBuilder(20_000);
        html.append("<h1>").append(staff.isManager() ? "Open cases" : "Your open cases").append("</h1>");
        ListControls.contractLinks(html, staff, "/console/cases", contracts.contracts(), contract.code());
        List<StaffRecord> advocates = staff.isManager() ? directory.all().stream().filter(r -> r.contracts().contains(contract.code()))
                .sorted(Comparator.comparing(StaffRecord::name)).toList() : List.of();
        ListControls.filters(html, staff, "/console/cases", contract, filters, staff.isManager() ? "Reference or name" : "Reference",
                advocates, true);
        if (outcome instanceof ListOpenCases.Invalid invalid) {
            html.append("<p>").append(escape(invalid.errors().get(0).message())).append("</p>");
            return Console.respond(400, staff, "Open cases", "/console/cases", html.toString());
        }
        ListOpenCases.Listed listed = (ListOpenCases.Listed) outcome;
        html.append(ListControls.count(listed.total(), listed.offset(), listed.rows().size(), "open", filters));
        if (listed.rows().isEmpty()) {
            html.append("<p>No open case.</p>");
        } else {
            html.append("<table><caption class=\"visually-hidden\">Open cases, soonest deadline first</caption><thead><tr>")
                    .append("<th scope=\"col\">Case</th><th scope=\"col\">Person</th><th scope=\"col\">Service</th>")
                    .append("<th scope=\"col\">Advocate</th><th scope=\"col\">Next deadline</th></tr></thead><tbody>");
            for (ListOpenCases.Row row : listed.rows()) {
                ReferralCase c = row.referral();
                Contract owner = contracts.contractFor(c.details().service());
                String next = row.next().map(k -> CasePage.clockName(owner.service(c.details().service()), k.name()) + ": "
                        + ConsoleText.when(row.dueAt().orElseThrow())).orElse("No running clock");
                html.append("<tr><td data-label=\"Case\"><a href=\"").append(escape(staff.href("/console/cases/" + c.reference().value())))
                        .append("\">").append(escape(c.reference().value())).append("</a></td><td data-label=\"Person\">")
                        .append(escape(listed.namesShown() ? c.details().person().name() : c.details().person().initials()))
                        .append("</td><td data-label=\"Service\">").append(escape(c.details().service().displayName()))
                        .append("</td><td data-label=\"Advocate\">").append(escape(Optional.ofNullable(c.work().allocation())
                                .map(a -> a.advocateName()).orElse("Not allocated")))
                        .append("</td><td data-label=\"Next deadline\">").append(escape(next));
                row.next().ifPresent(k -> html.append(" ").append(CasePage.tag(ConsoleText.timeLeft(row.dueAt().orElseThrow(),
                        listed.at(), owner.calendar()), k, owner.calendar(), listed.at())));
                html.append("</td></tr>");
            }
            html.append("</tbody></table>");
            ListControls.pages(html, staff, "/console/cases", contract.code(), filters, listed.previous(), listed.next());
            if (!listed.complete()) {
                html.append("<p>The contract has more open cases than the hub reads at once: narrow the list with its filters.</p>");
            }
        }
        return Console.respond(200, staff, staff.isManager() ? "Open cases" : "Your open cases", "/console/cases", html.toString());
    }
}
