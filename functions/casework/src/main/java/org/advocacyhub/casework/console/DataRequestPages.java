package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.advocacyhub.application.retention.DataRequests;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.dataprotection.DataRequest;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.SubjectAccessExport;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleRoutes;
import org.advocacyhub.web.console.ConsoleText;
import org.advocacyhub.web.console.ConsoleWords;
import org.advocacyhub.web.html.FormFields;

/**
 * People's data protection requests in the console (issue 22), managers only, as the JSON API has them: the list with the form
 * to record one, a request's page with the cases found, its audit trail, its export and the form to answer it.
 */
final class DataRequestPages {

    static final String PATH = "/console/data-requests";
    /** The recording form's kind: which request it is. */
    static final FieldSpec KIND = new FieldSpec("kind", "Which request", "", FieldKind.CHOICE, true, 20,
            List.of(DataRequest.Kind.values()), "Choose which request it is", "Request");
    /** The form records any kind: what they ask is needed for a correction or an erasure (the use case says so). */
    static final List<FieldSpec> RECORD_FIELDS = List.of(KIND, DataRequests.NAME, DataRequests.DATE_OF_BIRTH,
            new FieldSpec("details", "What they ask", "Needed for a correction or an erasure: what and why", FieldKind.TEXTAREA, false,
                    2000, List.of(), "", "Details"), DataRequests.RECEIVED);

    private final Console console;
    private final DataRequests requests;
    private final SubjectAccessExport export;
    private final FormFields fields;
    private final Supplier<ConsoleWords> words;

    DataRequestPages(Console console, DataRequests requests, SubjectAccessExport export, FormFields fields, Supplier<ConsoleWords> words) {
        this.console = console;
        this.requests = requests;
        this.export = export;
        this.fields = fields;
        this.words = words;
    }

    List<ApiOperation> operations() {
        return List.of(
                ConsoleRoutes.DATA_REQUESTS.handledBy(request -> console.page(request, staff -> list(staff, 200, Map.of(), List.of(),
                        request.queryParameter("answered").isPresent() ? "The request was answered." : ""))),
                ConsoleRoutes.DATA_REQUEST_RECORD.handledBy(this::record),
                ConsoleRoutes.DATA_REQUEST.handledBy(request -> console.page(request, staff -> page(staff, id(request), 200, Map.of(),
                        List.of(), request.queryParameter("recorded").isPresent() ? "The request is recorded." : ""))),
                ConsoleRoutes.DATA_REQUEST_EXPORT.handledBy(request -> console.page(request, staff -> export(staff, request))),
                ConsoleRoutes.DATA_REQUEST_DECISION.handledBy(this::decide));
    }

    private static String id(HttpRequest request) {
        return request.pathParameter("id").orElse("");
    }

    private APIGatewayProxyResponseEvent list(Console.Staff staff, int status, Map<String, List<String>> values, List<FieldError> errors,
                                              String notice) {
        DataRequests.Outcome outcome = requests.list(staff.actor(), 200);
        if (!(outcome instanceof DataRequests.Listed listed)) {
            return Console.forbidden(staff, ((DataRequests.NotAllowed) outcome).why());
        }
        StringBuilder html = new StringBuilder(8_000);
        if (!errors.isEmpty()) {
            FormFields.errorSummary(html, errors, name -> FormFields.anchor(RECORD_FIELDS, name));
        }
        if (!notice.isEmpty()) {
            html.append("<div class=\"notice\" role=\"status\"><p>").append(escape(notice)).append("</p></div>");
        }
        html.append("<h1>Data protection requests</h1><p>A person may ask to see what the hub holds about them (UK GDPR Art. 15), ")
                .append("to have it corrected (Art. 16) or erased (Art. 17). Each is due one month from the day it was received ")
                .append("(Art. 12(3)); their records are found by their name and date of birth in every contract.</p>");
        table(html, staff, "Open, soonest due first", listed.open(), true);
        html.append("<details id=\"form-record\"").append(errors.isEmpty() ? "" : " open").append("><summary>Record a request</summary>")
                .append("<form method=\"post\" action=\"").append(escape(staff.href(PATH))).append("\" novalidate>")
                .append(staff.formFields());
        fields.fields(html, RECORD_FIELDS, values, errors);
        html.append("<button type=\"submit\">Record the request</button></form></details>");
        table(html, staff, "Answered lately", listed.decided(), false);
        return Console.respond(status, staff, (errors.isEmpty() ? "" : "Error: ") + "Data protection requests", PATH, html.toString());
    }

