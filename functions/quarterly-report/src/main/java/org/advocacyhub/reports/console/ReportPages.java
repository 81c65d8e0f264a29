package org.advocacyhub.reports.console;

import static org.advocacyhub.domain.text.Html.escape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.advocacyhub.application.reports.QuarterlyReport;
import org.advocacyhub.application.reports.QuarterlyReports;
import org.advocacyhub.application.reports.RestrictedLists;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.reports.CaseloadList;
import org.advocacyhub.domain.reports.RestrictedLink;
import org.advocacyhub.domain.reports.ReturnCell;
import org.advocacyhub.domain.reports.ReturnTable;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleText;
import org.advocacyhub.web.console.ConsoleWords;
import org.advocacyhub.web.console.ListLinks;
import org.advocacyhub.web.html.FormFields;

/**
 * The HTML of the reports pages (the main of each; {@link Console#render} adds the header). Every
 * value from the table or a form is escaped; links go through {@link Console.Staff#href} for the
 * site's base path.
 */
final class ReportPages {

    private final List<FieldSpec> formFields;
    private final Clock clock;
    private final ContractCatalogue contracts;
    private final org.advocacyhub.application.port.StaffDirectory directory;
    private final Map<String, String> councils = new LinkedHashMap<>();

    /**
     * @param requestFields the use case's own fields, which check the form ({@code QuarterlyReports.requestFields()});
     *                      the form shows them with words for the page in place of the API's
     */
    ReportPages(List<FieldSpec> requestFields, ContractCatalogue contracts, Clock clock,
                org.advocacyhub.application.port.StaffDirectory directory) {
        this.formFields = requestFields.stream().map(spec -> forTheForm(spec, contracts)).toList();
        this.clock = clock;
        this.contracts = contracts;
        this.directory = directory;
        contracts.contracts().forEach(c -> c.authorities().forEach(a -> councils.put(a.code(), a.name())));
    }

    /**
     * The API's hints speak of JSON ({@code send false}); the form's say the same for a person with
     * a form. Only the words change: names, kinds and limits stay the use case's, which checks them.
     */
    private static FieldSpec forTheForm(FieldSpec spec, ContractCatalogue contracts) {
        return switch (spec.name()) {
            // Chosen by name, not typed as a code (issue 21); the use case reads the code the choice posts.
            case "authority" -> new FieldSpec(spec.name(), "Council", "Choose none for a report of every council of the contract. "
                    + wholeContracts(contracts), org.advocacyhub.domain.referral.FieldKind.CHOICE, spec.required(), spec.maxLength(),
                    councils(contracts), spec.missingMessage(), spec.noun(), spec.range());
            case "send" -> new FieldSpec(spec.name(), "Send it to the councils once it is built?", "Choose No to preview it "
                    + "first: you can send it from its page. A report can only be sent once its quarter has ended.", spec.kind(),
                    spec.required(), spec.maxLength(), spec.choices(), spec.missingMessage(), spec.noun(), spec.range());
            default -> spec;
        };
    }

    /** "DERBY reports for the whole contract.": the contracts whose report is not per council. */
    private static String wholeContracts(ContractCatalogue contracts) {
        List<String> parts = new ArrayList<>();
        for (Contract contract : contracts.contracts()) {
            if (contract.reportSchedule() == null || !contract.reportSchedule().perAuthority()) {
                parts.add(contract.name() + " reports for the whole contract.");
            }
        }
        return String.join(" ", parts);
    }

