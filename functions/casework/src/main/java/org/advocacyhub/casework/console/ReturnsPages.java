package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.returns.RecordReturns;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.returns.AwarenessSession;
import org.advocacyhub.domain.returns.Complaint;
import org.advocacyhub.domain.returns.Compliment;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleRoutes;
import org.advocacyhub.web.console.ConsoleText;
import org.advocacyhub.web.console.ConsoleWords;
import org.advocacyhub.web.html.FormFields;

/**
 * What the returns count beside cases (issue 21: these were only in the JSON API): a contract's forms to record an
 * awareness session (KPIs 5-6), a complaint and a compliment, on the same use case as {@code POST /awareness-sessions},
 * {@code /complaints} and {@code /compliments} ({@link RecordReturns}); and, for managers, what this quarter's return
 * counts so far. The contract is the page's, named in the form's address; a form sent twice records once.
 */
final class ReturnsPages {

    private final Console console;
    private final RecordReturns returns;
    private final ContractCatalogue contracts;
    private final FormFields fields;
    private final java.util.function.Supplier<ConsoleWords> words;

    /** The case studies and service summaries, for managers (issue 23). */
    private final CaseStudyPages caseStudies;

    ReturnsPages(Console console, RecordReturns returns, ContractCatalogue contracts, FormFields fields,
                 java.util.function.Supplier<ConsoleWords> words, CaseStudyPages caseStudies) {
        this.caseStudies = caseStudies;
        this.console = console;
        this.returns = returns;
        this.contracts = contracts;
        this.fields = fields;
        this.words = words;
    }

    List<ApiOperation> operations() {
        return List.of(
                ConsoleRoutes.RETURNS.handledBy(request -> console.page(request, staff -> page(staff, contract(request), 200, null,
                        Map.of(), List.of(), notice(request)))),
                ConsoleRoutes.RETURNS_RECORD.handledBy(this::record),
                ConsoleRoutes.COMPLAINT_PROGRESS.handledBy(this::progress));
    }

    /** The kind of record a form's address names ({@code /console/returns/complaints}). */
    static Optional<ReturnRecord.Kind> kind(String segment) {
        return switch (segment) {
            case "awareness-sessions" -> Optional.of(ReturnRecord.Kind.AWARENESS_SESSION);
            case "complaints" -> Optional.of(ReturnRecord.Kind.COMPLAINT);
            case "compliments" -> Optional.of(ReturnRecord.Kind.COMPLIMENT);
            default -> Optional.empty();
        };
    }

    private static String segment(ReturnRecord.Kind kind) {
        return switch (kind) {
            case AWARENESS_SESSION -> "awareness-sessions";
            case COMPLAINT -> "complaints";
            case COMPLIMENT -> "compliments";
        };
    }

    private static String title(ReturnRecord.Kind kind) {
        return switch (kind) {
            case AWARENESS_SESSION -> "Record an awareness session";
            case COMPLAINT -> "Record a complaint";
            case COMPLIMENT -> "Record a compliment";
        };
    }

    private static String hint(ReturnRecord.Kind kind) {
        return switch (kind) {
            case AWARENESS_SESSION -> "A session held to raise awareness of advocacy: with professionals it counts towards KPI 5, "
                    + "with community groups towards KPI 6 (LLR 5.26, 9.47, Appendix One).";
            case COMPLAINT -> "A complaint about the service, its stage and how it ended (LLR 17.5; LEW 7.11, Appendix 1). Kept 3 "
                    + "years (LEW 14.3). Name no one.";
            case COMPLIMENT -> "A compliment about the service (LLR Appendix One). Name no one.";
        };
    }

    /** The form's fields: the use case's own but the contract, which is the page's. */
    private List<FieldSpec> formFields(ReturnRecord.Kind kind) {
        return returns.fields(kind).stream().filter(f -> !f.name().equals("contract")).toList();
    }

    private Optional<Contract> contract(HttpRequest request) {
        return request.queryParameter("contract").flatMap(contracts::contract).or(() -> contracts.contracts().stream().findFirst());
    }

