package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.returns.RecordCaseStudies;
import org.advocacyhub.domain.casestudy.CaseStudy;
import org.advocacyhub.domain.casestudy.ServiceSummary;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.contract.ReportSchedule;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.reports.AnnualReturns;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleRoutes;
import org.advocacyhub.web.console.ConsoleText;
import org.advocacyhub.web.html.FormFields;

/**
 * The returns page's case studies and service summaries (issue 23: LLR 26.16, 26.17, 27.3, Appendix One; LEW 17.2), for
 * managers, on the same use case as {@code GET /case-studies}, {@code POST /case-studies/{id}/selection} and
 * {@code PUT /service-summaries} ({@link RecordCaseStudies}): each service's case studies of the quarter with a button to
 * select or unselect each, and each summary's form. A form refused comes back on a page of its own with its errors.
 *
 * <p>Interpretation of "this quarter's": the quarter now, and while its report is not yet due the quarter just ended too,
 * whose return is being prepared (its case studies are chosen and its summaries written in the weeks after it ends).
 *
 * <p>The annual return's items (LLR 27.4, Appendix One "Annual Return"; {@code PUT /annual-return-items}) have a form each in
 * the same style. Interpretation of which year: the financial year just ended until its return's due day (30 April), then
 * the year now running, so that in April a manager writes the year that has just ended.
 */
final class CaseStudyPages {

    private final Console console;
    private final RecordCaseStudies studies;
    private final ContractCatalogue contracts;
    private final FormFields fields;
    private final Clock clock;

    CaseStudyPages(Console console, RecordCaseStudies studies, ContractCatalogue contracts, FormFields fields, Clock clock) {
        this.console = console;
        this.studies = studies;
        this.contracts = contracts;
        this.fields = fields;
        this.clock = clock;
    }

    List<ApiOperation> operations() {
        return List.of(ConsoleRoutes.CASE_STUDY_SELECTION.handledBy(this::select), ConsoleRoutes.SERVICE_SUMMARY.handledBy(this::summary),
                ConsoleRoutes.ANNUAL_RETURN_ITEM.handledBy(this::annualItem));
    }

    /** What the returns page says after one of these forms ({@code ?studies=}). */
    static Optional<String> notice(HttpRequest request) {
        return request.queryParameter("studies").map(done -> switch (done) {
            case "selected" -> "Case study selected for the return.";
            case "unselected" -> "Case study no longer selected for the return.";
            case "summary" -> "Service summary saved.";
            case "annual" -> "Annual return item saved.";
            default -> "";
        }).filter(text -> !text.isEmpty());
    }

