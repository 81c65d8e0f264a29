package org.advocacyhub.casework.console;

import static org.advocacyhub.domain.text.Html.escape;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.CaseActivity;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.Casework;
import org.advocacyhub.domain.casework.Goal;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.eligibility.ScreeningDecision;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.Referrer;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.ConsoleText;
import org.advocacyhub.web.console.ConsoleWords;
import org.advocacyhub.web.html.FormFields;

/**
 * The case page's HTML ({@code /console/cases/{reference}}): the referral, the screening and its
 * reasons, the clocks with the working time left, tasks, the action plan, contacts, meetings and
 * time, the forms to record the casework, the timeline and the audit trail of staff access.
 */
final class CasePage {

    /** The audit trail's entries the page lists, newest first. */
    static final int AUDIT_SHOWN = 50;
    /** A timeline or audit trail longer than this is collapsed, one step away. */
    static final int HISTORY_OPEN = 8;

    private final FormFields fields;

    CasePage(FormFields fields) {
        this.fields = fields;
    }

    /** A form on the page as it is being shown: the one that failed is open, with its values and errors. */
    record Shown(String action, Map<String, List<String>> values, List<FieldError> errors) {

        static final Shown NONE = new Shown("", Map.of(), List.of());
    }

    String render(Console.Staff staff, ViewCase.Found found, ServiceConfig service, ConsoleWords words, WorkingCalendar calendar, Instant now,
                  List<CaseForms.Form> forms, Shown shown, String saved) {
        ReferralCase c = found.referral();
        StringBuilder html = new StringBuilder(30_000);
        if (!shown.errors().isEmpty()) {
            CaseForms.Form failed = forms.stream().filter(f -> f.action().equals(shown.action())).findFirst().orElse(null);
            FormFields.errorSummary(html, shown.errors(), name -> {
                String anchor = failed == null ? FormFields.NO_FIELD : failed.anchor(name);
                return anchor.equals(FormFields.NO_FIELD) ? anchor : idPrefix(failed) + anchor;
            });
        }
        if (!saved.isEmpty()) {
            html.append("<div class=\"notice\" role=\"status\"><p>").append(escape(saved)).append("</p></div>");
        }
        html.append("<span class=\"hint\">").append(escape(c.details().service().displayName())).append("</span>")
                .append("<h1>Case ").append(escape(c.reference().value())).append("</h1>")
                .append("<p><strong class=\"tag").append(c.status().name().equals("CLOSED") ? " tag--grey" : "").append("\">")
                .append(escape(c.status().description())).append("</strong>");
        if (c.work().legalHold() != null) {
            // Issue 22: kept past its retention period while this holds.
            org.advocacyhub.domain.casework.LegalHold hold = c.work().legalHold();
            html.append(" <strong class=\"tag tag--soon\">Legal hold</strong></p><p>Under a legal hold since ")
                    .append(escape(ConsoleText.when(hold.at()))).append(", set by ").append(escape(words.staff(hold.by()))).append(": ")
                    .append(escape(hold.reason().displayName())).append(". About: ").append(escape(hold.details()))
                    .append(". Nothing of the case is anonymised while it holds.");
        }
        html.append("</p>");
        next(html, c, service, calendar, now, forms);
        Casework work = c.work();
        summary(html, "Case", List.of(
                row("Reference", c.reference().value()),
                row("Service", c.details().service().displayName()),
                row("Received", ConsoleText.when(c.receivedAt())),
                row("Urgency", label(c.details().urgency())),
                row("Fixed date", c.details().fixedDate() == null ? "None" : ConsoleText.day(c.details().fixedDate())
                        + (c.details().fixedDateReason() == null ? "" : " (" + c.details().fixedDateReason() + ")")),
                row("Advocate", work.allocation() == null ? "Not allocated" : words.staff(work.allocation().advocateId())
                        + ", since " + ConsoleText.when(work.allocation().at()))));
        Person p = c.details().person();
        summary(html, "The person", List.of(
                row("Name", p.name()), row("Date of birth", p.dateOfBirth() == null ? "Not given" : ConsoleText.day(p.dateOfBirth()) + " (aged "
                        + java.time.Period.between(p.dateOfBirth(), now.atZone(WorkingCalendar.ZONE).toLocalDate()).getYears() + ")"), row("Gender", label(p.gender())),
                row("Where they live", label(p.residence()) + (p.placeName() == null ? "" : ": " + p.placeName())),
                row("Postcode", p.postcode() == null ? "Not given" : p.postcode()), row("Council area", words.authority(p.authority())),
                row("Communication needs", p.communicationNeeds() == null ? "None given" : p.communicationNeeds()),
                row("Language", (p.language() == null ? "English" : p.language()) + (p.interpreterNeeded() ? ", interpreter needed" : ""))));
        Referrer r = c.details().referrer();
        summary(html, "Referred by", List.of(
                row("Relationship", label(r.relationship())), row("Name", r.name()),
                row("Role and organisation", String.join(", ", nonNull(r.role(), r.organisation()))),
                row("Email", r.email() == null ? "Not given" : r.email()), row("Phone", r.phone() == null ? "Not given" : r.phone())));
        html.append("<h2>Reason for the referral</h2><p>").append(escape(c.details().reason())).append("</p>");
        screening(html, c);
        clocks(html, c, service, calendar, now);
        tasks(html, found.tasks(), words);
        plan(html, work);
        activities(html, found.activities(), found.time(), work, words);
        html.append("<h2 id=\"record\">Record the casework</h2>");
        for (CaseForms.Form form : forms) {
            boolean open = form.action().equals(shown.action());
            html.append("<details id=\"form-").append(form.action()).append("\"").append(open ? " open" : "").append("><summary>")
                    .append(escape(form.title())).append("</summary>")
                    .append("<form method=\"post\" action=\"").append(escape(staff.href("/console/cases/" + c.reference().value() + "/"
                            + form.action()))).append("\" id=\"do-").append(form.action()).append("\" novalidate>").append(staff.formFields())
                    .append(DisplayedCase.fields(c.version(), now));
            if (!form.hint().isEmpty()) {
                html.append("<p class=\"hint\">").append(escape(form.hint())).append("</p>");
            }
            form.render(fields.withIdPrefix(idPrefix(form)), html, open ? shown.values() : form.initial(), open ? shown.errors() : List.of());
            html.append("<button type=\"submit\">").append(escape(form.checksAnswers() ? "Continue" : form.button())).append("</button></form></details>");
        }
        timeline(html, found.timeline(), words);
        audit(html, found.audit(), words);
        String title = (shown.errors().isEmpty() ? "" : "Error: ") + "Case " + c.reference().value();
        return Console.render(staff, title, "", html.toString());
    }

