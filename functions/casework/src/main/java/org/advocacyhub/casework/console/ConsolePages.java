package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.answerphone.AnswerphoneMessages;
import org.advocacyhub.application.casework.AllocateAdvocate;
import org.advocacyhub.application.casework.CaseWork;
import org.advocacyhub.application.casework.ListCases;
import org.advocacyhub.application.casework.ShowWaitingList;
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.casework.web.CaseRoutes;
import org.advocacyhub.domain.casework.HourRules;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.WaitingList;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleRoutes;
import org.advocacyhub.web.console.ConsoleText;
import org.advocacyhub.web.console.ConsoleWords;
import org.advocacyhub.web.console.StaffSignIn;
import org.advocacyhub.web.html.FormFields;
import org.advocacyhub.web.html.PageLayout;

/**
 * The staff console's pages in the casework function (template.yaml {@code CaseworkFunction}'s
 * {@code /console} events): home ({@link HomePages}), the waiting list with allocation from the row, the case page
 * with its forms, the answerphone messages ({@link AnswerphonePages}) and the staff directory, and the sign-in flow's routes.
 * Each page is on the same use cases as the JSON API (two adapters, one set of rules); the
 * reports pages are the quarterly-report function's.
 */
@Singleton
public final class ConsolePages {

    private final Console console;
    private final StaffSignIn signIn;
    private final ShowWaitingList waitingList;
    private final AllocateAdvocate allocate;
    private final ViewCase viewCase;
    private final ListCases listCases;
    private final CaseStore cases;
    private final StaffDirectory directory;
    private final CaseForms forms;
    private final ContractCatalogue contracts;
    private final FormFields fields;
    private final CasePage casePage;
    private final Clock clock;
    private final List<ApiOperation> operations;
    private final CaseWork work;
    private final List<org.advocacyhub.domain.referral.AuthorityDirectory.Area> areas;

    ConsolePages(Console shared, StaffSignIn signIn, ShowWaitingList waitingList, AllocateAdvocate allocate, ViewCase viewCase,
                 ListCases listCases, AnswerphoneMessages answerphone, AnswerphoneStore messages, CaseStore cases,
                 org.advocacyhub.application.port.Outbox outbox, StaffDirectory directory, CaseForms forms, ContractCatalogue contracts,
                 ContractTerms terms, CaseWork work, org.advocacyhub.casework.web.CaseRefusedSignIns refusedSignIns,
                 org.advocacyhub.application.casework.ManageStaff manageStaff,
                 org.advocacyhub.application.returns.RecordReturns returns,
                 org.advocacyhub.application.casework.ListOpenCases openCases, Clock clock,
                 org.advocacyhub.application.retention.ReviewRetention retention,
                 org.advocacyhub.application.retention.DataRequests dataRequests, io.micronaut.json.JsonMapper json,
                 org.advocacyhub.application.returns.RecordCaseStudies caseStudies) {
        this.work = work;
        // A leaver's or a deactivated advocate's console request is on the record of the case it was aimed at (issue 20).
        this.console = shared.recordingRefusals(refusedSignIns);
        Console console = this.console;
        this.signIn = signIn;
        this.waitingList = waitingList;
        this.allocate = allocate;
        this.viewCase = viewCase;
        this.listCases = listCases;
        this.cases = cases;
        this.directory = directory;
        this.forms = forms;
        this.contracts = contracts;
        this.fields = new FormFields(terms.areas());
        this.areas = terms.areas();
        this.casePage = new CasePage(fields);
        this.clock = clock;
        HomePages home = new HomePages(console, listCases, waitingList, cases, outbox, directory, contracts, messages, clock);
        AnswerphonePages answerphonePages = new AnswerphonePages(console, answerphone, messages, contracts, fields,
                () -> words(directory.all(), null));
        List<ApiOperation> routes = new ArrayList<>(List.of(
                ConsoleRoutes.HOME.handledBy(request -> console.page(request, home::home)),
                ConsoleRoutes.SIGN_IN.handledBy(request -> signIn.startSignIn(request, request.queryParameter("returnTo").orElse("/console"))),
                ConsoleRoutes.CALLBACK.handledBy(signIn::callback),
                ConsoleRoutes.SIGN_OUT.handledBy(console::signOut),
                ConsoleRoutes.SIGNED_OUT.handledBy(this::signedOut),
                ConsoleRoutes.WAITING_LIST.handledBy(request -> console.page(request, staff -> waitingList(staff,
                        request.queryParameter("contract"), null, request.queryParameter("allocated"), ListControls.query(request)))),
                ConsoleRoutes.CASE.handledBy(request -> console.page(request, staff -> reference(request).map(r -> casePage(staff, r, 200,
                        CasePage.Shown.NONE, saved(request))).orElseGet(() -> Console.notFound(staff, "There is no case with that reference.")))),
                ConsoleRoutes.CASE_FORM.handledBy(this::casePost),
                ConsoleRoutes.ANSWERPHONE.handledBy(request -> console.page(request, staff -> answerphonePages.answerphonePage(staff,
                        request.queryParameter("contract"), 200, "", Map.of(), List.of(), AnswerphonePages.answerphoneNotice(request),
                        request.queryParameter("pageToken").orElse("")))),
                ConsoleRoutes.ANSWERPHONE_MESSAGE.handledBy(answerphonePages::answerphoneKeyIn),
                ConsoleRoutes.ANSWERPHONE_RESPONSE.handledBy(answerphonePages::answerphonePost),
                ConsoleRoutes.EMAIL_CHECKED.handledBy(home::emailChecked),
                ConsoleRoutes.NOT_FOUND.handledBy(request -> console.page(request, staff -> Console.notFound(staff,
                        "There is no page at this address. Use the menu above, or go back to the page you came from.")))));
        routes.addAll(new StaffPages(console, directory, manageStaff, fields).operations());
        routes.addAll(new OpenCasesPage(console, openCases, directory, contracts).operations());
        CaseStudyPages studyPages = new CaseStudyPages(console, caseStudies, contracts, fields, clock);
        routes.addAll(new ReturnsPages(console, returns, contracts, fields, () -> words(directory.all(), null), studyPages).operations());
        routes.addAll(studyPages.operations());
        routes.addAll(new RetentionPage(console, retention, contracts).operations());
        routes.addAll(new DataRequestPages(console, dataRequests, new org.advocacyhub.web.SubjectAccessExport(json, contracts), fields,
                () -> words(directory.all(), null)).operations());
        this.operations = List.copyOf(routes);
    }

