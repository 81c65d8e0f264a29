package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.answerphone.AnswerphoneMessages;
import org.advocacyhub.application.casework.ListCases;
import org.advocacyhub.application.casework.ShowWaitingList;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleText;

/**
 * The console's home page ({@code /console}): for an advocate, what is due today or overdue and their open cases, soonest
 * deadline first; for a duty manager, each contract's counts (waiting, overdue clocks, open answerphone messages, emails
 * in trouble) with the overdue clocks and the emails to check, and the cases held by staff who are no longer active.
 * Also the form a manager marks an email checked with.
 */
final class HomePages {

    private final Console console;
    private final ListCases listCases;
    private final ShowWaitingList waitingList;
    private final CaseStore cases;
    private final org.advocacyhub.application.port.Outbox outbox;
    private final StaffDirectory directory;
    private final ContractCatalogue contracts;
    private final AnswerphoneStore messages;
    private final Clock clock;

    HomePages(Console console, ListCases listCases, ShowWaitingList waitingList, CaseStore cases,
              org.advocacyhub.application.port.Outbox outbox, StaffDirectory directory, ContractCatalogue contracts,
              AnswerphoneStore messages, Clock clock) {
        this.console = console;
        this.listCases = listCases;
        this.waitingList = waitingList;
        this.cases = cases;
        this.outbox = outbox;
        this.directory = directory;
        this.contracts = contracts;
        this.messages = messages;
        this.clock = clock;
    }

    APIGatewayProxyResponseEvent home(Console.Staff staff) {
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
    APIGatewayProxyResponseEvent emailChecked(HttpRequest request) {
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
}
