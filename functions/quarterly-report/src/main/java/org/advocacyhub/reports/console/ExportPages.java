package org.advocacyhub.reports.console;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.handover.ExportContract;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleRoutes;
import org.advocacyhub.web.console.ConsoleText;
import org.advocacyhub.web.html.FormFields;

/**
 * A contract's handover in the console (issue 22 item 4; LLR 21), managers only, as {@code POST /contracts/{code}/exports}
 * has it: the form to export a contract's records, and the export's page (still being written, or what it holds and how the
 * next provider loads it).
 */
@Singleton
public final class ExportPages {

    static final String PATH = "/console/exports";

    private final Console console;
    private final ExportContract exports;
    private final ContractCatalogue contracts;

    /**
     * The manifest's item kinds (the README's personal data map names them as stored) in a manager's words. A kind added
     * later and not named here is read from its code in lower case, never shown as the code itself.
     */
    private static final Map<String, String> KINDS_IN_WORDS = Map.ofEntries(
            Map.entry("CASE", "Cases"), Map.entry("EVENT", "Timeline entries"), Map.entry("TASK", "Tasks"),
            Map.entry("ACTIVITY", "Contacts and meetings"), Map.entry("TIME", "Time entries"), Map.entry("AUDIT", "Audit entries"),
            Map.entry("CLOCK", "Deadlines"), Map.entry("ALERT", "Deadline alerts"), Map.entry("MAIL", "Emails"),
            Map.entry("MESSAGE", "Answerphone messages"), Map.entry("RESPONSE", "Call-back attempts"),
            Map.entry("MESSAGE-SOURCE/SOURCE", "Answerphone messages' sources"),
            Map.entry("KEPT_CALLBACK", "Call-back times kept for the returns"), Map.entry("COMPLAINT", "Complaints"),
            Map.entry("COMPLIMENT", "Compliments"), Map.entry("AWARENESS_SESSION", "Awareness sessions"),
            Map.entry("CASE_STUDY", "Case studies"), Map.entry("SERVICE_SUMMARY", "Service summaries"),
            Map.entry("CASE_STUDY_SELECTION", "Case study selections"), Map.entry("REPORT", "Quarterly reports"),
            Map.entry("REPORT/SEND", "Quarterly reports' sending"), Map.entry("REQUEST_MARK", "Staff requests being retried"),
            Map.entry("SEQUENCE/SEQUENCE", "Reference number counters"), Map.entry("DATA_REQUEST", "Data protection requests"),
            Map.entry("HANDOVER_IMPORT", "Imports"));

    static String kindInWords(String kind) {
        String words = KINDS_IN_WORDS.get(kind);
        if (words != null) {
            return words;
        }
        String lower = kind.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        return lower.isEmpty() ? "Other records" : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    public ExportPages(Console console, ExportContract exports, ContractCatalogue contracts) {
        this.console = console;
        this.exports = exports;
        this.contracts = contracts;
    }

    public List<ApiOperation> operations() {
        return List.of(
                ConsoleRoutes.EXPORTS.handledBy(request -> console.page(request, staff -> page(staff, 200, List.of()))),
                ConsoleRoutes.EXPORT_REQUEST.handledBy(this::request),
                ConsoleRoutes.EXPORT_PAGE.handledBy(request -> console.page(request, staff -> export(staff,
                        request.pathParameter("id").orElse("")))));
    }

    private APIGatewayProxyResponseEvent page(Console.Staff staff, int status, List<FieldError> errors) {
        if (!staff.isManager()) {
            return Console.forbidden(staff, "Only managers may export a contract's records.");
        }
        StringBuilder html = new StringBuilder(4_000);
        if (!errors.isEmpty()) {
            FormFields.errorSummary(html, errors, name -> "contract");
        }
        html.append("<h1>Hand a contract over</h1><p>An export holds every record of one contract: its cases with everything ")
                .append("beside them, its answerphone messages, the returns' records, its reports and reference numbers. It is ")
                .append("written to the reports bucket as files of records with a manifest of counts and checksums, for the next ")
                .append("provider (LLR 21) or an archive. It holds people's personal data: hand it over only as the contract's ")
                .append("exit plan says. Each export is recorded.</p><form method=\"post\" action=\"").append(escape(staff.href(PATH)))
                .append("\" novalidate>").append(staff.formFields()).append("<div class=\"field\"><label for=\"contract\">Contract</label>")
                .append("<select id=\"contract\" name=\"contract\">");
        for (Contract contract : contracts.contracts()) {
            html.append("<option value=\"").append(escape(contract.code())).append("\">").append(escape(contract.name()))
                    .append("</option>");
        }
        html.append("</select></div><button type=\"submit\">Export its records</button></form>");
        return Console.respond(status, staff, (errors.isEmpty() ? "" : "Error: ") + "Hand a contract over", PATH, html.toString());
    }

    private APIGatewayProxyResponseEvent request(HttpRequest request) {
        return console.post(request, PATH, (staff, posted) -> {
            String contract = posted.values().getOrDefault("contract", List.of("")).stream().findFirst().orElse("");
            ExportContract.Outcome outcome = exports.request(staff.actor(), contract);
            if (outcome instanceof ExportContract.Requested requested) {
                return HttpResponses.seeOther(staff.href(PATH + "/" + requested.exportId()));
            }
            if (outcome instanceof ExportContract.Invalid invalid) {
                return page(staff, 400, invalid.errors());
            }
            return Console.forbidden(staff, ((ExportContract.NotAllowed) outcome).why());
        });
    }

    private APIGatewayProxyResponseEvent export(Console.Staff staff, String id) {
        String contract = ExportContract.contractOf(id).orElse("");
        ExportContract.Outcome outcome = exports.find(staff.actor(), contract, id);
        if (outcome instanceof ExportContract.NotAllowed notAllowed) {
            return Console.forbidden(staff, notAllowed.why());
        }
        if (!(outcome instanceof ExportContract.Found found)) {
            return Console.notFound(staff, "There is no such export.");
        }
        StringBuilder html = new StringBuilder(4_000);
        html.append("<h1>Export of ").append(escape(found.contract())).append("</h1>");
        if (found.manifest().isEmpty()) {
            html.append("<p><strong class=\"tag tag--soon\">Being written</strong> The export is being written on the report queue. ")
                    .append("Reload this page in a minute.</p>");
        } else {
            var manifest = found.manifest().get();
            html.append("<p><strong class=\"tag\">Done</strong> ").append(manifest.items()).append(" records in ")
                    .append(manifest.files().size()).append(manifest.files().size() == 1 ? " file" : " files").append(", written ")
                    .append(escape(ConsoleText.when(manifest.exportedAt()))).append(".</p><table><caption>Records by kind</caption>")
                    .append("<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Records</th></tr></thead><tbody>");
            for (Map.Entry<String, Long> kind : manifest.kinds().entrySet()) {
                html.append("<tr><td data-label=\"Kind\">").append(escape(kindInWords(kind.getKey()))).append("</td><td data-label=\"Records\">")
                        .append(kind.getValue()).append("</td></tr>");
            }
            html.append("</tbody></table><p>In the reports bucket under <code>").append(escape(found.prefix()))
                    .append("</code>, with its manifest and a read-me file describing the format. The next provider loads it into an empty ")
                    .append("deployment with <code>./import-contract --prefix ").append(escape(found.prefix())).append("</code>.</p>");
        }
        return Console.respond(200, staff, "Export of " + found.contract(), PATH, html.toString());
    }
}