    /** The words of {@code referral}'s pages: its service's clocks. */
    private ConsoleWords caseWords(ReferralCase referral) {
        return words(directory.all(), contracts.contractFor(referral.details().service()).service(referral.details().service()));
    }

    /**
     * The words a page shows the hub's own records in (issue 21): staff by name, {@code service}'s clocks by what they ask
     * for (none when null), screening outcomes and councils by their names.
     */
    private ConsoleWords words(List<StaffRecord> staffList, ServiceConfig service) {
        Map<String, String> names = new java.util.HashMap<>();
        staffList.forEach(r -> names.put(r.id(), r.name()));
        Map<String, String> clocks = new java.util.HashMap<>();
        if (service != null) {
            service.clocks().forEach(c -> clocks.put(c.name(), c.description()));
        }
        Map<String, String> codes = new java.util.HashMap<>();
        for (org.advocacyhub.domain.eligibility.Outcome outcome : org.advocacyhub.domain.eligibility.Outcome.values()) {
            codes.put(outcome.name(), CasePage.label(outcome));
        }
        // A corrected time entry's meeting, as its timeline names it ("meeting LAC_REVIEW to OTHER").
        for (org.advocacyhub.domain.casework.TimeEntry.Meeting meeting : org.advocacyhub.domain.casework.TimeEntry.Meeting.values()) {
            codes.put(meeting.name(), meeting.displayName());
        }
        Map<String, String> councils = new java.util.HashMap<>();
        areas.forEach(a -> councils.put(a.code(), a.name()));
        return new ConsoleWords(names, clocks, codes, councils);
    }

    /** The console's routes, for the casework function's route table (not the JSON API's OpenAPI document). */
    public List<ApiOperation> operations() {
        return operations;
    }

    private static Optional<ReferralReference> reference(HttpRequest request) {
        return request.pathParameter("reference").flatMap(ReferralReference::parse);
    }

    private static String saved(HttpRequest request) {
        return request.queryParameter("saved").map(CaseForms::savedText).orElse("");
    }