    /**
     * What to do next, at the top of the page (issue 21): the soonest running deadline, and each form the case takes now,
     * one step away (a link opens the form further down; without JavaScript the browser opens it for its target).
     */
    private static void next(StringBuilder html, ReferralCase c, ServiceConfig service, WorkingCalendar calendar, Instant now,
                             List<CaseForms.Form> forms) {
        html.append("<div class=\"next\"><p><strong>Next deadline:</strong> ").append(escape(nextDeadline(c, service, calendar, now)))
                .append("</p>");
        if (!forms.isEmpty()) {
            html.append("<nav aria-label=\"What you can do\"><ul class=\"actions\">");
            forms.forEach(f -> html.append("<li><a href=\"#do-").append(f.action()).append("\">").append(escape(f.title()))
                    .append("</a></li>"));
            html.append("</ul></nav>");
        }
        html.append("</div>");
    }

    /** The case's soonest running clock, if one runs. */
    static Optional<SlaClock> nextClock(ReferralCase c, WorkingCalendar calendar) {
        return SlaClock.soonestRunning(c.clocks(), calendar);
    }

    /** A case's soonest running deadline in words ("First contact: Tue 24 Nov 2026, 17:00 (3 hours left)"), or that none runs. */
    static String nextDeadline(ReferralCase c, ServiceConfig service, WorkingCalendar calendar, Instant now) {
        return nextClock(c, calendar).map(k -> clockName(service, k.name()) + ": " + ConsoleText.when(k.dueAt(calendar).get())
                + " (" + ConsoleText.timeLeft(k.dueAt(calendar).get(), now, calendar) + ")").orElse("No running clock");
    }