    /** The quarters shown: the one just ended while its report is not yet due, then this one. */
    private List<FinancialQuarter> quarters(Contract contract) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
        FinancialQuarter now = FinancialQuarter.containing(today);
        List<FinancialQuarter> shown = new ArrayList<>();
        if (contract.reportSchedule().dueDate(now.previous()).filter(due -> !today.isAfter(due)).isPresent()) {
            shown.add(now.previous());
        }
        shown.add(now);
        return shown;
    }

    /** A form refused: which, and what it said. */
    record Failed(String form, Map<String, List<String>> values, List<FieldError> errors) {
    }

    /** The section of the returns page (managers; nothing when the contract asks for neither). */
    void section(StringBuilder html, Console.Staff staff, Contract contract) {
        section(html, staff, contract, quarters(contract), null);
    }

    private void section(StringBuilder html, Console.Staff staff, Contract contract, List<FinancialQuarter> quarters, Failed failed) {
        ReportSchedule schedule = contract.reportSchedule();
        if (!staff.isManager() || (schedule.caseStudies().isEmpty() && schedule.serviceSummaries().isEmpty()
                && schedule.annualReturn().isEmpty())) {
            return;
        }
        for (FinancialQuarter quarter : quarters) {
            html.append("<h2>Case studies and service summaries of ").append(escape(quarter.name())).append("</h2>");
            Map<String, List<String>> query = Map.of("contract", List.of(contract.code()), "quarter", List.of(quarter.key()));
            schedule.caseStudies().ifPresent(required -> {
                if (studies.listStudies(staff.actor(), query) instanceof RecordCaseStudies.StudiesListed listed) {
                    caseStudies(html, staff, contract, quarter, required, listed.studies());
                }
            });
            if (!schedule.serviceSummaries().isEmpty()
                    && studies.listSummaries(staff.actor(), query) instanceof RecordCaseStudies.SummariesListed listed) {
                summaries(html, staff, contract, quarter, listed.summaries(), failed);
            }
        }
        if (schedule.annualReturn().isPresent()) {
            annualItems(html, staff, contract, annualYear(schedule.annualReturn().get()), failed);
        }
    }

    /** The financial year whose annual return items are shown: the one just ended until its return is due, then this one. */
    private int annualYear(ReportSchedule.AnnualReturn annual) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
        int running = FinancialQuarter.containing(today).financialYear();
        return today.isAfter(AnnualReturns.dueDate(annual, running - 1)) ? running : running - 1;
    }

    private static String annualFormId(int year, String item) {
        return "annual-" + AnnualReturns.key(year) + "-" + item;
    }

    /** The annual return's items of {@code year}, a form each as the service summaries have (LLR 27.4, Appendix One). */
    private void annualItems(StringBuilder html, Console.Staff staff, Contract contract, int year, Failed failed) {
        ReportSchedule.AnnualReturn annual = contract.reportSchedule().annualReturn().orElseThrow();
        Map<String, List<String>> query = Map.of("contract", List.of(contract.code()), "year", List.of(AnnualReturns.key(year)));
        if (!(studies.listAnnualItems(staff.actor(), query) instanceof RecordCaseStudies.AnnualListed listed)) {
            return;
        }
        String to = contract.authority(annual.authority()).map(org.advocacyhub.domain.contract.Authority::name).orElse("the council");
        html.append("<h2>Annual return, ").append(escape(AnnualReturns.yearName(year))).append("</h2><p>It goes to ")
                .append(escape(to)).append(" by ").append(escape(ConsoleText.day(AnnualReturns.dueDate(annual, year))))
                .append(" (").append(escape(annual.clause())).append(": \"31st April\", taken as the last day of April), with the "
                        + "fourth quarter's report. Write each item for the year, or record that it was not completed this year. "
                        + "Name no one. The year's figures and the staff's qualifications are added from the hub's records.</p>");
        for (ReportSchedule.ServiceSummary asked : annual.items()) {
            Optional<ServiceSummary> item = listed.items().stream().filter(s -> s.summary().equals(asked.id())).findFirst();
            String id = annualFormId(year, asked.id());
            boolean open = failed != null && failed.form().equals(id);
            String state = item.map(s -> s.notCompleted() ? "not completed this year" : "written").orElse("not written yet");
            html.append("<details id=\"").append(escape(id)).append("\"").append(open ? " open" : "").append("><summary>")
                    .append(escape(asked.title())).append(" (").append(state).append(")</summary>")
                    .append("<form method=\"post\" action=\"").append(escape(staff.href("/console/annual-return-items?contract="
                            + contract.code() + "&year=" + AnnualReturns.key(year) + "&item=" + asked.id()))).append("\" novalidate>")
                    .append(staff.formFields()).append("<p class=\"hint\">").append(escape(asked.clause())).append("</p>")
                    .append("<input type=\"hidden\" name=\"revision\" value=\"").append(item.map(ServiceSummary::revision).orElse(0))
                    .append("\">");
            Map<String, List<String>> values = new LinkedHashMap<>();
            item.ifPresent(s -> {
                if (s.text() != null) {
                    values.put("text", List.of(s.text()));
                }
                values.put("notCompleted", List.of(s.notCompleted() ? "yes" : "no"));
            });
            fields.withIdPrefix(id + "-").fields(html, annualForm(), open ? failed.values() : values, open ? failed.errors() : List.of());
            html.append("<button type=\"submit\">Save the item</button></form></details>");
        }
        for (ReportSchedule.NotHeld part : annual.notHeld()) {
            html.append("<p>").append(escape(part.title())).append(" (").append(escape(part.clause()))
                    .append("): not held by the hub; the return says it is kept in ").append(escape(part.heldIn())).append(".</p>");
        }
    }

    private List<FieldSpec> annualForm() {
        return List.of(RecordCaseStudies.ANNUAL_TEXT, RecordCaseStudies.ANNUAL_NOT_COMPLETED);
    }

    private void caseStudies(StringBuilder html, Console.Staff staff, Contract contract, FinancialQuarter quarter,
                             ReportSchedule.CaseStudies required, List<CaseStudy> written) {
        html.append("<p>The return submits ").append(required.perService()).append(" case studies a service (")
                .append(escape(required.clause())).append("), chosen here among those written on cases closed in the quarter. "
                        + "A service with fewer says the rest were not completed.</p>");
        for (ServiceConfig service : contract.services()) {
            List<CaseStudy> ofService = written.stream().filter(s -> s.service() == service.code()).toList();
            long selected = ofService.stream().filter(CaseStudy::selected).count();
            html.append("<h3>").append(escape(service.displayName())).append(": ").append(selected).append(" of ")
                    .append(required.perService()).append(" selected</h3>");
            if (ofService.isEmpty()) {
                html.append("<p>None written yet.</p>");
                continue;
            }
            html.append("<table><caption class=\"visually-hidden\">Case studies of ").append(escape(service.displayName()))
                    .append("</caption><thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Outcome measures</th>"
                            + "<th scope=\"col\">Consent</th><th scope=\"col\">Case study</th><th scope=\"col\">For the return</th>"
                            + "</tr></thead><tbody>");
            for (CaseStudy study : ofService) {
                html.append("<tr><td data-label=\"Case\"><a href=\"").append(escape(staff.href("/console/cases/" + study.reference().value())))
                        .append("\">").append(escape(study.reference().value())).append("</a></td><td data-label=\"Outcome measures\">")
                        .append(escape(measures(contract, study))).append("</td><td data-label=\"Consent\">")
                        .append(escape(study.consent().displayName())).append("</td><td data-label=\"Case study\">")
                        .append(escape(study.text())).append("</td><td data-label=\"For the return\">")
                        .append(study.selected() ? "Selected" : "Not selected")
                        .append("<form method=\"post\" action=\"").append(escape(staff.href("/console/case-studies/" + study.id()
                                + "/selection?contract=" + contract.code() + "&quarter=" + quarter.key()))).append("\" novalidate>")
                        .append(staff.formFields())
                        .append("<input type=\"hidden\" name=\"revision\" value=\"").append(study.revision()).append("\">")
                        .append("<input type=\"hidden\" name=\"selected\" value=\"").append(!study.selected()).append("\">")
                        .append("<button type=\"submit\" class=\"button--secondary\">").append(study.selected() ? "Unselect" : "Select")
                        .append("<span class=\"visually-hidden\"> the case study of ").append(escape(study.reference().value()))
                        .append("</span></button></form></td></tr>");
            }
            html.append("</tbody></table>");
        }
    }

    private static String measures(Contract contract, CaseStudy study) {
        List<String> names = contract.feedback().stream().filter(q -> study.measures().contains(q.id()))
                .map(FeedbackQuestion::measure).flatMap(Optional::stream).toList();
        return names.isEmpty() ? "None given" : String.join("; ", names);
    }

    /** The form fields of a summary: its text and whether the activity was not completed; the rest travels in its address. */
    private List<FieldSpec> summaryForm() {
        return List.of(RecordCaseStudies.SUMMARY_TEXT, RecordCaseStudies.NOT_COMPLETED);
    }

    private static String formId(FinancialQuarter quarter, String summary) {
        return "summary-" + quarter.key() + "-" + summary;
    }

    private void summaries(StringBuilder html, Console.Staff staff, Contract contract, FinancialQuarter quarter,
                           List<ServiceSummary> written, Failed failed) {
        html.append("<h3>Service summaries</h3><p>One each a quarter: the work done on the activity, or that it was not completed "
                + "this quarter. Name no one.</p>");
        for (ReportSchedule.ServiceSummary asked : contract.reportSchedule().serviceSummaries()) {
            Optional<ServiceSummary> summary = written.stream().filter(s -> s.summary().equals(asked.id())).findFirst();
            String id = formId(quarter, asked.id());
            boolean open = failed != null && failed.form().equals(id);
            String state = summary.map(s -> s.notCompleted() ? "not completed this quarter" : "written").orElse("not written yet");
            html.append("<details id=\"").append(escape(id)).append("\"").append(open ? " open" : "").append("><summary>")
                    .append(escape(asked.title())).append(" (").append(state).append(")</summary>")
                    .append("<form method=\"post\" action=\"").append(escape(staff.href("/console/service-summaries?contract="
                            + contract.code() + "&quarter=" + quarter.key() + "&summary=" + asked.id()))).append("\" novalidate>")
                    .append(staff.formFields()).append("<p class=\"hint\">").append(escape(asked.clause())).append("</p>")
                    .append("<input type=\"hidden\" name=\"revision\" value=\"").append(summary.map(ServiceSummary::revision).orElse(0))
                    .append("\">");
            Map<String, List<String>> values = new LinkedHashMap<>();
            summary.ifPresent(s -> {
                if (s.text() != null) {
                    values.put("text", List.of(s.text()));
                }
                values.put("notCompleted", List.of(s.notCompleted() ? "yes" : "no"));
            });
            fields.withIdPrefix(id + "-").fields(html, summaryForm(), open ? failed.values() : values, open ? failed.errors() : List.of());
            html.append("<button type=\"submit\">Save the summary</button></form></details>");
        }
    }

    // ------------------------------------------------------------------ posts

    private APIGatewayProxyResponseEvent select(HttpRequest request) {
        String id = request.pathParameter("id").orElse("");
        Optional<Contract> contract = request.queryParameter("contract").flatMap(contracts::contract);
        String back = "/console/returns?contract=" + contract.map(Contract::code).orElse("");
        return console.post(request, back, (staff, posted) -> {
            if (!staff.isManager()) {
                // Who may is decided before the form is read (issue 20).
                return Console.forbidden(staff, "Only managers choose the case studies the return submits.");
            }
            if (contract.isEmpty()) {
                return Console.notFound(staff, "There is no such contract.");
            }
            Map<String, List<String>> body = new LinkedHashMap<>(FormFields.posted(posted.values(), List.of()));
            body.put("contract", List.of(contract.get().code()));
            body.put("quarter", request.queryParameter("quarter").map(List::of).orElse(List.of()));
            RecordCaseStudies.Outcome outcome = posted.unreadable().isEmpty() ? studies.select(staff.actor(), id, SubmittedFields.of(body))
                    : new RecordCaseStudies.Invalid(posted.unreadable());
            if (outcome instanceof RecordCaseStudies.StudySelected selected) {
                return HttpResponses.seeOther(staff.href(back + "&studies=" + (selected.study().selected() ? "selected" : "unselected")));
            }
            return refused(staff, contract.get(), request, outcome, null);
        });
    }

    private APIGatewayProxyResponseEvent summary(HttpRequest request) {
        Optional<Contract> contract = request.queryParameter("contract").flatMap(contracts::contract);
        String back = "/console/returns?contract=" + contract.map(Contract::code).orElse("");
        return console.post(request, back, (staff, posted) -> {
            if (!staff.isManager()) {
                return Console.forbidden(staff, "Only managers write the service summaries of the return.");
            }
            if (contract.isEmpty()) {
                return Console.notFound(staff, "There is no such contract.");
            }
            String summary = request.queryParameter("summary").orElse("");
            String quarterKey = request.queryParameter("quarter").orElse("");
            Map<String, List<String>> body = new LinkedHashMap<>(FormFields.posted(posted.values(), summaryForm()));
            body.put("contract", List.of(contract.get().code()));
            body.put("quarter", List.of(quarterKey));
            body.put("summary", List.of(summary));
            RecordCaseStudies.Outcome outcome = posted.unreadable().isEmpty() ? studies.putSummary(staff.actor(), SubmittedFields.of(body))
                    : new RecordCaseStudies.Invalid(posted.unreadable());
            if (outcome instanceof RecordCaseStudies.SummaryWritten) {
                return HttpResponses.seeOther(staff.href(back + "&studies=summary"));
            }
            Failed failed = null;
            try {
                failed = new Failed(formId(FinancialQuarter.parseKey(quarterKey), summary), posted.values(),
                        outcome instanceof RecordCaseStudies.Invalid invalid ? invalid.errors() : List.of());
            } catch (IllegalArgumentException notAQuarter) {
                // the page shows the problem without a form open
            }
            return refused(staff, contract.get(), request, outcome, failed);
        });
    }

    private APIGatewayProxyResponseEvent annualItem(HttpRequest request) {
        Optional<Contract> contract = request.queryParameter("contract").flatMap(contracts::contract);
        String back = "/console/returns?contract=" + contract.map(Contract::code).orElse("");
        return console.post(request, back, (staff, posted) -> {
            if (!staff.isManager()) {
                return Console.forbidden(staff, "Only managers write the annual return.");
            }
            if (contract.isEmpty()) {
                return Console.notFound(staff, "There is no such contract.");
            }
            String item = request.queryParameter("item").orElse("");
            String yearKey = request.queryParameter("year").orElse("");
            Map<String, List<String>> body = new LinkedHashMap<>(FormFields.posted(posted.values(), annualForm()));
            body.put("contract", List.of(contract.get().code()));
            body.put("year", List.of(yearKey));
            body.put("item", List.of(item));
            RecordCaseStudies.Outcome outcome = posted.unreadable().isEmpty() ? studies.putAnnualItem(staff.actor(), SubmittedFields.of(body))
                    : new RecordCaseStudies.Invalid(posted.unreadable());
            if (outcome instanceof RecordCaseStudies.SummaryWritten) {
                return HttpResponses.seeOther(staff.href(back + "&studies=annual"));
            }
            Failed failed = AnnualReturns.parseYear(yearKey).map(year -> new Failed(annualFormId(year, item), posted.values(),
                    outcome instanceof RecordCaseStudies.Invalid invalid ? invalid.errors() : List.of())).orElse(null);
            return refused(staff, contract.get(), request, outcome, failed);
        });
    }

    /**
     * A refused form: 403 for who may not, 404 for what is not there, else the section again on a page of its own with the
     * problem at the top (400 a field's, 409 a change made meanwhile) and the failed summary's form open with what was sent.
     */
    private APIGatewayProxyResponseEvent refused(Console.Staff staff, Contract contract, HttpRequest request,
                                                 RecordCaseStudies.Outcome outcome, Failed failed) {
        if (outcome instanceof RecordCaseStudies.NotAllowed notAllowed) {
            return Console.forbidden(staff, notAllowed.why());
        }
        if (outcome instanceof RecordCaseStudies.NotFound notFound) {
            return Console.notFound(staff, notFound.why());
        }
        List<FieldError> errors = outcome instanceof RecordCaseStudies.Invalid invalid ? invalid.errors()
                : List.of(new FieldError(FormFields.NO_FIELD, ((RecordCaseStudies.Conflict) outcome).why()));
        int status = outcome instanceof RecordCaseStudies.Invalid ? 400 : 409;
        StringBuilder html = new StringBuilder(8_000);
        FormFields.errorSummary(html, errors, name -> {
            String anchor = FormFields.anchor(summaryForm(), name);
            return failed == null || anchor.equals(FormFields.NO_FIELD) ? FormFields.NO_FIELD : failed.form() + "-" + anchor;
        });
        html.append("<h1>Case studies and service summaries</h1><p><a href=\"")
                .append(escape(staff.href("/console/returns?contract=" + contract.code()))).append("\">Back to the returns</a></p>");
        List<FinancialQuarter> shown = new ArrayList<>(quarters(contract));
        request.queryParameter("quarter").flatMap(CaseStudyPages::quarter).filter(q -> !shown.contains(q)).ifPresent(q -> shown.add(0, q));
        section(html, staff, contract, shown, failed);
        return Console.respond(status, staff, "Error: Case studies and service summaries", "/console/returns", html.toString());
    }

    private static Optional<FinancialQuarter> quarter(String key) {
        try {
            return Optional.of(FinancialQuarter.parseKey(key));
        } catch (IllegalArgumentException notAQuarter) {
            return Optional.empty();
        }
    }
}