    private static void table(StringBuilder html, Console.Staff staff, String caption, List<DataRequest> rows, boolean open) {
        html.append("<h2>").append(escape(caption)).append(" (").append(rows.size()).append(")</h2>");
        if (rows.isEmpty()) {
            html.append("<p>None.</p>");
            return;
        }
        html.append("<table><caption class=\"visually-hidden\">").append(escape(caption)).append("</caption><thead><tr>")
                .append("<th scope=\"col\">Request</th><th scope=\"col\">Received</th><th scope=\"col\">")
                .append(open ? "Due" : "Answered").append("</th></tr></thead><tbody>");
        for (DataRequest r : rows) {
            html.append("<tr><td data-label=\"Request\"><a href=\"").append(escape(staff.href(PATH + "/" + r.id()))).append("\">")
                    .append(escape(r.kind().displayName())).append("</a></td><td data-label=\"Received\">")
                    .append(escape(ConsoleText.day(r.receivedOn()))).append("</td><td data-label=\"").append(open ? "Due" : "Answered")
                    .append("\">").append(escape(open ? ConsoleText.day(r.dueOn()) : r.decision().outcome().displayName() + ", "
                            + ConsoleText.when(r.decision().at()))).append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    private APIGatewayProxyResponseEvent record(HttpRequest request) {
        return console.post(request, PATH, (staff, posted) -> {
            if (!posted.unreadable().isEmpty()) {
                return list(staff, 400, posted.values(), posted.unreadable(), "");
            }
            Map<String, List<String>> body = new LinkedHashMap<>(FormFields.posted(posted.values(), RECORD_FIELDS));
            String kindName = body.getOrDefault(KIND.name(), List.of("")).stream().findFirst().orElse("");
            DataRequest.Kind kind = List.of(DataRequest.Kind.values()).stream().filter(k -> k.name().equals(kindName)).findFirst()
                    .orElse(null);
            if (kind == null) {
                return list(staff, 400, posted.values(), List.of(new FieldError(KIND.name(), KIND.missingMessage())), "");
            }
            body.remove(KIND.name());
            if (kind == DataRequest.Kind.ACCESS) {
                body.remove("details");
            }
            DataRequests.Outcome outcome = requests.record(staff.actor(), kind, SubmittedFields.of(body));
            if (outcome instanceof DataRequests.Recorded recorded) {
                return HttpResponses.seeOther(staff.href(PATH + "/" + recorded.request().id() + "?recorded=1"));
            }
            if (outcome instanceof DataRequests.Invalid invalid) {
                return list(staff, 400, posted.values(), invalid.errors(), "");
            }
            return Console.forbidden(staff, ((DataRequests.NotAllowed) outcome).why());
        });
    }

    private APIGatewayProxyResponseEvent page(Console.Staff staff, String id, int status, Map<String, List<String>> values,
                                              List<FieldError> errors, String notice) {
        DataRequests.Outcome outcome = requests.show(staff.actor(), id);
        if (outcome instanceof DataRequests.NotFound notFound) {
            return Console.notFound(staff, notFound.why());
        }
        if (!(outcome instanceof DataRequests.Shown shown)) {
            return Console.forbidden(staff, ((DataRequests.NotAllowed) outcome).why());
        }
        DataRequest r = shown.request();
        ConsoleWords named = words.get();
        StringBuilder html = new StringBuilder(8_000);
        if (!errors.isEmpty()) {
            FormFields.errorSummary(html, errors, name -> FormFields.anchor(DataRequests.DECISION_FIELDS, name));
        }
        if (!notice.isEmpty()) {
            html.append("<div class=\"notice\" role=\"status\"><p>").append(escape(notice)).append("</p></div>");
        }
        html.append("<h1>").append(escape(r.kind().displayName())).append(" request</h1><dl>")
                .append("<dt>Person</dt><dd>").append(escape(r.name())).append(", born ").append(escape(ConsoleText.day(r.dateOfBirth())))
                .append("</dd><dt>Received</dt><dd>").append(escape(ConsoleText.day(r.receivedOn())))
                .append("</dd><dt>Due</dt><dd>").append(escape(ConsoleText.day(r.dueOn()))).append(" (").append(escape(r.kind().clause()))
                .append("; one month, UK GDPR Art. 12(3))</dd>");
        if (!r.details().isEmpty()) {
            html.append("<dt>What they ask</dt><dd>").append(escape(r.details())).append("</dd>");
        }
        html.append("<dt>Recorded by</dt><dd>").append(escape(named.staff(r.recordedBy()))).append(", ")
                .append(escape(ConsoleText.when(r.recordedAt()))).append("</dd></dl>");
        html.append("<h2>Their cases (").append(shown.cases().size()).append(")</h2>");
        if (shown.cases().isEmpty()) {
            html.append("<p>No case has this name and date of birth.</p>");
        } else {
            html.append("<ul>");
            for (ReferralCase c : shown.cases()) {
                html.append("<li><a href=\"").append(escape(staff.href("/console/cases/" + c.reference().value()))).append("\">")
                        .append(escape(c.reference().value())).append("</a>: ").append(escape(c.details().service().displayName()))
                        .append(", ").append(escape(c.status().description().toLowerCase(java.util.Locale.ROOT)))
                        .append(c.work().legalHold() == null ? "" : " <strong class=\"tag tag--soon\">Legal hold</strong>").append("</li>");
            }
            html.append("</ul>");
        }
        if (r.kind() == DataRequest.Kind.ACCESS) {
            html.append("<p><a href=\"").append(escape(staff.href(PATH + "/" + r.id() + "/export"))).append("\">Read the export</a> ")
                    .append("(everything about them; third parties' data marked for review before release) or <a href=\"")
                    .append(escape(staff.href(PATH + "/" + r.id() + "/export?format=json"))).append("\">download it as data for other software</a>. ")
                    .append("Each is recorded in the audit trail.</p>");
        }
        if (r.decision() == null) {
            html.append("<h2>Answer the request</h2>");
            if (r.kind() == DataRequest.Kind.RECTIFICATION) {
                html.append("<p>Make each correction on the case's own page first, with its reason; then record it here.</p>");
            } else if (r.kind() == DataRequest.Kind.ERASURE) {
                html.append("<p>Erasing anonymises every case above as retention does: the person's details and the cases' notes go, ")
                        .append("the returns' figures stay. No case may be open or under a legal hold.</p>");
            }
            html.append("<form method=\"post\" action=\"").append(escape(staff.href(PATH + "/" + r.id() + "/decision")))
                    .append("\" novalidate>").append(staff.formFields());
            fields.fields(html, List.of(outcomeField(r.kind()), groundField(r.kind()), DataRequests.NOTE), values, errors);
            html.append("<button type=\"submit\">Save the answer</button></form>");
        } else {
            DataRequest.Decision d = r.decision();
            html.append("<h2>Answered</h2><p>").append(escape(d.outcome().displayName()))
                    .append(d.ground() == null ? "" : ": " + escape(d.ground().displayName()) + " (" + escape(d.ground().clause()) + ")")
                    .append(", by ").append(escape(named.staff(d.by()))).append(", ").append(escape(ConsoleText.when(d.at())))
                    .append(".</p><p>").append(escape(d.note())).append("</p>");
        }
        html.append("<h2>Audit trail</h2><ul>");
        shown.audit().forEach(a -> html.append("<li>").append(escape(ConsoleText.when(a.at()))).append(": ")
                .append(escape(named.staff(a.staffId()))).append(" ").append(escape(named.of(a.action()))).append("</li>"));
        html.append("</ul>");
        return Console.respond(status, staff, (errors.isEmpty() ? "" : "Error: ") + r.kind().displayName() + " request", PATH,
                html.toString());
    }

    /** The outcomes that can answer this kind of request. */
    private static FieldSpec outcomeField(DataRequest.Kind kind) {
        List<Choice> fitting = new ArrayList<>();
        for (DataRequest.Outcome o : DataRequest.Outcome.values()) {
            if (o.answers(kind)) {
                fitting.add(o);
            }
        }
        FieldSpec all = DataRequests.OUTCOME;
        return new FieldSpec(all.name(), all.label(), all.hint(), all.kind(), all.required(), all.maxLength(), fitting,
                all.missingMessage(), all.noun());
    }

    private static FieldSpec groundField(DataRequest.Kind kind) {
        List<Choice> fitting = new ArrayList<>();
        for (DataRequest.Ground g : DataRequest.Ground.values()) {
            if (g.refuses(kind)) {
                fitting.add(g);
            }
        }
        FieldSpec all = DataRequests.GROUND;
        return new FieldSpec(all.name(), all.label(), all.hint(), all.kind(), all.required(), all.maxLength(), fitting,
                all.missingMessage(), all.noun());
    }

    private APIGatewayProxyResponseEvent decide(HttpRequest request) {
        String id = id(request);
        return console.post(request, PATH + "/" + id, (staff, posted) -> {
            if (!posted.unreadable().isEmpty()) {
                return page(staff, id, 400, posted.values(), posted.unreadable(), "");
            }
            DataRequests.Outcome outcome = requests.decide(staff.actor(), id, SubmittedFields.of(FormFields.posted(posted.values(),
                    DataRequests.DECISION_FIELDS)));
            if (outcome instanceof DataRequests.Decided) {
                return HttpResponses.seeOther(staff.href(PATH + "?answered=1"));
            }
            if (outcome instanceof DataRequests.Invalid invalid) {
                return page(staff, id, 400, posted.values(), invalid.errors(), "");
            }
            if (outcome instanceof DataRequests.Conflict conflict) {
                return page(staff, id, 409, posted.values(), List.of(new FieldError(FormFields.NO_FIELD, conflict.why())), "");
            }
            if (outcome instanceof DataRequests.NotFound notFound) {
                return Console.notFound(staff, notFound.why());
            }
            return Console.forbidden(staff, ((DataRequests.NotAllowed) outcome).why());
        });
    }

    private APIGatewayProxyResponseEvent export(Console.Staff staff, HttpRequest request) {
        DataRequests.Outcome outcome = requests.export(staff.actor(), id(request));
        if (outcome instanceof DataRequests.Exported exported) {
            return request.queryParameter("format").filter("json"::equals).isPresent()
                    ? HttpResponses.download("subject-access-" + exported.request().id() + ".json", "application/json",
                    export.json(exported).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : HttpResponses.html(200, export.html(exported));
        }
        if (outcome instanceof DataRequests.NotFound notFound) {
            return Console.notFound(staff, notFound.why());
        }
        return Console.forbidden(staff, ((DataRequests.NotAllowed) outcome).why());
    }
}