    /** Every id of a form starts with its action: the case page holds several forms with the same fields ("when", "kind"). */
    static String idPrefix(CaseForms.Form form) {
        return form.action() + "-";
    }

    private static void screening(StringBuilder html, ReferralCase c) {
        html.append("<h2>Screening</h2>");
        if (c.screening() == null) {
            html.append("<p>Not screened yet.</p>");
            return;
        }
        ScreeningDecision d = c.screening().decision();
        html.append("<p>").append(escape(label(d.outcome()))).append(", ").append(escape(ConsoleText.when(c.screening().decidedAt())))
                .append(".</p>");
        if (!d.reasons().isEmpty()) {
            html.append("<ul>");
            d.reasons().forEach(reason -> html.append("<li>").append(escape(reason.plainEnglish())).append(" (")
                    .append(escape(reason.clause())).append(")</li>"));
            html.append("</ul>");
        }
        if (!d.informationNeeded().isEmpty()) {
            html.append("<p>Information needed:</p><ul>");
            d.informationNeeded().forEach(i -> html.append("<li>").append(escape(i.what())).append(", from ")
                    .append(escape(i.fromWhom())).append("</li>"));
            html.append("</ul>");
        }
    }

    private static void clocks(StringBuilder html, ReferralCase c, ServiceConfig service, WorkingCalendar calendar, Instant now) {
        html.append("<h2>Clocks</h2>");
        if (c.clocks().isEmpty()) {
            html.append("<p>No clocks.</p>");
            return;
        }
        html.append("<table><caption class=\"visually-hidden\">Clocks</caption><thead><tr><th scope=\"col\">Clock</th>")
                .append("<th scope=\"col\">Rule</th><th scope=\"col\">Due</th><th scope=\"col\">State</th></tr></thead><tbody>");
        for (SlaClock clock : c.clocks()) {
            String due = clock.dueAt(calendar).map(ConsoleText::when).orElse("Paused");
            String state;
            if (clock.isStopped()) {
                state = (clock.met(calendar) ? "Met" : "Missed") + ": stopped " + ConsoleText.when(clock.stoppedAt());
            } else if (clock.dueAt(calendar).isEmpty()) {
                state = "Paused";
            } else {
                state = ConsoleText.timeLeft(clock.dueAt(calendar).get(), now, calendar);
            }
            html.append("<tr><td data-label=\"Clock\">").append(escape(clockName(service, clock.name()))).append("</td>")
                    .append("<td data-label=\"Rule\">").append(escape(clock.rule().describe())).append("</td>")
                    .append("<td data-label=\"Due\">").append(escape(due)).append("</td>")
                    .append("<td data-label=\"State\">").append(tag(state, clock, calendar, now)).append("</td></tr>");
        }
        html.append("</tbody></table>");
    }

    /** The clock's state as a tag: late in red, due today in yellow, stopped in grey. */
    static String tag(String text, SlaClock clock, WorkingCalendar calendar, Instant now) {
        String kind;
        if (clock.isStopped()) {
            kind = clock.met(calendar) ? "" : " tag--late";
        } else if (clock.dueAt(calendar).isEmpty()) {
            kind = " tag--grey";
        } else {
            Instant due = clock.dueAt(calendar).get();
            kind = !due.isAfter(now) ? " tag--late" : ConsoleText.dueByEndOfToday(due, now) ? " tag--soon" : "";
        }
        return "<strong class=\"tag" + kind + "\">" + escape(text) + "</strong>";
    }