    private static String notice(HttpRequest request) {
        return request.queryParameter("saved").flatMap(ReturnsPages::kind).map(kind -> switch (kind) {
            case AWARENESS_SESSION -> "Awareness session recorded.";
            case COMPLAINT -> "Complaint recorded.";
            case COMPLIMENT -> "Compliment recorded.";
        }).or(() -> request.queryParameter("progressed").map(id -> "Progress of the complaint recorded."))
                .or(() -> CaseStudyPages.notice(request)).orElse("");
    }

    private APIGatewayProxyResponseEvent page(Console.Staff staff, Optional<Contract> chosen, int status, ReturnRecord.Kind failed,
                                              Map<String, List<String>> values, List<FieldError> errors, String notice) {
        return page(staff, chosen, status, failed, null, values, errors, notice);
    }

    /** {@code failedComplaint}: the complaint whose progress form was sent with {@code errors}, shown open with them. */
    private APIGatewayProxyResponseEvent page(Console.Staff staff, Optional<Contract> chosen, int status, ReturnRecord.Kind failed,
                                              String failedComplaint, Map<String, List<String>> values, List<FieldError> errors,
                                              String notice) {
        if (chosen.isEmpty()) {
            return Console.notFound(staff, "There is no such contract.");
        }
        Contract contract = chosen.get();
        StringBuilder html = new StringBuilder(12_000);
        if (!errors.isEmpty() && failedComplaint != null) {
            FormFields.errorSummary(html, errors, name -> {
                String anchor = FormFields.anchor(progressForm(), name);
                return anchor.equals(FormFields.NO_FIELD) ? anchor : progressPrefix(failedComplaint) + anchor;
            });
        } else if (!errors.isEmpty()) {
            FormFields.errorSummary(html, errors, name -> {
                String anchor = FormFields.anchor(formFields(failed), name);
                return anchor.equals(FormFields.NO_FIELD) ? anchor : segment(failed) + "-" + anchor;
            });
        }
        if (!notice.isEmpty()) {
            html.append("<div class=\"notice\" role=\"status\"><p>").append(escape(notice)).append("</p></div>");
        }
        html.append("<h1>Returns: sessions, complaints and compliments</h1>");
        ListControls.contractLinks(html, staff, "/console/returns", contracts.contracts(), contract.code());
        html.append("<p>What the ").append(escape(contract.code())).append(" returns count beside cases, each in the "
                + "financial quarter of its day.</p>");
        for (ReturnRecord.Kind kind : ReturnRecord.Kind.values()) {
            boolean open = kind == failed;
            html.append("<details id=\"form-").append(segment(kind)).append("\"").append(open ? " open" : "").append("><summary>")
                    .append(escape(title(kind))).append("</summary><form method=\"post\" action=\"")
                    .append(escape(staff.href("/console/returns/" + segment(kind) + "?contract=" + contract.code())))
                    .append("\" novalidate>").append(staff.formFields()).append("<p class=\"hint\">").append(escape(hint(kind)))
                    .append("</p>");
            fields.withIdPrefix(segment(kind) + "-").fields(html, formFields(kind), open ? values : Map.of(), open ? errors : List.of());
            html.append("<button type=\"submit\">Save</button></form></details>");
        }
        if (staff.isManager()) {
            counted(html, staff, contract, failedComplaint, values, errors);
            caseStudies.section(html, staff, contract);
        }
        return Console.respond(status, staff, (errors.isEmpty() ? "" : "Error: ") + "Returns", "/console/returns", html.toString());
    }

