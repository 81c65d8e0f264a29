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
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import org.advocacyhub.domain.casework.BrokenRule;
import org.advocacyhub.domain.casework.HourRules;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.WaitingList;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;
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
 * {@code /console} events): home, the waiting list with allocation from the row, the case page
 * with its forms, the answerphone messages and the staff directory, and the sign-in flow's routes.
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
    private final AnswerphoneMessages answerphone;
    private final AnswerphoneStore messages;
    private final CaseStore cases;
    private final org.advocacyhub.application.port.Outbox outbox;
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
                 org.advocacyhub.application.casework.ListOpenCases openCases, Clock clock) {
        this.work = work;
        // A leaver's or a deactivated advocate's console request is on the record of the case it was aimed at (issue 20).
        this.console = shared.recordingRefusals(refusedSignIns);
        Console console = this.console;
        this.signIn = signIn;
        this.waitingList = waitingList;
        this.allocate = allocate;
        this.viewCase = viewCase;
        this.listCases = listCases;
        this.answerphone = answerphone;
        this.messages = messages;
        this.cases = cases;
        this.outbox = outbox;
        this.directory = directory;
        this.forms = forms;
        this.contracts = contracts;
        this.fields = new FormFields(terms.areas());
        this.areas = terms.areas();
        this.casePage = new CasePage(fields);
        this.clock = clock;
        List<ApiOperation> routes = new ArrayList<>(List.of(
                ConsoleRoutes.HOME.handledBy(request -> console.page(request, this::home)),
                ConsoleRoutes.SIGN_IN.handledBy(request -> signIn.startSignIn(request, request.queryParameter("returnTo").orElse("/console"))),
                ConsoleRoutes.CALLBACK.handledBy(signIn::callback),
                ConsoleRoutes.SIGN_OUT.handledBy(console::signOut),
                ConsoleRoutes.SIGNED_OUT.handledBy(this::signedOut),
                ConsoleRoutes.WAITING_LIST.handledBy(request -> console.page(request, staff -> waitingList(staff,
                        request.queryParameter("contract"), null, request.queryParameter("allocated"), ListControls.query(request)))),
                ConsoleRoutes.CASE.handledBy(request -> console.page(request, staff -> reference(request).map(r -> casePage(staff, r, 200,
                        CasePage.Shown.NONE, saved(request))).orElseGet(() -> Console.notFound(staff, "There is no case with that reference.")))),
                ConsoleRoutes.CASE_FORM.handledBy(this::casePost),
                ConsoleRoutes.ANSWERPHONE.handledBy(request -> console.page(request, staff -> answerphonePage(staff,
                        request.queryParameter("contract"), 200, "", Map.of(), List.of(), answerphoneNotice(request),
                        request.queryParameter("pageToken").orElse("")))),
                ConsoleRoutes.ANSWERPHONE_MESSAGE.handledBy(this::answerphoneKeyIn),
                ConsoleRoutes.ANSWERPHONE_RESPONSE.handledBy(this::answerphonePost),
                ConsoleRoutes.EMAIL_CHECKED.handledBy(this::emailChecked),
                ConsoleRoutes.NOT_FOUND.handledBy(request -> console.page(request, staff -> Console.notFound(staff,
                        "There is no page at this address. Use the menu above, or go back to the page you came from.")))));
        routes.addAll(new StaffPages(console, directory, manageStaff, fields).operations());
        routes.addAll(new OpenCasesPage(console, openCases, directory, contracts).operations());
        routes.addAll(new ReturnsPages(console, returns, contracts, fields, () -> words(directory.all(), null)).operations());
        this.operations = List.copyOf(routes);
    }

    /**
     * The words a page shows the hub's own records in (issue 21): staff by name, {@code service}'s clocks by what they ask
     * for (none when null), screening outcomes and councils by their names.
     */
    /** The words of {@code referral}'s pages: its service's clocks. */
    private ConsoleWords caseWords(ReferralCase referral) {
        return words(directory.all(), contracts.contractFor(referral.details().service()).service(referral.details().service()));
    }

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

    // ------------------------------------------------------------------ home

    private APIGatewayProxyResponseEvent home(Console.Staff staff) {
        Instant now = clock.instant();
        StringBuilder html = new StringBuilder(10_000);
        html.append("<h1>").append(staff.isManager() ? "Duty manager's view" : "Your cases").append("</h1>");
        if (staff.isManager()) {
            managerHome(staff, html, now);
        } else {
            advocateHome(staff, html, now);
        }
        return Console.respond(200, staff, "Home", "/console", html.toString());
    }

    /** When a case's soonest running clock is due, if one runs. */
    private Optional<Instant> nextDue(ReferralCase c) {
        WorkingCalendar calendar = contracts.contractFor(c.details().service()).calendar();
        return CasePage.nextClock(c, calendar).flatMap(k -> k.dueAt(calendar));
    }

    /** A case's soonest running deadline in words ("First contact: Tue 24 Nov 2026, 17:00 (3 hours left)"), or that none runs. */
    private String nextDeadline(ReferralCase c, Instant now) {
        Contract contract = contracts.contractFor(c.details().service());
        return CasePage.nextDeadline(c, contract.service(c.details().service()), contract.calendar(), now);
    }

    private void advocateHome(Console.Staff staff, StringBuilder html, Instant now) {
        ListCases.Outcome outcome = listCases.list(staff.actor(), Map.of("limit", List.of(String.valueOf(ListCases.MOST_PER_PAGE))));
        // Soonest deadline first (issue 21); a case with no running clock last.
        List<ReferralCase> mine = new ArrayList<>(outcome instanceof ListCases.Listed listed ? listed.cases() : List.of());
        mine.sort(Comparator.comparing((ReferralCase c) -> nextDue(c).orElse(Instant.MAX)));
        List<String[]> due = new ArrayList<>();
        List<Instant> dueAt = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        int shown = 0;
        for (ReferralCase c : mine) {
            WorkingCalendar calendar = contracts.contractFor(c.details().service()).calendar();
            ServiceConfig service = contracts.contractFor(c.details().service()).service(c.details().service());
            String nextText = nextDeadline(c, now);
            // The soonest few on the home page; all of them, with filters and pages, on "Your cases" (issue 21).
            if (shown++ < HOME_SHOWN) {
                rows.append("<tr><td data-label=\"Case\"><a href=\"").append(escape(staff.href("/console/cases/" + c.reference().value())))
                        .append("\">").append(escape(c.reference().value())).append("</a></td><td data-label=\"Person\">")
                        .append(escape(c.details().person().name())).append("</td><td data-label=\"Service\">")
                        .append(escape(c.details().service().displayName())).append("</td><td data-label=\"Next deadline\">")
                        .append(escape(nextText)).append("</td></tr>");
            }
            for (SlaClock k : c.clocks()) {
                if (!k.isStopped() && k.dueAt(calendar).isPresent() && ConsoleText.dueByEndOfToday(k.dueAt(calendar).get(), now)) {
                    int at = 0;
                    while (at < dueAt.size() && !dueAt.get(at).isAfter(k.dueAt(calendar).get())) {
                        at++;
                    }
                    dueAt.add(at, k.dueAt(calendar).get());
                    due.add(at, new String[] {c.reference().value(), CasePage.clockName(service, k.name()) + ": "
                            + ConsoleText.timeLeft(k.dueAt(calendar).get(), now, calendar)});
                }
            }
        }
        html.append("<h2>Due today or overdue</h2>");
        if (due.isEmpty()) {
            html.append("<p>Nothing is due today.</p>");
        } else {
            html.append("<ul>");
            for (String[] d : due.subList(0, Math.min(due.size(), HOME_SHOWN))) {
                html.append("<li><a href=\"").append(escape(staff.href("/console/cases/" + d[0]))).append("\">").append(escape(d[0]))
                        .append("</a>: ").append(escape(d[1])).append("</li>");
            }
            html.append("</ul>");
            if (due.size() > HOME_SHOWN) {
                html.append("<p>And ").append(due.size() - HOME_SHOWN).append(" more due today.</p>");
            }
        }
        html.append("<h2>Your open cases (").append(mine.size()).append(")</h2>");
        if (mine.isEmpty()) {
            html.append("<p>No cases are allocated to you.</p>");
        } else {
            html.append("<table><caption class=\"visually-hidden\">Your open cases</caption><thead><tr><th scope=\"col\">Case</th>")
                    .append("<th scope=\"col\">Person</th><th scope=\"col\">Service</th><th scope=\"col\">Next deadline</th></tr></thead>")
                    .append("<tbody>").append(rows).append("</tbody></table>");
            if (mine.size() > HOME_SHOWN) {
                html.append("<p>The ").append(HOME_SHOWN).append(" soonest due: <a href=\"").append(escape(staff.href("/console/cases")))
                        .append("\">all your open cases</a>, with filters.</p>");
            }
        }
    }

    /** Rows of each list an advocate's home shows: the soonest due. */
    static final int HOME_SHOWN = 10;

    private void managerHome(Console.Staff staff, StringBuilder html, Instant now) {
        List<CaseStore.IndexedClock> overdue = cases.clocksDueBy(now, 500);
        // Issue 19: emails refused for good or whose fate is not known, until someone marks them checked; and emails still
        // waiting to go well after they were written (the mail service down, or slow to recover).
        List<org.advocacyhub.application.port.Outbox.Trouble> troubles = outbox.troubles(200);
        List<org.advocacyhub.application.port.Outbox.MailId> waitingLong = outbox.waitingSince(now.minus(WAITING_LONG), 500);
        html.append("<p>Open each list to act on it. Overdue clocks are listed soonest due first.</p>");
        heldByTheInactive(staff, html, now);
        for (Contract contract : contracts.contracts()) {
            ShowWaitingList.Outcome listed = waitingList.show(staff.actor(), Map.of("contract", List.of(contract.code())));
            int waiting = listed instanceof ShowWaitingList.Listed l ? l.total() : 0;
            List<CaseStore.IndexedClock> late = overdue.stream().filter(k -> k.contract().equals(contract.code())).toList();
            List<org.advocacyhub.application.port.Outbox.Trouble> mine = troubles.stream()
                    .filter(t -> t.contract().equals(contract.code())).toList();
            long slow = waitingLong.stream().filter(id -> contractOf(id).map(contract.code()::equals).orElse(false)).count();
            int open = contract.answerphoneClock().isPresent()
                    ? messages.list(contract.code(), List.of(AnswerphoneStore.Listing.OPEN), null, AnswerphoneMessages.MOST_PER_PAGE)
                    .messages().size() : 0;
            String overdueId = "overdue-" + contract.code();
            html.append("<h2>").append(escape(contract.name())).append(" (").append(escape(contract.code())).append(")</h2>")
                    .append("<ul class=\"cards\">")
                    .append(card(waiting, "waiting for an advocate", "waiting for an advocate",
                            staff.href("/console/waiting-list?contract=" + contract.code())))
                    .append(card(late.size(), "overdue clock", "overdue clocks", late.isEmpty() ? null : "#" + overdueId))
                    .append(contract.answerphoneClock().isPresent() ? card(open, "open answerphone message", "open answerphone messages",
                            staff.href("/console/answerphone?contract=" + contract.code())) : "")
                    .append(card(mine.size(), "email that did not go or may not have", "emails that did not go or may not have",
                            mine.isEmpty() ? null : "#emails-" + contract.code()))
                    .append(card((int) slow, "email waiting to go for over " + WAITING_LONG.toMinutes() + " minutes",
                            "emails waiting to go for over " + WAITING_LONG.toMinutes() + " minutes", null))
                    .append("</ul><p><a href=\"").append(escape(staff.href("/console/cases?contract=" + contract.code())))
                    .append("\">All open cases, soonest deadline first<span class=\"visually-hidden\"> (").append(escape(contract.code()))
                    .append(")</span></a></p>");
            if (!late.isEmpty()) {
                overdueClocks(staff, html, contract, late, overdueId, now);
            }
            if (!mine.isEmpty()) {
                emailTroubles(staff, html, mine, "emails-" + contract.code());
            }
        }
    }

    /**
     * Issue 20: the open cases of staff whose record is no longer active (a leaver, someone deactivated), each to move to
     * another advocate from its page. Deactivating someone ends their access at once but leaves their cases with them
     * and their clocks running, so no case waits unseen.
     */
    private void heldByTheInactive(Console.Staff staff, StringBuilder html, Instant now) {
        StringBuilder rows = new StringBuilder();
        for (StaffRecord gone : directory.all().stream().filter(r -> !r.active()).sorted(Comparator.comparing(StaffRecord::name)).toList()) {
            ListCases.Outcome outcome = listCases.list(staff.actor(), Map.of("advocateId", List.of(gone.id()),
                    "limit", List.of(String.valueOf(ListCases.MOST_PER_PAGE))));
            for (ReferralCase c : outcome instanceof ListCases.Listed listed ? listed.cases() : List.<ReferralCase>of()) {
                String nextText = nextDeadline(c, now);
                rows.append("<tr><td data-label=\"Case\"><a href=\"").append(escape(staff.href("/console/cases/" + c.reference().value())))
                        .append("\">").append(escape(c.reference().value())).append("</a></td><td data-label=\"Service\">")
                        .append(escape(c.details().service().displayName())).append("</td><td data-label=\"Held by\">")
                        .append(escape(gone.name())).append(" (no longer active)</td><td data-label=\"Next deadline\">")
                        .append(escape(nextText)).append("</td></tr>");
            }
        }
        if (!rows.isEmpty()) {
            html.append("<table><caption>Cases to move: held by staff who are no longer active</caption><thead><tr>")
                    .append("<th scope=\"col\">Case</th><th scope=\"col\">Service</th><th scope=\"col\">Held by</th>")
                    .append("<th scope=\"col\">Next deadline</th></tr></thead><tbody>").append(rows).append("</tbody></table>");
        }
    }

    /** How long an email may wait in the outbox before a duty manager's home counts it as slow (the sweep runs every 5 minutes). */
    static final java.time.Duration WAITING_LONG = java.time.Duration.ofMinutes(15);

    /** The contract an email belongs to, when its owner names it (a case, a report deadline). */
    private static Optional<String> contractOf(org.advocacyhub.application.port.Outbox.MailId id) {
        if (id.owner() instanceof org.advocacyhub.application.port.Outbox.CaseOwner c) {
            return Optional.of(c.reference().contract());
        }
        if (id.owner() instanceof org.advocacyhub.application.port.Outbox.ReportOwner r) {
            return Optional.of(r.contract());
        }
        return Optional.empty();
    }

    /**
     * Emails refused for good or whose fate is not known (issue 19): what each was, to whom, what happened, with the case
     * linked; a manager marks each checked once they have reached its recipient another way.
     */
    private void emailTroubles(Console.Staff staff, StringBuilder html, List<org.advocacyhub.application.port.Outbox.Trouble> troubles,
                               String id) {
        html.append("<table id=\"").append(escape(id)).append("\"><caption>Emails that did not go, or may not have</caption><thead><tr><th scope=\"col\">About</th>")
                .append("<th scope=\"col\">Email</th><th scope=\"col\">What happened</th><th scope=\"col\">When</th>")
                .append("<th scope=\"col\"><span class=\"visually-hidden\">Checked</span></th></tr></thead><tbody>");
        for (org.advocacyhub.application.port.Outbox.Trouble t : troubles) {
            String about = t.id().owner() instanceof org.advocacyhub.application.port.Outbox.CaseOwner c
                    ? "<a href=\"" + escape(staff.href("/console/cases/" + c.reference().value())) + "\">" + escape(c.reference().value()) + "</a>"
                    : escape(t.id().owner().displayName());
            String happened = t.status() == org.advocacyhub.application.port.Outbox.Status.NOT_KNOWN
                    ? "May not have been sent: check with " + t.recipient() : "Not sent: reach " + t.recipient() + " another way";
            html.append("<tr><td data-label=\"About\">").append(about).append("</td><td data-label=\"Email\">")
                    .append(escape(t.what() + " to " + t.recipient())).append("</td><td data-label=\"What happened\">")
                    .append(escape(happened)).append("</td><td data-label=\"When\">")
                    .append(escape(t.at() == null ? "" : ConsoleText.when(t.at()))).append("</td><td>")
                    .append("<form method=\"post\" action=\"").append(escape(staff.href("/console/emails/checked"))).append("\">")
                    .append(staff.formFields())
                    .append("<input type=\"hidden\" name=\"owner\" value=\"").append(escape(t.id().owner().kind())).append("\">")
                    .append("<input type=\"hidden\" name=\"ownerId\" value=\"").append(escape(t.id().owner().id())).append("\">")
                    .append("<input type=\"hidden\" name=\"key\" value=\"").append(escape(t.id().key())).append("\">")
                    .append("<button type=\"submit\">Checked<span class=\"visually-hidden\"> ").append(escape(t.what()))
                    .append("</span></button></form></td></tr>");
        }
        html.append("</tbody></table>");
    }

    /** A manager marks an email that did not go as checked: it leaves every duty manager's list. */
    private APIGatewayProxyResponseEvent emailChecked(HttpRequest request) {
        return console.post(request, "/console", (staff, posted) -> {
            if (!staff.isManager()) {
                return Console.forbidden(staff, "Only managers can do this.");
            }
            Map<String, List<String>> v = posted.values();
            try {
                org.advocacyhub.application.port.Outbox.MailId id = new org.advocacyhub.application.port.Outbox.MailId(
                        org.advocacyhub.application.port.Outbox.Owner.of(one(v, "owner"), one(v, "ownerId")), one(v, "key"));
                outbox.checked(id, clock.instant(), staff.actor().id());
            } catch (IllegalArgumentException e) {
                return Console.notFound(staff, "There is no such email.");
            }
            return HttpResponses.seeOther(staff.href("/console"));
        });
    }

    private static String one(Map<String, List<String>> values, String name) {
        List<String> given = values.getOrDefault(name, List.of());
        if (given.size() != 1) {
            throw new IllegalArgumentException("one " + name);
        }
        return given.get(0);
    }

    /** How many overdue clocks a contract's section of the manager's home lists; the rest are counted. */
    static final int OVERDUE_SHOWN = 10;

    /**
     * A contract's overdue clocks, soonest due first (issue 21): the case or message, the clock by what it asks for, the
     * advocate who holds the case, and when it was due.
     */
    private void overdueClocks(Console.Staff staff, StringBuilder html, Contract contract, List<CaseStore.IndexedClock> late,
                               String id, Instant now) {
        Map<String, String> names = new java.util.HashMap<>();
        directory.all().forEach(r -> names.put(r.id(), r.name()));
        html.append("<table id=\"").append(escape(id)).append("\"><caption>Overdue clocks</caption><thead><tr>")
                .append("<th scope=\"col\">Case or message</th><th scope=\"col\">Clock</th><th scope=\"col\">Advocate</th>")
                .append("<th scope=\"col\">Was due</th></tr></thead><tbody>");
        for (CaseStore.IndexedClock k : late.subList(0, Math.min(late.size(), OVERDUE_SHOWN))) {
            String owner;
            String clockName;
            String advocate = "";
            if (k.reference() != null) {
                owner = "<a href=\"" + escape(staff.href("/console/cases/" + k.reference().value())) + "\">"
                        + escape(k.reference().value()) + "</a>";
                clockName = k.service() == null ? CasePage.label(k.clock()) : CasePage.clockName(contract.service(k.service()), k.clock());
                advocate = cases.findCase(k.reference()).map(ReferralCase::work).map(w -> w.allocation())
                        .map(a -> names.getOrDefault(a.advocateId(), a.advocateName())).orElse("Not allocated");
            } else if (k.messageId() != null) {
                owner = "<a href=\"" + escape(staff.href("/console/answerphone?contract=" + contract.code())) + "\">Answerphone message "
                        + escape(k.messageId()) + "</a>";
                clockName = contract.answerphoneClock().map(d -> CasePage.capitalised(d.description()) + " (" + d.clause() + ")")
                        .orElse("Call back");
            } else {
                owner = "Quarterly report";
                clockName = CasePage.label(k.clock());
            }
            html.append("<tr><td data-label=\"Case or message\">").append(owner).append("</td><td data-label=\"Clock\">")
                    .append(escape(clockName)).append("</td><td data-label=\"Advocate\">").append(escape(advocate))
                    .append("</td><td data-label=\"Was due\">").append(escape(ConsoleText.when(k.dueAt()))).append(" (")
                    .append(escape(ConsoleText.timeLeft(k.dueAt(), now, contract.calendar()))).append(")</td></tr>");
        }
        html.append("</tbody></table>");
        if (late.size() > OVERDUE_SHOWN) {
            html.append("<p>And ").append(late.size() - OVERDUE_SHOWN).append(" more, due later: <a href=\"")
                    .append(escape(staff.href("/console/cases?contract=" + contract.code() + "&overdue=yes")))
                    .append("\">every overdue case</a>.</p>");
        }
    }

    /** A count on the home page, in the singular or plural, linked to its list where it has one. */
    private static String card(int count, String one, String many, String href) {
        String text = "<span class=\"count\">" + count + "</span> " + escape(count == 1 ? one : many);
        return "<li>" + (href == null ? text : "<a href=\"" + escape(href) + "\">" + text + "</a>") + "</li>";
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
        List<FieldError> errors;
        int status;
        if (outcome instanceof CaseWork.Invalid invalid) {
            errors = invalid.errors();
            status = 400;
        } else if (outcome instanceof CaseWork.Refused refused) {
            errors = refused.rules().stream().map(ConsolePages::ruleError).toList();
            status = 422;
        } else if (outcome instanceof CaseWork.Conflict conflict) {
            errors = List.of(new FieldError(FormFields.NO_FIELD, words(directory.all(), null).of(conflict.why())));
            status = 409;
        } else if (outcome instanceof CaseWork.Stale stale) {
            // The form again with its values kept, the case as it is now (its form carries the new version) and what changed.
            errors = displayed.whatChanged(cases.timeline(reference), caseWords(stale.current()));
            status = 409;
        } else if (outcome instanceof CaseWork.NotAllowed notAllowed) {
            return Console.forbidden(staff, notAllowed.why());
        } else {
            return Console.notFound(staff, "There is no case with that reference.");
        }
        return casePage(staff, reference, status, new CasePage.Shown(action, displayed.values(), errors), "");
    }

    /** A broken rule as the page shows it: what is wrong and the clause that says so. */
    private static FieldError ruleError(BrokenRule rule) {
        return new FieldError(FormFields.NO_FIELD, rule.detail() + " (" + rule.clause() + ")");
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
        List<FieldError> errors;
        int status;
        if (outcome instanceof CaseWork.Refused refused) {
            errors = refused.rules().stream().map(r -> new FieldError(AllocateAdvocate.ADVOCATE.name(), r.detail() + " (" + r.clause() + ")"))
                    .toList();
            status = 422;
        } else if (outcome instanceof CaseWork.Invalid invalid) {
            errors = invalid.errors();
            status = 400;
        } else if (outcome instanceof CaseWork.Conflict conflict) {
            errors = List.of(new FieldError(AllocateAdvocate.ADVOCATE.name(), words(directory.all(), null).of(conflict.why())));
            status = 409;
        } else if (outcome instanceof CaseWork.Stale stale) {
            errors = displayed.whatChanged(cases.timeline(reference), caseWords(stale.current()));
            status = 409;
        } else {
            return Console.notFound(staff, "There is no case with that reference.");
        }
        return waitingList(staff, Optional.of(reference.contract()), new Refusal(reference, errors, status));
    }

    // ------------------------------------------------------------------ answerphone

    /** The form keyed in messages are sent with: its failed id, and its fields (the contract is the page's). */
    private static final String NEW_MESSAGE = "new-message";

    private List<FieldSpec> keyedIn() {
        return answerphone.messageFields().stream().filter(f -> !f.name().equals("contract") && !f.name().equals("sourceId")).toList();
    }

    /** What the answerphone page says after a form's 303: a response recorded, or a message keyed in (by its id). */
    private static String answerphoneNotice(HttpRequest request) {
        if (request.queryParameter("saved").isPresent()) {
            return "Response recorded.";
        }
        return request.queryParameter("keyed").filter(id -> id.matches(AnswerphoneMessage.ID_PATTERN))
                .map(id -> "Message keyed in as " + id + "; its callback clock runs from when it was left.").orElse("");
    }

    private APIGatewayProxyResponseEvent answerphonePage(Console.Staff staff, Optional<String> contractCode, int status, String failedId,
                                                         Map<String, List<String>> values, List<FieldError> errors, String notice) {
        return answerphonePage(staff, contractCode, status, failedId, values, errors, notice, "");
    }

    /** Open messages a page of the answerphone list shows: each is a block with its response form. */
    static final int MESSAGES_SHOWN = 4;

    private APIGatewayProxyResponseEvent answerphonePage(Console.Staff staff, Optional<String> contractCode, int status, String failedId,
                                                         Map<String, List<String>> values, List<FieldError> errors, String notice,
                                                         String pageToken) {
        List<Contract> withMessages = contracts.contracts().stream().filter(c -> c.answerphoneClock().isPresent()).toList();
        String contract = contractCode.orElse(withMessages.isEmpty() ? "" : withMessages.get(0).code());
        StringBuilder html = new StringBuilder(10_000);
        if (!errors.isEmpty()) {
            List<FieldSpec> failedFields = failedId.equals(NEW_MESSAGE) ? keyedIn() : AnswerphoneMessages.RESPONSE;
            FormFields.errorSummary(html, errors, name -> {
                String anchor = FormFields.anchor(failedFields, name);
                return anchor.equals(FormFields.NO_FIELD) ? anchor : idPrefix(failedId) + anchor;
            });
        }
        if (!notice.isEmpty()) {
            html.append("<div class=\"notice\" role=\"status\"><p>").append(escape(notice)).append("</p></div>");
        }
        html.append("<h1>Answerphone messages</h1>");
        ListControls.contractLinks(html, staff, "/console/answerphone", withMessages, contract);
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("contract", List.of(contract));
        query.put("limit", List.of(String.valueOf(MESSAGES_SHOWN)));
        if (!pageToken.isEmpty()) {
            query.put("pageToken", List.of(pageToken));
        }
        AnswerphoneMessages.Outcome outcome = answerphone.list(staff.actor(), query);
        if (outcome instanceof AnswerphoneMessages.NotAllowed notAllowed) {
            return Console.forbidden(staff, notAllowed.why());
        }
        if (outcome instanceof AnswerphoneMessages.Invalid invalid) {
            html.append("<p>").append(escape(invalid.errors().get(0).message())).append("</p>");
            return Console.respond(400, staff, "Answerphone messages", "/console/answerphone", html.toString());
        }
        AnswerphoneMessages.Listed listed = (AnswerphoneMessages.Listed) outcome;
        // Keying in a message left on the line (LLR 9.23): its clock starts when it was left, not when it is keyed in.
        boolean keyingFailed = failedId.equals(NEW_MESSAGE);
        html.append("<details id=\"form-").append(NEW_MESSAGE).append("\"").append(keyingFailed ? " open" : "")
                .append("><summary>Key in a message</summary><form method=\"post\" action=\"")
                .append(escape(staff.href("/console/answerphone?contract=" + contract))).append("\" novalidate>").append(staff.formFields())
                .append("<p class=\"hint\">A message left on the ").append(escape(contract)).append(" line. The callback is due 24 working "
                        + "hours after it was left (LLR 9.23). Times are UK times.</p>");
        fields.withIdPrefix(idPrefix(NEW_MESSAGE)).fields(html, keyedIn(), keyingFailed ? values
                : Map.of("leftAt", List.of(FormFields.localDateTime(listed.at()))), keyingFailed ? errors : List.of());
        html.append("<button type=\"submit\">Save message</button></form></details>");
        int open = messages.list(contract, List.of(AnswerphoneStore.Listing.OPEN), null, AnswerphoneMessages.MOST_PER_PAGE).messages().size();
        html.append("<p><strong>").append(open >= AnswerphoneMessages.MOST_PER_PAGE ? open + " or more" : String.valueOf(open))
                .append(open == 1 ? " open message" : " open messages").append("</strong>, soonest due first: each must be answered "
                        + "within 24 working hours of being left (LLR 9.23). Times are UK times.</p>");
        if (listed.messages().isEmpty()) {
            html.append("<p>No open messages.</p>");
        }
        WorkingCalendar calendar = contracts.contract(contract).map(Contract::calendar).orElse(null);
        for (AnswerphoneMessage m : listed.messages()) {
            html.append("<h2>").append(escape(m.id())).append("</h2><dl>")
                    .append(dl("Left", ConsoleText.when(m.leftAt())))
                    .append(dl("Due", m.clock().dueAt(calendar).map(due -> ConsoleText.when(due) + " ("
                            + ConsoleText.timeLeft(due, listed.at(), calendar) + ")").orElse("Paused")))
                    .append(dl("Caller", m.callerName()))
                    .append(dl("Call back on", String.join(", ", java.util.stream.Stream.of(m.callbackNumber(), m.callbackEmail())
                            .filter(v -> v != null && !v.isBlank()).toList())))
                    .append(dl("Prefers", m.preferredMethod() == null ? "" : m.preferredMethod().displayName()))
                    .append(dl("Message", m.summary()))
                    .append(dl("Access needs", m.accessNeeds()))
                    .append(dl("Attempts so far", String.valueOf(m.attempts()))).append("</dl>");
            boolean failed = m.id().equals(failedId);
            Map<String, List<String>> shown = failed ? values : Map.of("at", List.of(FormFields.localDateTime(listed.at())));
            html.append("<details").append(failed ? " open" : "").append("><summary>Record a response<span class=\"visually-hidden\"> to ")
                    .append(escape(m.id())).append("</span></summary><form method=\"post\" action=\"")
                    .append(escape(staff.href("/console/answerphone/" + m.id()))).append("\" novalidate>").append(staff.formFields());
            fields.withIdPrefix(idPrefix(m.id())).fields(html, AnswerphoneMessages.RESPONSE, shown, failed ? errors : List.of());
            html.append("<button type=\"submit\">Save response</button></form></details>");
        }
        if (listed.next() != null || !pageToken.isEmpty()) {
            html.append("<nav aria-label=\"Pages\" class=\"pages\"><ul>");
            if (!pageToken.isEmpty()) {
                html.append("<li><a href=\"").append(escape(staff.href("/console/answerphone?contract=" + contract)))
                        .append("\">First page</a></li>");
            }
            if (listed.next() != null) {
                html.append("<li><a href=\"").append(escape(staff.href("/console/answerphone?contract=" + contract + "&pageToken="
                        + java.net.URLEncoder.encode(listed.next(), java.nio.charset.StandardCharsets.UTF_8)))).append("\" rel=\"next\">")
                        .append("Next page</a></li>");
            }
            html.append("</ul></nav>");
        }
        return Console.respond(status, staff, (errors.isEmpty() ? "" : "Error: ") + "Answerphone messages", "/console/answerphone",
                html.toString());
    }

    /** Every id of a message's response form starts with the message's id: the page holds one form per open message. */
    private static String idPrefix(String messageId) {
        return messageId + "-";
    }

    private static String dl(String key, String value) {
        return "<div><dt>" + escape(key) + "</dt><dd>" + escape(value == null || value.isBlank() ? "Not given" : value) + "</dd></div>";
    }

    /** The form to key in a message: who may is decided by the contract in its address, before the form is read (issue 20). */
    private APIGatewayProxyResponseEvent answerphoneKeyIn(HttpRequest request) {
        String contract = request.queryParameter("contract").orElse("");
        return console.post(request, "/console/answerphone?contract=" + contract, (staff, posted) -> {
            Optional<AnswerphoneMessages.Outcome> refused = answerphone.keyInRefusal(contract, staff.actor());
            if (refused.isPresent() && refused.get() instanceof AnswerphoneMessages.NotAllowed notAllowed) {
                return Console.forbidden(staff, notAllowed.why());
            }
            if (refused.isPresent()) {
                return Console.notFound(staff, "There is no answerphone line for that contract.");
            }
            Map<String, List<String>> values = posted.values();
            if (!posted.unreadable().isEmpty()) {
                return answerphonePage(staff, Optional.of(contract), 400, NEW_MESSAGE, values, posted.unreadable(), "");
            }
            if (values.containsKey("contract") || values.containsKey("sourceId")) {
                return answerphonePage(staff, Optional.of(contract), 400, NEW_MESSAGE, values, List.of(new FieldError(FormFields.NO_FIELD,
                        "The form's contract is the page's, and a message keyed in has no telephony id: send the page's form as it is")), "");
            }
            Map<String, List<String>> body = new LinkedHashMap<>(FormFields.posted(values, keyedIn()));
            body.put("contract", List.of(contract));
            AnswerphoneMessages.Outcome outcome = answerphone.record(staff.actor().id(), Optional.of(staff.actor()), SubmittedFields.of(body));
            if (outcome instanceof AnswerphoneMessages.Created created) {
                return HttpResponses.seeOther(staff.href("/console/answerphone?contract=" + contract + "&keyed=" + created.message().id()));
            }
            if (outcome instanceof AnswerphoneMessages.Invalid invalid) {
                return answerphonePage(staff, Optional.of(contract), 400, NEW_MESSAGE, values, invalid.errors(), "");
            }
            if (outcome instanceof AnswerphoneMessages.NotAllowed notAllowed) {
                return Console.forbidden(staff, notAllowed.why());
            }
            String why = outcome instanceof AnswerphoneMessages.Conflict conflict ? conflict.why() : "The message could not be saved.";
            return answerphonePage(staff, Optional.of(contract), 409, NEW_MESSAGE, values,
                    List.of(new FieldError(FormFields.NO_FIELD, words(directory.all(), null).of(why))), "");
        });
    }

    private APIGatewayProxyResponseEvent answerphonePost(HttpRequest request) {
        String id = request.pathParameter("id").orElse("");
        String contract = id.matches(AnswerphoneMessage.ID_PATTERN) ? id.split("-")[1] : "";
        return console.post(request, "/console/answerphone?contract=" + contract, (staff, posted) -> {
            // Who may respond is decided before the form is read (issue 20).
            Optional<AnswerphoneMessages.Outcome> refused = answerphone.refusal(id, staff.actor());
            if (refused.isPresent() && refused.get() instanceof AnswerphoneMessages.NotAllowed notAllowed) {
                return Console.forbidden(staff, notAllowed.why());
            }
            if (refused.isPresent()) {
                return Console.notFound(staff, "There is no answerphone message with that id.");
            }
            Map<String, List<String>> values = posted.values();
            List<FieldError> errors = posted.unreadable();
            if (!errors.isEmpty()) {
                return answerphonePage(staff, Optional.of(contract), 400, id, values, errors, "");
            }
            AnswerphoneMessages.Outcome outcome = answerphone.respond(id, staff.actor(),
                    SubmittedFields.of(FormFields.posted(values, AnswerphoneMessages.RESPONSE)));
            if (outcome instanceof AnswerphoneMessages.Recorded) {
                return HttpResponses.seeOther(staff.href("/console/answerphone?contract=" + contract + "&saved=1"));
            }
            if (outcome instanceof AnswerphoneMessages.Invalid invalid) {
                return answerphonePage(staff, Optional.of(contract), 400, id, values, invalid.errors(), "");
            }
            if (outcome instanceof AnswerphoneMessages.NotAllowed notAllowed) {
                return Console.forbidden(staff, notAllowed.why());
            }
            if (outcome instanceof AnswerphoneMessages.Conflict conflict) {
                return answerphonePage(staff, Optional.of(contract), 409, id, values,
                        List.of(new FieldError(FormFields.NO_FIELD, words(directory.all(), null).of(conflict.why()))), "");
            }
            return Console.notFound(staff, "There is no answerphone message with that id.");
        });
    }

}