    /** A clock in the contract's words: "Allocate an advocate (LLR 9.38a)", or its name when the contract no longer has it. */
    static String clockName(ServiceConfig service, String name) {
        return service.findClock(name).map(d -> capitalised(d.description()) + " (" + d.clause() + ")").orElse(label(name));
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void tasks(StringBuilder html, List<CaseTask> tasks, ConsoleWords words) {
        List<CaseTask> open = tasks.stream().filter(CaseTask::open).toList();
        html.append("<h2>Tasks</h2>");
        if (open.isEmpty()) {
            html.append("<p>No open tasks.</p>");
            return;
        }
        html.append("<ul>");
        open.forEach(t -> html.append("<li>").append(escape(words.of(t.description()))).append(t.fromWhom() == null ? "" : " (from "
                + escape(t.fromWhom()) + ")").append("</li>"));
        html.append("</ul>");
    }

    private static void plan(StringBuilder html, Casework work) {
        html.append("<h2>Action plan</h2>");
        if (work.actionPlan().isEmpty()) {
            html.append("<p>No goals yet.</p>");
            return;
        }
        html.append("<ul>");
        for (Goal goal : work.actionPlan()) {
            html.append("<li>").append(escape(goal.text())).append(" <strong class=\"tag tag--grey\">")
                    .append(escape(goal.status().displayName())).append("</strong></li>");
        }
        html.append("</ul>");
    }

    private static void activities(StringBuilder html, List<CaseActivity> activities, List<TimeEntry> time, Casework work,
                                   ConsoleWords words) {
        html.append("<h2>Contacts and meetings</h2>");
        if (activities.isEmpty()) {
            html.append("<p>None recorded.</p>");
        } else {
            html.append("<table><caption class=\"visually-hidden\">Contacts and meetings</caption><thead><tr>")
                    .append("<th scope=\"col\">When</th><th scope=\"col\">What</th><th scope=\"col\">With the person</th>")
                    .append("<th scope=\"col\">Result</th><th scope=\"col\">By</th></tr></thead><tbody>");
            for (CaseActivity a : activities) {
                boolean contact = a.kind() == CaseActivity.Kind.CONTACT;
                html.append("<tr><td data-label=\"When\">").append(escape(ConsoleText.when(a.at()))).append("</td>")
                        .append("<td data-label=\"What\">").append(contact ? "Contact: " : "Meeting: ").append(escape(label(a.how())))
                        .append("</td><td data-label=\"With the person\">").append(a.withPerson() ? "Yes" : "No").append("</td>")
                        .append("<td data-label=\"Result\">").append(contact ? (a.achieved() ? "Reached them" : "Did not reach them")
                                : (a.achieved() ? "Held" : "Not held")).append("</td>")
                        .append("<td data-label=\"By\">").append(escape(words.staff(a.by()))).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<h2>Time</h2><p>").append(hours(work.hours().totalMinutes())).append(" in all: ")
                .append(hours(work.hours().directMinutes())).append(" direct, ").append(hours(work.hours().indirectMinutes()))
                .append(" indirect.</p>");
        if (!time.isEmpty()) {
            html.append("<table><caption class=\"visually-hidden\">Time entries</caption><thead><tr><th scope=\"col\">Date</th>")
                    .append("<th scope=\"col\">Minutes</th><th scope=\"col\">Kind</th><th scope=\"col\">Activity</th>")
                    .append("<th scope=\"col\">By</th></tr></thead><tbody>");
            for (TimeEntry t : time) {
                html.append("<tr><td data-label=\"Date\">").append(escape(ConsoleText.day(t.date()))).append("</td>")
                        .append("<td data-label=\"Minutes\">").append(t.minutes()).append("</td>")
                        .append("<td data-label=\"Kind\">").append(escape(t.kind().displayName())).append("</td>")
                        .append("<td data-label=\"Activity\">").append(escape(t.activity().displayName()
                                + (t.meeting() == null ? "" : ": " + t.meeting().displayName()))).append("</td>")
                        .append("<td data-label=\"By\">").append(escape(words.staff(t.author()))).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
    }

    private static void timeline(StringBuilder html, List<CaseEvent> timeline, ConsoleWords words) {
        html.append("<h2>Timeline</h2>");
        // A long history is one step away (issue 21), so that what to do stays near the top of the page.
        boolean collapsed = timeline.size() > HISTORY_OPEN;
        if (collapsed) {
            html.append("<details><summary>Show all ").append(timeline.size()).append(" entries</summary>");
        }
        html.append("<table><caption class=\"visually-hidden\">Timeline</caption><thead><tr>")
                .append("<th scope=\"col\">When</th><th scope=\"col\">What happened</th></tr></thead><tbody>");
        for (CaseEvent e : timeline) {
            html.append("<tr><td data-label=\"When\">").append(escape(ConsoleText.when(e.at()))).append("</td>")
                    .append("<td data-label=\"What happened\">").append(escape(words.of(e.description()))).append("</td></tr>");
        }
        html.append("</tbody></table>").append(collapsed ? "</details>" : "");
    }

    private static void audit(StringBuilder html, List<AuditEntry> audit, ConsoleWords words) {
        List<AuditEntry> newestFirst = new ArrayList<>(audit);
        newestFirst.sort((a, b) -> b.at().compareTo(a.at()));
        html.append("<h2>Audit trail</h2><p class=\"hint\">Every time a member of staff opened or changed this case (LLR 26.8).</p>");
        if (newestFirst.size() > AUDIT_SHOWN) {
            // Every view adds an entry: a case open for months would otherwise grow a page without end.
            html.append("<p>The ").append(AUDIT_SHOWN).append(" most recent of ").append(newestFirst.size()).append(" entries.</p>");
            newestFirst = newestFirst.subList(0, AUDIT_SHOWN);
        }
        boolean collapsed = newestFirst.size() > HISTORY_OPEN;
        if (collapsed) {
            html.append("<details><summary>Show ").append(newestFirst.size()).append(" entries</summary>");
        }
        html.append("<table><caption class=\"visually-hidden\">Audit trail</caption><thead><tr><th scope=\"col\">When</th>")
                .append("<th scope=\"col\">Who</th><th scope=\"col\">What</th></tr></thead><tbody>");
        for (AuditEntry a : newestFirst) {
            html.append("<tr><td data-label=\"When\">").append(escape(ConsoleText.when(a.at()))).append("</td>")
                    .append("<td data-label=\"Who\">").append(escape(words.staff(a.staffId()))).append("</td>")
                    .append("<td data-label=\"What\">").append(escape(words.of(a.action()))).append("</td></tr>");
        }
        html.append("</tbody></table>").append(collapsed ? "</details>" : "");
    }

    private static String[] row(String key, String value) {
        return new String[] {key, value};
    }

    private static void summary(StringBuilder html, String heading, List<String[]> rows) {
        html.append("<h2>").append(escape(heading)).append("</h2><dl>");
        for (String[] row : rows) {
            html.append("<div><dt>").append(escape(row[0])).append("</dt><dd>").append(escape(row[1] == null || row[1].isEmpty()
                    ? "Not given" : row[1])).append("</dd></div>");
        }
        html.append("</dl>");
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    /** A choice's words, or an enum constant's name in lower case words. */
    static String label(Object value) {
        if (value instanceof Choice choice) {
            return choice.displayName();
        }
        String text = String.valueOf(value).replace('_', ' ').toLowerCase(Locale.UK);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String hours(long minutes) {
        return minutes / 60 + " h " + String.format(Locale.UK, "%02d", minutes % 60) + " min";
    }
}