    /** This quarter's records so far, as the return counts them (managers, as {@code GET /complaints} and the others). */
    private void counted(StringBuilder html, Console.Staff staff, Contract contract, String failedComplaint,
                         Map<String, List<String>> values, List<FieldError> errors) {
        ConsoleWords named = words.get();
        for (ReturnRecord.Kind kind : ReturnRecord.Kind.values()) {
            RecordReturns.Outcome outcome = returns.list(staff.actor(), kind, Map.of("contract", List.of(contract.code())));
            if (!(outcome instanceof RecordReturns.Listed listed)) {
                continue;
            }
            String heading = switch (kind) {
                case AWARENESS_SESSION -> "Awareness sessions";
                case COMPLAINT -> "Complaints";
                case COMPLIMENT -> "Compliments";
            };
            html.append("<h2>").append(heading).append(" in ").append(escape(listed.quarter().name())).append(" (")
                    .append(listed.records().size()).append(")</h2>");
            if (listed.records().isEmpty()) {
                html.append("<p>None recorded yet.</p>");
                continue;
            }
            html.append("<table><caption class=\"visually-hidden\">").append(heading).append("</caption><thead><tr>")
                    .append("<th scope=\"col\">Day</th><th scope=\"col\">What</th><th scope=\"col\">Recorded by</th></tr></thead><tbody>");
            for (ReturnRecord r : listed.records()) {
                String[] row;
                if (r instanceof AwarenessSession s) {
                    row = new String[] {ConsoleText.day(s.date()), s.setting().displayName() + ", " + named.authority(s.authority())
                            + (s.attendees() == null ? "" : ", " + s.attendees() + " came")};
                } else if (r instanceof Complaint c) {
                    row = new String[] {ConsoleText.day(c.received()), (c.formality() == null ? "" : c.formality().displayName()
                            + " complaint, ") + c.service().displayName() + ", stage " + c.stage()
                            + (Boolean.TRUE.equals(c.resolvedByAdr()) ? ", resolved by alternative dispute resolution" : "")
                            + (c.closed() == null ? ", open" : ", closed " + ConsoleText.day(c.closed()))
                            + (c.progress() == null ? "" : ". Progress: " + c.progress())};
                } else {
                    Compliment c = (Compliment) r;
                    row = new String[] {ConsoleText.day(c.received()), c.service().displayName()};
                }
                html.append("<tr><td data-label=\"Day\">").append(escape(row[0])).append("</td><td data-label=\"What\">")
                        .append(escape(row[1])).append("</td><td data-label=\"Recorded by\">").append(escape(named.staff(r.recordedBy())))
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
            for (ReturnRecord r : listed.records()) {
                if (r instanceof Complaint c) {
                    progressForm(html, staff, contract, c, c.id().equals(failedComplaint) ? values : null, errors);
                }
            }
        }
    }

    /** The form fields of a complaint's progress: the contract, the day received and the revision travel hidden. */
    private List<FieldSpec> progressForm() {
        return returns.progressFields().stream()
                .filter(f -> !List.of("contract", "received", RecordReturns.REVISION.name()).contains(f.name())).toList();
    }

    private static String progressPrefix(String complaintId) {
        return "progress-" + complaintId + "-";
    }

    /** Under the list: a form per complaint to record its progress (LLR 26.17), filled with where it is now. */
    private void progressForm(StringBuilder html, Console.Staff staff, Contract contract, Complaint c, Map<String, List<String>> failed,
                              List<FieldError> errors) {
        Map<String, List<String>> shown = failed != null ? failed : current(c);
        html.append("<details").append(failed != null ? " open" : "").append("><summary>Record progress<span class=\"visually-hidden\">")
                .append(" of the complaint received ").append(escape(ConsoleText.day(c.received()))).append("</span></summary>")
                .append("<form method=\"post\" action=\"").append(escape(staff.href("/console/complaints/" + c.id() + "/progress?contract="
                        + contract.code()))).append("\" novalidate>").append(staff.formFields())
                .append("<input type=\"hidden\" name=\"received.day\" value=\"").append(c.received().getDayOfMonth()).append("\">")
                .append("<input type=\"hidden\" name=\"received.month\" value=\"").append(c.received().getMonthValue()).append("\">")
                .append("<input type=\"hidden\" name=\"received.year\" value=\"").append(c.received().getYear()).append("\">")
                .append("<input type=\"hidden\" name=\"").append(RecordReturns.REVISION.name()).append("\" value=\"")
                .append(c.revision()).append("\">");
        fields.withIdPrefix(progressPrefix(c.id())).fields(html, progressForm(), shown, failed != null ? errors : List.of());
        html.append("<button type=\"submit\">Save progress</button></form></details>");
    }

    private static Map<String, List<String>> current(Complaint c) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("stage", List.of(Integer.toString(c.stage())));
        if (c.closed() != null) {
            // A date's form values are its parts.
            values.put("closed.day", List.of(Integer.toString(c.closed().getDayOfMonth())));
            values.put("closed.month", List.of(Integer.toString(c.closed().getMonthValue())));
            values.put("closed.year", List.of(Integer.toString(c.closed().getYear())));
        }
        if (c.resolvedByAdr() != null) {
            values.put("resolvedByAdr", List.of(c.resolvedByAdr() ? "yes" : "no")); // the form's radio values
        }
        if (c.progress() != null) {
            values.put(RecordReturns.PROGRESS.name(), List.of(c.progress()));
        }
        return values;
    }