    private APIGatewayProxyResponseEvent signedOut(HttpRequest request) {
        return HttpResponses.html(200, PageLayout.page("Signed out", "<h1>You have signed out</h1><p><a href=\""
                + escape(request.basePath() + "/console/sign-in") + "\">Sign in again</a></p>"));
    }

    // ------------------------------------------------------------------ waiting list

    /**
     * The waiting list of a contract in allocation order (#6): each case by reference and initials
     * (the name to managers only), its wait and its clocks; a manager allocates from the row,
     * choosing among the advocates the allocation would accept. A refused allocation comes back
     * here with the rule and clause.
     */
    private APIGatewayProxyResponseEvent waitingList(Console.Staff staff, Optional<String> contractCode, Refusal refusal) {
        return waitingList(staff, contractCode, refusal, Optional.empty(), Map.of());
    }

    /**
     * As above, confirming the allocation just made from the list ({@code allocated}, a reference): who has the case now
     * and that they are emailed about it (issue 21).
     */
    private APIGatewayProxyResponseEvent waitingList(Console.Staff staff, Optional<String> contractCode, Refusal refusal,
                                                     Optional<String> allocated, Map<String, String> filters) {
        String contract = contractCode.orElse(contracts.contracts().get(0).code());
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("contract", List.of(contract));
        query.put("limit", List.of(String.valueOf(ListControls.PAGE)));
        filters.forEach((name, value) -> query.put(name, List.of(value)));
        ShowWaitingList.Outcome outcome = waitingList.show(staff.actor(), query);
        StringBuilder html = new StringBuilder(20_000);
        if (refusal != null) {
            FormFields.errorSummary(html, refusal.errors(), name -> "advocate-" + refusal.reference().value());
        }
        allocated.flatMap(ReferralReference::parse).filter(r -> staff.isManager()).flatMap(cases::findCase)
                .filter(c -> c.work().allocation() != null).ifPresent(c -> html.append("<div class=\"notice\" role=\"status\"><p>")
                        .append(escape(c.reference().value())).append(" is allocated to ").append(escape(c.work().allocation().advocateName()))
                        .append(", who is being emailed about it.</p></div>"));
        html.append("<h1>Waiting list</h1>");
        ListControls.contractLinks(html, staff, "/console/waiting-list", contracts.contracts(), contract);
        ListControls.filters(html, staff, "/console/waiting-list", contracts.contract(contract).orElse(contracts.contracts().get(0)),
                filters, staff.isManager() ? "Reference or name" : "Reference", List.of(), false);
        if (outcome instanceof ShowWaitingList.Invalid invalid) {
            html.append("<p>").append(escape(invalid.errors().get(0).message())).append("</p>");
            return Console.respond(400, staff, "Waiting list", "/console/waiting-list", html.toString());
        }
        ShowWaitingList.Listed listed = (ShowWaitingList.Listed) outcome;
        Instant now = listed.at();
        html.append(ListControls.count(listed.total(), listed.offset(), listed.entries().size(), "waiting", filters));
        if (listed.entries().isEmpty()) {
            html.append("<p>No case is waiting for an advocate.</p>");
        } else {
            List<StaffRecord> staffList = staff.isManager() ? allocate.staff() : List.of();
            Workloads caseloads = new Workloads(staff);
            html.append("<p>In the order to allocate: DoLS first, then urgent, then the earliest fixed date, then the earliest "
                    + "allocation due (LLR 5.47-5.48, LEW 8.4).</p>");
            html.append("<table><caption class=\"visually-hidden\">Cases waiting for an advocate</caption><thead><tr>")
                    .append("<th scope=\"col\">Case</th><th scope=\"col\">Person</th><th scope=\"col\">Service</th>")
                    .append("<th scope=\"col\">Waiting</th><th scope=\"col\">Next deadline</th>")
                    .append(staff.isManager() ? "<th scope=\"col\">Allocate</th>" : "").append("</tr></thead><tbody>");
            for (WaitingList.Entry e : listed.entries()) {
                ReferralCase c = e.referral();
                Contract owner = contracts.contractFor(c.details().service());
                ServiceConfig service = owner.service(c.details().service());
                // A waiting case is no advocate's yet: an advocate sees its reference, not a link to a page they may not open.
                html.append("<tr><td data-label=\"Case\">").append(staff.isManager() ? "<a href=\""
                                + escape(staff.href("/console/cases/" + c.reference().value())) + "\">" + escape(c.reference().value()) + "</a>"
                                : escape(c.reference().value()))
                        .append(c.details().urgency().name().equals("URGENT") ? " <strong class=\"tag tag--late\">Urgent</strong>" : "")
                        .append("</td><td data-label=\"Person\">")
                        .append(escape(listed.namesShown() ? c.details().person().name() : c.details().person().initials()))
                        .append("</td><td data-label=\"Service\">").append(escape(c.details().service().displayName()))
                        .append("</td><td data-label=\"Waiting\">").append(e.ageInWorkingDays()).append(e.ageInWorkingDays() == 1
                                ? " working day" : " working days")
                        .append(e.fixedDate() == null ? "" : "; fixed date " + escape(ConsoleText.day(e.fixedDate())))
                        .append("</td><td data-label=\"Next deadline\">");
                // The soonest running clock on the row, the others counted (each is on the case page): a row stays short.
                Optional<WaitingList.ClockView> soonest = e.clocks().stream().filter(k -> k.dueAt().isPresent())
                        .min(Comparator.comparing(k -> k.dueAt().get()));
                if (soonest.isEmpty()) {
                    html.append("No running clock");
                } else {
                    html.append(escape(CasePage.clockName(service, soonest.get().name()))).append(": ")
                            .append(escape(ConsoleText.timeLeft(soonest.get().dueAt().get(), now, owner.calendar())));
                    if (e.clocks().size() > 1) {
                        html.append(" <span class=\"hint\">(and ").append(e.clocks().size() - 1)
                                .append(e.clocks().size() == 2 ? " other clock)" : " other clocks)").append("</span>");
                    }
                }
                html.append("</td>");
                if (staff.isManager()) {
                    html.append("<td data-label=\"Allocate\">");
                    allocationForm(html, staff, c, staffList, refusal != null && refusal.reference().equals(c.reference()) ? refusal : null,
                            now, caseloads);
                    html.append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</tbody></table>");
            ListControls.pages(html, staff, "/console/waiting-list", contract, filters, listed.previous(), listed.next());
            if (!listed.complete()) {
                html.append("<p>The list is longer than the hub reads at once; allocate these first.</p>");
            }
        }
        return Console.respond(refusal == null ? 200 : refusal.status(), staff, (refusal == null ? "" : "Error: ") + "Waiting list",
                "/console/waiting-list", html.toString());
    }

    /** A refused allocation, shown on its row: the errors (a broken rule with its clause), and the status to answer with. */
    private record Refusal(ReferralReference reference, List<FieldError> errors, int status) {
    }

    /**
     * A waiting case's allocation form: no advocate chosen for the manager (issue 21), each qualified advocate with their
     * open cases and hours this month ({@code caseloads}, read once a page), and why each other advocate is not offered.
     */
    private void allocationForm(StringBuilder html, Console.Staff staff, ReferralCase c, List<StaffRecord> staffList, Refusal refusal,
                                Instant now, Workloads caseloads) {
        List<AllocateAdvocate.Candidate> candidates = allocate.candidates(c, staffList);
        List<AllocateAdvocate.Candidate> qualified = candidates.stream().filter(AllocateAdvocate.Candidate::qualified).toList();
        String id = "advocate-" + c.reference().value();
        if (refusal != null) {
            html.append("<div class=\"group group--error\">");
            refusal.errors().forEach(e -> html.append("<p class=\"error-message\" id=\"").append(escape(id)).append("-error\">")
                    .append("<span class=\"visually-hidden\">Error:</span> ").append(escape(words(staffList, null).of(e.message())))
                    .append("</p>"));
        }
        if (qualified.isEmpty()) {
            html.append("<p>No advocate in the directory is qualified for this case.</p>");
        } else {
            html.append("<form method=\"post\" action=\"").append(escape(staff.href("/console/cases/" + c.reference().value() + "/allocation")))
                    .append("\" class=\"inline-form\" novalidate>").append(staff.formFields()).append(DisplayedCase.fields(c.version(), now))
                    .append("<input type=\"hidden\" name=\"from\" value=\"waiting-list\">")
                    .append("<div class=\"group\"><label class=\"visually-hidden\" for=\"").append(escape(id)).append("\">Advocate<span> for ")
                    .append(escape(c.reference().value())).append("</span></label><select id=\"").append(escape(id))
                    .append("\" name=\"advocateId\"").append(refusal == null ? "" : " class=\"input--error\" aria-describedby=\""
                            + escape(id) + "-error\"").append(">");
            html.append("<option value=\"\">Choose an advocate</option>");
            for (AllocateAdvocate.Candidate candidate : qualified) {
                String advocateId = candidate.advocate().id();
                int open = caseloads.openCases(advocateId);
                html.append("<option value=\"").append(escape(advocateId)).append("\">")
                        .append(escape(candidate.advocate().name())).append(" (").append(open >= ListCases.MOST_PER_PAGE ? open + "+" : open)
                        .append(open == 1 ? " open case, " : " open cases, ").append(HourRules.duration(caseloads.minutesThisMonth(advocateId)))
                        .append(" this month)</option>");
            }
            html.append("</select></div><button type=\"submit\">Allocate<span class=\"visually-hidden\"> ")
                    .append(escape(c.reference().value())).append("</span></button></form>");
        }
        List<AllocateAdvocate.Candidate> others = candidates.stream().filter(k -> !k.qualified()).toList();
        if (!others.isEmpty()) {
            html.append("<details><summary>Not offered (").append(others.size()).append(")</summary><ul>");
            for (AllocateAdvocate.Candidate other : others) {
                html.append("<li>").append(escape(other.advocate().name())).append(": ")
                        .append(escape(words(staffList, null).of(String.join("; ", other.broken().stream()
                                .map(b -> b.detail() + " (" + b.clause() + ")").toList()))))
                        .append("</li>");
            }
            html.append("</ul></details>");
        }
        if (refusal != null) {
            html.append("</div>");
        }
    }

    /**
     * The candidates' workloads a waiting list page shows (issue 21), each read once for the page: an advocate's open cases
     * (their caseload: the advocate index, up to a page of them) and everyone's time recorded this month (one read).
     */
    private final class Workloads {
        private final Console.Staff staff;
        private final Map<String, Integer> openCases = new java.util.HashMap<>();
        private Map<String, Integer> minutes;

        Workloads(Console.Staff staff) {
            this.staff = staff;
        }

        int openCases(String advocateId) {
            return openCases.computeIfAbsent(advocateId, id -> {
                ListCases.Outcome outcome = listCases.list(staff.actor(), Map.of("advocateId", List.of(id),
                        "limit", List.of(String.valueOf(ListCases.MOST_PER_PAGE))));
                return outcome instanceof ListCases.Listed listed ? listed.cases().size() : 0;
            });
        }

        int minutesThisMonth(String advocateId) {
            if (minutes == null) {
                minutes = allocate.minutesThisMonth();
            }
            return minutes.getOrDefault(advocateId, 0);
        }
    }

    // ------------------------------------------------------------------ case page

    private APIGatewayProxyResponseEvent casePage(Console.Staff staff, ReferralReference reference, int status, CasePage.Shown shown,
                                                  String saved) {
        // The read is audited (LLR 26.8) by the use case, as the API's is; an advocate not on the case is refused.
        CaseWork.Outcome outcome = viewCase.view(reference, staff.actor());
        if (outcome instanceof CaseWork.NotAllowed notAllowed) {
            return Console.forbidden(staff, notAllowed.why());
        }
        if (!(outcome instanceof CaseWork.Done done)) {
            return Console.notFound(staff, "There is no case with that reference.");
        }
        ReferralCase referral = done.referral();
        Contract contract = contracts.contractFor(referral.details().service());
        ServiceConfig service = contract.service(referral.details().service());
        return HttpResponses.html(status, casePage.render(staff, viewCase.found(referral), service, words(directory.all(), service),
                contract.calendar(), clock.instant(), forms.forCase(referral, staff.actor()), shown, saved));
    }

    private APIGatewayProxyResponseEvent casePost(HttpRequest request) {
        Optional<ReferralReference> reference = reference(request);
        String action = request.pathParameter("action").orElse("");
        String page = "/console/cases/" + reference.map(ReferralReference::value).orElse("");
        return console.post(request, page, (staff, posted) -> {
            Optional<ConsoleRoutes.CaseForm> caseForm = ConsoleRoutes.form(action);
            if (reference.isEmpty() || caseForm.isEmpty()) {
                return Console.notFound(staff, reference.isEmpty() ? "There is no case with that reference." : "A case has no such form.");
            }
            // Who may send the form is decided before anything of it is read (issue 20: authorization before
            // validation), by the words the access table shows; a refusal is on the case's audit trail.
            CaseWork.Outcome admitted = work.admit(reference.get(), staff.actor(), CaseRoutes.access(caseForm.get().who()),
                    "the form to " + caseForm.get().does());
            if (admitted instanceof CaseWork.NotAllowed notAllowed) {
                return Console.forbidden(staff, notAllowed.why());
            }
            if (!(admitted instanceof CaseWork.Done done)) {
                return Console.notFound(staff, "There is no case with that reference.");
            }
            DisplayedCase displayed = DisplayedCase.read(posted.values());
            if (action.equals("allocation")) {
                return allocate(staff, reference.get(), displayed, posted.unreadable());
            }
            // Which forms the case has now; the use case checks again as it changes the case, and only the page view
            // after it is audited as a view.
            Optional<CaseForms.Form> form = forms.forCase(done.referral(), staff.actor()).stream().filter(f -> f.action().equals(action)).findFirst();
            if (form.isEmpty()) {
                return Console.notFound(staff, "This case has no such form now: it may have been closed or changed meanwhile.");
            }
            if (!posted.unreadable().isEmpty()) {
                return casePage(staff, reference.get(), 400, new CasePage.Shown(action, displayed.values(), posted.unreadable()), "");
            }
            if (form.get().checksAnswers()) {
                return checkedAnswers(staff, reference.get(), form.get(), displayed);
            }
            // Made to the case as the form showed it, or refused as stale (issue 19).
            CaseWork.Outcome outcome = form.get().submit(reference.get(), staff.actor().expecting(displayed.expected()),
                    displayed.values());
            return afterChange(staff, reference.get(), action, displayed, outcome);
        });
    }

    /** The button of the check page that says which way it went: send the answers for good, or back to change them. */
    static final String CHECKED = "checked";

    /**
     * A form sent in two steps (GOV.UK "check answers", issue 21: closing a case). Sent from the case page, the answers are
     * checked by the use case's own rules and, if the change would be made, shown back on a page of their own with the
     * consequences and two buttons; from that page, "send" makes the change (to the version the form first showed) and
     * "change" brings the form back with the answers in it. Refusals at either step show the form with its errors.
     */
    private APIGatewayProxyResponseEvent checkedAnswers(Console.Staff staff, ReferralReference reference, CaseForms.Form form,
                                                        DisplayedCase displayed) {
        Map<String, List<String>> values = new LinkedHashMap<>(displayed.values());
        List<String> step = values.remove(CHECKED);
        StaffActor actor = staff.actor().expecting(displayed.expected());
        if (List.of("send").equals(step)) {
            return afterChange(staff, reference, form.action(), displayed, form.submit(reference, actor, values));
        }
        if (List.of("change").equals(step)) {
            return casePage(staff, reference, 200, new CasePage.Shown(form.action(), values, List.of()), "");
        }
        CaseWork.Outcome checked = step == null ? form.check(reference, actor, values)
                : new CaseWork.Invalid(List.of(new FieldError(CHECKED, "Choose whether to send the answers or change them")));
        if (!(checked instanceof CaseWork.Checked ok)) {
            return afterChange(staff, reference, form.action(), displayed, checked);
        }
        StringBuilder html = new StringBuilder(4_000);
        html.append("<p class=\"caption\">").append(escape(reference.value())).append("</p>")
                .append("<h1>Check your answers before you ").append(escape(form.title().toLowerCase(java.util.Locale.UK))).append("</h1>")
                .append("<dl class=\"summary\">");
        for (Map.Entry<String, String> answer : form.answers(values)) {
            html.append("<div><dt>").append(escape(answer.getKey())).append("</dt><dd>").append(escape(answer.getValue())).append("</dd></div>");
        }
        html.append("</dl><p>").append(escape(form.hint())).append("</p>")
                .append("<form method=\"post\" action=\"").append(escape(staff.href("/console/cases/" + reference.value() + "/"
                        + form.action()))).append("\" novalidate>").append(staff.formFields())
                .append(DisplayedCase.fields(ok.referral().version(), displayed.openedAt().orElse(clock.instant())));
        values.forEach((name, list) -> list.forEach(value -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">")));
        html.append("<div class=\"button-group\"><button type=\"submit\" name=\"").append(CHECKED).append("\" value=\"send\">")
                .append(escape(form.button())).append("</button><button type=\"submit\" name=\"").append(CHECKED)
                .append("\" value=\"change\" class=\"button--secondary\">Change your answers</button></div></form>");
        return Console.respond(200, staff, "Check your answers: " + form.title(), "/console/cases/" + reference.value(), html.toString());
    }

    /** A case form's outcome: 303 back to the case (or the list it came from), or the page again with the problem. */
    private APIGatewayProxyResponseEvent afterChange(Console.Staff staff, ReferralReference reference, String action,
                                                     DisplayedCase displayed, CaseWork.Outcome outcome) {
        if (outcome instanceof CaseWork.Done) {
            return HttpResponses.seeOther(staff.href("/console/cases/" + reference.value() + "?saved=" + action));
        }
        if (outcome instanceof CaseWork.NotAllowed notAllowed) {
            return Console.forbidden(staff, notAllowed.why());
        }
        return problem(outcome, reference, displayed, FormFields.NO_FIELD)
                .map(p -> casePage(staff, reference, p.status(), new CasePage.Shown(action, displayed.values(), p.errors()), ""))
                .orElseGet(() -> Console.notFound(staff, "There is no case with that reference."));
    }

    /** A form's problem as its page shows it: what to say, and the status to answer with. */
    private record Problem(List<FieldError> errors, int status) {
    }

    /**
     * Every refusal of a console form, written once (the JSON routes' is {@code CaseRoutes.answer}): a field's errors (400),
     * broken rules with their clauses (422, at {@code ruleField}), a conflict in staff's words and a stale form with what
     * changed (409); empty for an outcome that is not a form's problem (not found).
     */
    private Optional<Problem> problem(CaseWork.Outcome outcome, ReferralReference reference, DisplayedCase displayed, String ruleField) {
        if (outcome instanceof CaseWork.Invalid invalid) {
            return Optional.of(new Problem(invalid.errors(), 400));
        }
        if (outcome instanceof CaseWork.Refused refused) {
            return Optional.of(new Problem(refused.rules().stream().map(r -> new FieldError(ruleField, r.detail() + " (" + r.clause() + ")"))
                    .toList(), 422));
        }
        if (outcome instanceof CaseWork.Conflict conflict) {
            return Optional.of(new Problem(List.of(new FieldError(ruleField, words(directory.all(), null).of(conflict.why()))), 409));
        }
        if (outcome instanceof CaseWork.Stale stale) {
            // The form again with its values kept, the case as it is now (its form carries the new version) and what changed.
            return Optional.of(new Problem(displayed.whatChanged(cases.timeline(reference), caseWords(stale.current())), 409));
        }
        return Optional.empty();
    }

    private APIGatewayProxyResponseEvent allocate(Console.Staff staff, ReferralReference reference, DisplayedCase displayed,
                                                  List<FieldError> unreadable) {
        Map<String, List<String>> body = new LinkedHashMap<>(displayed.values());
        boolean fromList = List.of("waiting-list").equals(body.remove("from"));
        CaseWork.Outcome outcome = unreadable.isEmpty()
                ? allocate.allocate(reference, staff.actor().expecting(displayed.expected()), SubmittedFields.of(body))
                : new CaseWork.Invalid(unreadable);
        if (outcome instanceof CaseWork.Done) {
            return HttpResponses.seeOther(staff.href(fromList ? "/console/waiting-list?contract=" + reference.contract() + "&allocated="
                    + reference.value() : "/console/cases/" + reference.value() + "?saved=allocation"));
        }
        if (outcome instanceof CaseWork.NotAllowed notAllowed) {
            return Console.forbidden(staff, notAllowed.why());
        }
        return problem(outcome, reference, displayed, AllocateAdvocate.ADVOCATE.name())
                .map(p -> waitingList(staff, Optional.of(reference.contract()), new Refusal(reference, p.errors(), p.status())))
                .orElseGet(() -> Console.notFound(staff, "There is no case with that reference."));
    }

}