    /** Each council of a contract reported per council, by name and contract; its code is what the form posts. */
    private static List<org.advocacyhub.application.casework.ContractChoice> councils(ContractCatalogue contracts) {
        List<org.advocacyhub.application.casework.ContractChoice> out = new ArrayList<>();
        for (Contract contract : contracts.contracts()) {
            if (contract.reportSchedule() != null && contract.reportSchedule().perAuthority()) {
                contract.authorities().forEach(a -> out.add(new org.advocacyhub.application.casework.ContractChoice(a.code(),
                        a.name() + " (" + contract.code() + ")")));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ GET /console/reports

    String reportsPage(Console.Staff staff, Map<String, List<String>> posted, List<FieldError> errors, QuarterlyReports.Listed listed,
                       Map<String, String> filters) {
        StringBuilder html = new StringBuilder(8_000);
        // The list's filters are named by their select's id, a page token by the list itself.
        FormFields.errorSummary(html, errors, name -> name.startsWith("filter-") || name.equals("reports") ? name
                : FormFields.anchor(formFields, name));
        html.append("<h1>Quarterly reports</h1>")
                .append("<p>Ask for a contract's quarterly return. It is built from the quarter's records in a minute or two; "
                        + "you can then look at its figures, download each workbook and send it to the councils.</p>")
                .append("<h2 id=\"ask\">Ask for a report</h2>")
                .append("<form method=\"post\" action=\"").append(escape(staff.href(ReportsConsole.REPORTS))).append("\" novalidate>")
                .append(staff.formFields());
        FormFields.plain().fields(html, formFields.stream().map(f -> f.name().equals("quarter") ? quarterChoice(f) : f).toList(),
                posted.isEmpty() ? defaults() : posted, errors);
        html.append("<button type=\"submit\">Ask for the report</button></form>");
        reportList(html, staff, listed, filters);
        return html.toString();
    }

    /**
     * The quarter as a choice (issue 21: not a code to type): this quarter and the four before it, newest first, each by
     * its name and months ("2026-27 Q2: July to September 2026"); it posts the use case's own form of a quarter (2026-Q2).
     */
    private FieldSpec quarterChoice(FieldSpec typed) {
        List<org.advocacyhub.application.casework.ContractChoice> quarters = new ArrayList<>();
        java.time.format.DateTimeFormatter month = java.time.format.DateTimeFormatter.ofPattern("MMMM", java.util.Locale.UK);
        for (FinancialQuarter quarter : recentQuarters(5)) {
            quarters.add(new org.advocacyhub.application.casework.ContractChoice(quarter.financialYear() + "-Q" + quarter.quarter(),
                    quarter.name() + ": " + quarter.firstDay().format(month) + " to " + quarter.lastDay().format(month) + " "
                            + quarter.lastDay().getYear()));
        }
        return new FieldSpec(typed.name(), "Quarter", "The financial year runs from April: Q1 is April to June",
                org.advocacyhub.domain.referral.FieldKind.CHOICE, typed.required(), typed.maxLength(), quarters, "Choose the quarter",
                typed.noun(), typed.range());
    }

    /** The form as first shown: the quarter just ended, to preview. */
    private Map<String, List<String>> defaults() {
        FinancialQuarter ended = FinancialQuarter.containing(clock.instant()).previous();
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("quarter", List.of(ended.financialYear() + "-Q" + ended.quarter()));
        values.put("send", List.of("no"));
        return values;
    }

    /** The reports list's filters, as its address names them (issue 21: lists that scale). */
    static final List<String> FILTERS = List.of("contract", "quarter", "status", "pageToken");

    /** The quarters the list's filter offers: this one and the seven before it, newest first. */
    List<FinancialQuarter> listedQuarters() {
        return recentQuarters(8);
    }

    /** This quarter and the {@code count - 1} before it, newest first. */
    private List<FinancialQuarter> recentQuarters(int count) {
        List<FinancialQuarter> quarters = new ArrayList<>();
        for (FinancialQuarter q = FinancialQuarter.containing(clock.instant()); quarters.size() < count; q = q.previous()) {
            quarters.add(q);
        }
        return quarters;
    }

    /** A status as its tag shows it ("Queued", "Built", "Sent", "Failed"), in the list's filter too. */
    static String statusWords(QuarterlyReport.Status status) {
        return status.name().charAt(0) + status.name().substring(1).toLowerCase(Locale.ROOT);
    }

    /**
     * Every report asked for, newest first, 15 a page, with a count and filters (contract, quarter, status) that a GET form
     * sets and the links to the pages either side keep.
     */
    private void reportList(StringBuilder html, Console.Staff staff, QuarterlyReports.Listed listed, Map<String, String> filters) {
        ConsoleWords words = words();
        html.append("<h2 id=\"reports\">Reports asked for</h2>")
                .append("<form method=\"get\" action=\"").append(escape(staff.href(ReportsConsole.REPORTS)))
                .append("#reports\" class=\"inline-form filters\"><div class=\"group\"><label for=\"filter-contract\">Contract</label>")
                .append("<select id=\"filter-contract\" name=\"contract\"><option value=\"\">All contracts</option>");
        contracts.contracts().forEach(c -> ListLinks.option(html, c.code(), c.code(), filters.get("contract")));
        html.append("</select></div><div class=\"group\"><label for=\"filter-quarter\">Quarter</label>")
                .append("<select id=\"filter-quarter\" name=\"quarter\"><option value=\"\">All quarters</option>");
        listedQuarters().forEach(q -> ListLinks.option(html, q.key(), quarterName(q), filters.get("quarter")));
        html.append("</select></div><div class=\"group\"><label for=\"filter-status\">Status</label>")
                .append("<select id=\"filter-status\" name=\"status\"><option value=\"\">Any status</option>");
        for (QuarterlyReport.Status status : QuarterlyReport.Status.values()) {
            ListLinks.option(html, status.name(), statusWords(status), filters.get("status"));
        }
        html.append("</select></div><button type=\"submit\" class=\"button--secondary\">Show</button></form>");
        boolean filtered = filters.keySet().stream().anyMatch(k -> !k.equals("pageToken"));
        if (listed.reports().isEmpty()) {
            html.append("<p>").append(filtered ? "No report matches." : "No reports have been asked for yet.").append("</p>");
            return;
        }
        html.append("<p><strong>").append(listed.total()).append(listed.total() == 1 ? " report" : " reports")
                .append(filtered ? " that match" : "").append("</strong>").append(listed.total() > listed.reports().size()
                        ? ": " + (listed.offset() + 1) + " to " + (listed.offset() + listed.reports().size()) + " shown, the newest first"
                        : ", the newest first").append(".</p>");
        html.append("<table><caption class=\"visually-hidden\">Reports asked for, the newest first</caption><thead><tr>")
                .append("<th scope=\"col\">Report</th><th scope=\"col\">Quarter</th><th scope=\"col\">Asked for</th>")
                .append("<th scope=\"col\">Status</th></tr></thead><tbody>");
        for (QuarterlyReport report : listed.reports()) {
            html.append("<tr><td data-label=\"Report\"><a href=\"").append(escape(staff.href(ReportsConsole.reportPath(report.id()))))
                    .append("\">").append(escape(report.contract()))
                    .append(report.authority() == null ? "" : ", " + escape(words.authority(report.authority())))
                    .append("<span class=\"visually-hidden\"> ")
                    .append(escape(report.id())).append("</span></a></td>")
                    .append("<td data-label=\"Quarter\">").append(escape(quarterName(report.quarter()))).append("</td>")
                    .append("<td data-label=\"Asked for\">").append(escape(ConsoleText.when(report.requestedAt()))).append(" by ")
                    .append(escape(requester(report, words))).append("</td>")
                    .append("<td data-label=\"Status\">").append(tag(report)).append("</td></tr>");
        }
        html.append("</tbody></table>");
        ListLinks.pages(html, staff, ReportsConsole.REPORTS, filters, listed.previous(), listed.next(), "#reports");
    }

    // ------------------------------------------------------------------ GET /console/reports/{id}

    /**
     * @param linkSentTo the council (code) a new link to its restricted list was just emailed to, for the notice; or null
     */
    String reportPage(Console.Staff staff, QuarterlyReport report, boolean sentNotice, String linkSentTo, String problem) {
        Instant now = clock.instant();
        StringBuilder html = new StringBuilder(20_000);
        if (problem != null) {
            FormFields.errorSummary(html, List.of(new FieldError("", problem)), name -> FormFields.NO_FIELD);
        }
        report.workbook(linkSentTo == null ? "" : linkSentTo).ifPresent(book -> html.append("<div class=\"notice\" role=\"status\">")
                .append("<h2>New link sent</h2><p>A new link to the ").append(escape(book.authorityName()))
                .append(" restricted list was emailed to its report recipients, with the duty managers copied. It expires ")
                .append(RestrictedLink.LIFETIME.toDays()).append(" days after it was sent; links sent before still work until theirs "
                        + "expire.</p></div>"));
        if (sentNotice && report.status() == QuarterlyReport.Status.SENT) {
            html.append("<div class=\"notice\" role=\"status\"><h2>Sent to the councils</h2><p>Each workbook was emailed to its "
                    + "council's report recipients, with the duty managers copied.</p></div>");
        }
        html.append("<p><a href=\"").append(escape(staff.href(ReportsConsole.REPORTS))).append("\">Back to reports</a></p>")
                .append("<h1>").append(escape(report.contract())).append(" quarterly report, ").append(escape(quarterName(report.quarter())))
                .append("</h1><dl>");
        row(html, "Report", escape(report.id()));
        row(html, "Period", escape(ConsoleText.day(report.quarter().firstDay()) + " to " + ConsoleText.day(report.quarter().lastDay())));
        ConsoleWords words = words();
        row(html, "Authorities", escape(report.authority() == null ? "Every authority of the contract" : words.authority(report.authority())));
        row(html, "Asked for", escape(ConsoleText.when(report.requestedAt()) + " by " + requester(report, words)));
        row(html, "Status", tag(report) + " " + escape(meaning(report)));
        if (report.builtAt() != null) {
            row(html, "Built", escape(ConsoleText.when(report.builtAt())));
        }
        html.append("</dl>");
        if (report.status() == QuarterlyReport.Status.QUEUED || sending(report)) {
            html.append("<p><a href=\"").append(escape(staff.href(ReportsConsole.reportPath(report.id()))))
                    .append("\">Reload this page</a> to see whether it is ready.</p>");
        }
        if (report.status() == QuarterlyReport.Status.BUILT && !report.workbooks().isEmpty()) {
            html.append("<p><a href=\"#send\">Check the figures below, then send them to the councils</a></p>");
        }
        for (QuarterlyReport.Workbook book : report.workbooks()) {
            workbook(html, staff, report, book);
        }
        // Check, then send (issue 21): the button comes after the figures, says who gets what, and asks that they were checked.
        sendForm(html, staff, report, now);
        restrictedLists(html, staff, report, now);
        return html.toString();
    }

    /**
     * Each council's restricted list (issue 23): its download, where its email's link stands, and the form to email a
     * council a new link. A report built before the lists were split has one list for the contract, downloaded as before.
     */
    private void restrictedLists(StringBuilder html, Console.Staff staff, QuarterlyReport report, Instant now) {
        String download = ReportsConsole.reportPath(report.id()) + "/caseload";
        if (report.caseloadKey() != null) {
            html.append("<h2 id=\"restricted\">Restricted list</h2><p>The list of the quarter's cases with personal data. It is "
                            + "never attached to an email, and every download is recorded.</p><p><a href=\"")
                    .append(escape(staff.href(download))).append("\">Download the restricted list (Excel)</a></p>");
            return;
        }
        List<QuarterlyReport.Workbook> books = RestrictedLists.withLists(report);
        if (books.isEmpty()) {
            return;
        }
        String holds = contracts.contract(report.contract()).map(CaseloadList::contents).orElse("personal data");
        html.append("<h2 id=\"restricted\">Restricted lists</h2><p>Each council's own list with personal data (")
                .append(escape(holds)).append("). It is never attached to an email: the council's report email carries a link to "
                        + "it, for its recipients only, which expires ").append(RestrictedLink.LIFETIME.toDays())
                .append(" days after it is sent. Every download is recorded, by staff or by link.</p>");
        List<QuarterlyReport.Workbook> emailed = new ArrayList<>();
        for (QuarterlyReport.Workbook book : books) {
            html.append("<h3>").append(escape(book.authorityName())).append("</h3><p><a href=\"")
                    .append(escape(staff.href(download + "?authority=" + URLEncoder.encode(book.authority(), StandardCharsets.UTF_8))))
                    .append("\">Download the ").append(escape(book.authorityName())).append(" restricted list (Excel)</a></p><p>");
            if (book.sentAt() == null) {
                html.append("Its link goes with the workbook's email: not emailed yet.");
            } else {
                Instant expires = book.sentAt().plus(RestrictedLink.LIFETIME);
                html.append("The link emailed with the workbook on ").append(escape(ConsoleText.when(book.sentAt())))
                        .append(expires.isAfter(now) ? " expires " : " expired ").append(escape(ConsoleText.when(expires))).append('.');
                emailed.add(book);
            }
            html.append("</p>");
        }
        if (emailed.isEmpty()) {
            return;
        }
        html.append("<form method=\"post\" action=\"")
                .append(escape(staff.href(ReportsConsole.reportPath(report.id()) + "/restricted-links"))).append("\" novalidate>")
                .append(staff.formFields()).append("<div class=\"group\"><fieldset><legend>Email a council a new link</legend>")
                .append("<p class=\"hint\">It goes to the council's report recipients, with the duty managers copied, and expires ")
                .append(RestrictedLink.LIFETIME.toDays()).append(" days after it is sent.</p>");
        for (QuarterlyReport.Workbook book : emailed) {
            String id = "link-" + book.authority();
            html.append("<div class=\"choice\"><input id=\"").append(escape(id)).append("\" name=\"authority\" type=\"radio\" value=\"")
                    .append(escape(book.authority())).append("\"><label for=\"").append(escape(id)).append("\">")
                    .append(escape(book.authorityName())).append("</label></div>");
        }
        html.append("</fieldset></div><button type=\"submit\" class=\"button--secondary\">Email a new link</button></form>");
    }

    /** Built, asked to be sent, and not all gone yet: the report queue is sending it. */
    private static boolean sending(QuarterlyReport report) {
        return report.status() == QuarterlyReport.Status.BUILT && report.send();
    }

    private static void sendForm(StringBuilder html, Console.Staff staff, QuarterlyReport report, Instant now) {
        if (report.status() != QuarterlyReport.Status.BUILT) {
            return;
        }
        html.append("<h2 id=\"send\">Send to the councils</h2>");
        if (report.quarter().end().isAfter(now)) {
            html.append("<p>This quarter has not ended: the report can be sent from ")
                    .append(escape(ConsoleText.day(report.quarter().lastDay().plusDays(1))))
                    .append(". Ask for it again then, to count the whole quarter.</p>");
            return;
        }
        if (report.builtAt() != null && report.builtAt().isBefore(report.quarter().end())) {
            // A preview built while the quarter ran counts part of it: the councils get the whole quarter's return or none.
            html.append("<p>This preview was built before the quarter ended, so its figures do not cover the whole quarter. "
                    + "Ask for the report again to send it.</p>");
            return;
        }
        html.append("<p>Each workbook is emailed to its council's report recipients, once, with the duty managers copied:</p><ul>");
        for (QuarterlyReport.Workbook book : report.workbooks()) {
            html.append("<li>").append(escape(book.authorityName())).append(": ").append(escape(String.join(", ", book.recipients())))
                    .append("</li>");
        }
        html.append("</ul><form method=\"post\" action=\"").append(escape(staff.href(ReportsConsole.reportPath(report.id()) + "/send")))
                .append("\" novalidate>").append(staff.formFields())
                .append("<div class=\"group\"><div class=\"choice\"><input id=\"checked\" name=\"checked\" type=\"checkbox\" value=\"yes\">")
                .append("<label for=\"checked\">I have checked the figures above</label></div></div>")
                .append("<button type=\"submit\">Send to the councils</button></form>");
    }

    private static void workbook(StringBuilder html, Console.Staff staff, QuarterlyReport report, QuarterlyReport.Workbook book) {
        ReturnTable summary = book.summary();
        html.append("<h2>").append(escape(book.authorityName())).append("</h2>");
        html.append("<p><a href=\"").append(escape(staff.href(ReportsConsole.reportPath(report.id()) + "/workbook?authority="
                        + URLEncoder.encode(book.authority(), StandardCharsets.UTF_8))))
                .append("\">Download the ").append(escape(book.authorityName())).append(" workbook (Excel)</a></p>");
        html.append("<p>").append(book.sentAt() != null ? "Emailed " + escape(ConsoleText.when(book.sentAt())) + " to "
                : "Not emailed yet. It goes to ").append(escape(String.join(", ", book.recipients()))).append(".</p>");
        html.append("<table><caption>").append(escape(summary.title())).append(" <span class=\"hint\">(")
                .append(escape(summary.clause())).append(")</span></caption><thead><tr>");
        for (String heading : summary.headings()) {
            html.append("<th scope=\"col\">").append(escape(heading)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        // The period, authority and when it was built are said above in words; the rest is the figures.
        for (List<ReturnCell> row : summary.rows().stream().filter(r -> !ReturnTable.aboutTheReturn(r)).toList()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String text = escape(cell(row.get(i)));
                if (i == 0) {
                    html.append("<th scope=\"row\">").append(text).append("</th>");
                } else {
                    html.append("<td data-label=\"").append(escape(summary.headings().get(i))).append("\">").append(text).append("</td>");
                }
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (!summary.notes().isEmpty()) {
            html.append("<details><summary>How these figures are counted</summary>");
            for (String note : summary.notes()) {
                html.append("<p>").append(escape(note)).append("</p>");
            }
            html.append("</details>");
        }
    }

    /** A cell as the page shows it: a share as "12 of 20 (60.0%)", rounded as the API's percent is; nothing for a blank. */
    static String cell(ReturnCell cell) {
        if (cell instanceof ReturnCell.Text t) {
            return t.value();
        }
        if (cell instanceof ReturnCell.Count c) {
            return Long.toString(c.value());
        }
        if (cell instanceof ReturnCell.Decimal d) {
            return d.value().toPlainString();
        }
        if (cell instanceof ReturnCell.Share s) {
            // No denominator, no share (ReturnCell.Share): never shown as 0% or 100%.
            return s.denominator() == 0 ? "None to count" : s.numerator() + " of " + s.denominator() + " ("
                    + BigDecimal.valueOf(s.numerator() * 100L).divide(BigDecimal.valueOf(s.denominator()), 1, RoundingMode.HALF_UP)
                    .toPlainString() + "%)";
        }
        return "";
    }

    /** What the status means for the manager looking at it. */
    static String meaning(QuarterlyReport report) {
        return switch (report.status()) {
            case QUEUED -> "Waiting to be built from the quarter's records. It takes a minute or two.";
            case BUILT -> report.send() ? "Built and archived; being emailed to the councils now."
                    : "Built and archived: a preview. Nothing has been emailed to the councils.";
            case SENT -> "Every workbook has been emailed to its council's report recipients, with the duty managers copied.";
            case FAILED -> "It could not be built or sent after the report queue's retries, and the duty managers were emailed. Nothing more was "
                    + "sent for the workbooks not yet sent: ask for the report again.";
        };
    }

    private static String tag(QuarterlyReport report) {
        String css = switch (report.status()) {
            case QUEUED -> " tag--grey";
            case BUILT -> " tag--soon";
            case SENT -> "";
            case FAILED -> " tag--late";
        };
        return "<strong class=\"tag" + css + "\">" + escape(statusWords(report.status())) + "</strong>";
    }

    /** Who asked, by name (issue 21: staff by name, not their staff id), or the contract's schedule. */
    private static String requester(QuarterlyReport report, ConsoleWords words) {
        return QuarterlyReport.SCHEDULE.equals(report.requestedBy()) ? "the contract's schedule" : words.staff(report.requestedBy());
    }

    /** Staff by name (the directory as it is now, read once a page) and councils by name. */
    private ConsoleWords words() {
        Map<String, String> names = new LinkedHashMap<>();
        directory.all().forEach(member -> names.put(member.id(), member.name()));
        return new ConsoleWords(names, Map.of(), Map.of(), councils);
    }

    /** "2026-27 Q3". */
    private static String quarterName(FinancialQuarter quarter) {
        return quarter.name();
    }

    private static void row(StringBuilder html, String term, String valueHtml) {
        html.append("<div><dt>").append(escape(term)).append("</dt><dd>").append(valueHtml).append("</dd></div>");
    }
}