    private APIGatewayProxyResponseEvent progress(HttpRequest request) {
        String id = request.pathParameter("id").orElse("");
        Optional<Contract> contract = request.queryParameter("contract").flatMap(contracts::contract);
        return console.post(request, "/console/returns?contract=" + contract.map(Contract::code).orElse(""), (staff, posted) -> {
            if (!staff.isManager()) {
                // Who may is decided before the form is read (issue 20).
                return Console.forbidden(staff, "Only managers record the progress of a complaint.");
            }
            if (contract.isEmpty()) {
                return Console.notFound(staff, "There is no such contract.");
            }
            if (!posted.unreadable().isEmpty()) {
                return page(staff, contract, 400, null, id, posted.values(), posted.unreadable(), "");
            }
            // Everything the JSON route takes but the contract, which the page's address names.
            List<FieldSpec> sent = returns.progressFields().stream().filter(f -> !f.name().equals("contract")).toList();
            Map<String, List<String>> body = new LinkedHashMap<>(FormFields.posted(posted.values(), sent));
            body.put("contract", List.of(contract.get().code()));
            RecordReturns.Outcome outcome = returns.progress(staff.actor(), id, SubmittedFields.of(body));
            if (outcome instanceof RecordReturns.Progressed) {
                return HttpResponses.seeOther(staff.href("/console/returns?contract=" + contract.get().code() + "&progressed=" + id));
            }
            if (outcome instanceof RecordReturns.Invalid invalid) {
                return page(staff, contract, 400, null, id, posted.values(), invalid.errors(), "");
            }
            if (outcome instanceof RecordReturns.Conflict conflict) {
                return page(staff, contract, 409, null, null, Map.of(), List.of(), conflict.why());
            }
            if (outcome instanceof RecordReturns.NotFound notFound) {
                return Console.notFound(staff, notFound.why());
            }
            return Console.forbidden(staff, outcome instanceof RecordReturns.NotAllowed notAllowed ? notAllowed.why()
                    : "You may not record this.");
        });
    }

    private APIGatewayProxyResponseEvent record(HttpRequest request) {
        Optional<ReturnRecord.Kind> kind = request.pathParameter("kind").flatMap(ReturnsPages::kind);
        Optional<Contract> contract = request.queryParameter("contract").flatMap(contracts::contract);
        return console.post(request, "/console/returns?contract=" + contract.map(Contract::code).orElse(""), (staff, posted) -> {
            if (kind.isEmpty() || contract.isEmpty()) {
                return Console.notFound(staff, kind.isEmpty() ? "The returns have no such form." : "There is no such contract.");
            }
            if (!posted.unreadable().isEmpty()) {
                return page(staff, contract, 400, kind.get(), posted.values(), posted.unreadable(), "");
            }
            if (posted.values().containsKey("contract")) {
                return page(staff, contract, 400, kind.get(), posted.values(), List.of(new FieldError(FormFields.NO_FIELD,
                        "The form's contract is the page's: send the page's form as it is")), "");
            }
            Map<String, List<String>> body = new LinkedHashMap<>(FormFields.posted(posted.values(), formFields(kind.get())));
            body.put("contract", List.of(contract.get().code()));
            RecordReturns.Outcome outcome = returns.record(staff.actor(), kind.get(), SubmittedFields.of(body));
            if (outcome instanceof RecordReturns.Recorded) {
                return HttpResponses.seeOther(staff.href("/console/returns?contract=" + contract.get().code() + "&saved="
                        + segment(kind.get())));
            }
            if (outcome instanceof RecordReturns.Invalid invalid) {
                return page(staff, contract, 400, kind.get(), posted.values(), invalid.errors(), "");
            }
            return Console.forbidden(staff, outcome instanceof RecordReturns.NotAllowed notAllowed ? notAllowed.why()
                    : "You may not record this.");
        });
    }
}
