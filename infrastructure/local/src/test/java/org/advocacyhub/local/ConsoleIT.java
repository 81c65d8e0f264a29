package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The staff console over HTTP on the {@code ./run-local} stack (issue 13): signing in through the
 * local hosted sign-in and coming back to the page asked for; allocation from the waiting list
 * with a refusal that names its rule and clause; advocates' limits (initials on the waiting list,
 * no other advocate's case); the case page's audit; a form's errors named; a CSRF token refused
 * with nothing changed; signing out. The real-browser walk-through is {@link ConsoleBrowserIT}.
 */
class ConsoleIT {

    private static LocalHub hub;
    private static LocalHub.Running running;
    private static String base;
    private static String imca;
    private static String dols;

    @BeforeAll
    static void start() throws Exception {
        hub = new LocalHub();
        running = HubSteps.start(hub, "2026-11-23T10:00:00Z");
        base = "http://localhost:" + running.port();
        imca = HubSteps.refer(running, "referral-imca.json");
        dols = HubSteps.refer(running, "referral-dols-imca.json");
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void signingInComesBackToThePageAskedForWithAnHttpOnlySecureLaxCookieAndPagesAreNoStoreUnderTheStrictCsp() throws Exception {
        ConsoleClient browser = new ConsoleClient(base);
        ConsoleClient.Page chooser = browser.get("/console/waiting-list?contract=LLR");
        assertTrue(chooser.location().contains("/_local/cognito/oauth2/authorize"), chooser.location());
        assertTrue(chooser.html().contains("Morgan Manager"), "the local sign-in lists the demo team");
        assertTrue(browser.cookies().containsKey("hub_signin"), "the sign-in's state and verifier wait in a cookie");

        ConsoleClient.Page list = browser.choose(chooser, "Morgan Manager");
        assertEquals(200, list.status(), String.join("\n", browser.trace()));
        assertTrue(list.location().endsWith("/console/waiting-list?contract=LLR"), list.location());
        assertTrue(list.html().contains("<h1>Waiting list</h1>"));
        assertEquals("no-store", list.header("Cache-Control"));
        assertTrue(list.header("Content-Security-Policy").startsWith("default-src 'none'"), list.header("Content-Security-Policy"));
        String session = browser.setCookies().stream().filter(c -> c.startsWith("hub_session=")).findFirst().orElseThrow();
        for (String attribute : List.of("HttpOnly", "Secure", "SameSite=Lax", "Path=/console")) {
            assertTrue(session.contains(attribute), "the session cookie is " + attribute + ": " + session.replaceAll("=[^;]*", "=..."));
        }
        ConsoleClient again = new ConsoleClient(base);
        assertTrue(again.get("/console").location().contains("/_local/cognito/"), "a browser without the cookie is sent to sign in");
    }

    @Test
    void llr549aDolsCaseIsOfferedOnlyToQualifiedAdvocatesAndARefusedChoiceNamesTheRuleAndClause() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        ConsoleClient.Page list = manager.signIn("Morgan Manager");
        list = manager.get("/console/waiting-list?contract=LLR");
        String row = row(list.html(), dols);
        assertTrue(row.contains("Bernard Sample"), "managers see the name");
        assertTrue(row.contains("value=\"ira-imca\""), "Ira is qualified for DoLS: " + row);
        assertFalse(row.contains("<option value=\"hana-imha\""), "Hana has no unit 310: not offered");
        assertTrue(row.contains("LLR 5.49"), "why Hana is not offered: " + row);

        // A stale form (or a forged one) naming someone the rules refuse: the rule and clause, and nothing allocated.
        ConsoleClient.Page refused = manager.submit(list, "/console/cases/" + dols + "/allocation", Map.of("advocateId", "hana-imha"));
        assertEquals(422, refused.status(), refused.html());
        assertTrue(refused.html().contains("There is a problem") && refused.html().contains("(LLR 5.49"), refused.html());
        assertTrue(row(refused.html(), dols).contains("Allocate"), "still waiting");

        ConsoleClient.Page allocated = manager.submit(manager.get("/console/waiting-list?contract=LLR"),
                "/console/cases/" + dols + "/allocation", Map.of("advocateId", "ira-imca"));
        assertEquals(200, allocated.status(), allocated.html());
        assertTrue(allocated.location().endsWith("/console/waiting-list?contract=LLR&allocated=" + dols), allocated.location());
        assertFalse(allocated.html().contains(">" + dols + "<"), "off the waiting list once allocated");
        // Issue 21: what happened, in words.
        assertTrue(allocated.html().contains(dols + " is allocated to Ira Imca, who is being emailed about it."), allocated.html());
    }

    @Test
    void issue21AllocationChoosesNobodyForTheManagerAndShowsEachAdvocatesOpenCases() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        manager.signIn("Morgan Manager");
        String reference = HubSteps.refer(running, "referral-imca.json");
        ConsoleClient.Page list = manager.get("/console/waiting-list?contract=LLR");
        String row = row(list.html(), reference);
        assertTrue(row.contains("<option value=\"\">Choose an advocate</option><option value=\""), "nobody preselected: " + row);
        java.util.regex.Matcher ira = WORKLOAD.matcher(row);
        assertTrue(ira.find(), "her caseload and hours this month: " + row);
        // Sent without a choice: the form's error, nothing allocated.
        ConsoleClient.Page unchosen = manager.submit(list, "/console/cases/" + reference + "/allocation", Map.of());
        assertEquals(400, unchosen.status(), String.join("\n", manager.trace()));
        assertTrue(row(unchosen.html(), reference).contains("Allocate"), "still waiting");

        // Ira records 1 h 30 min on a case of hers in the console: her hours this month beside her name grow by that much.
        String hers = allocated(new ConsoleClient(base), "referral-imca.json", "ira-imca");
        ConsoleClient advocate = new ConsoleClient(base);
        advocate.signIn("Ira Imca");
        ConsoleClient.Page recorded = advocate.submit(advocate.get("/console/cases/" + hers), "/console/cases/" + hers + "/time",
                Map.of("minutes", "90", "kind", "DIRECT", "activity", "FACE_TO_FACE"));
        assertEquals(200, recorded.status(), recorded.html());
        java.util.regex.Matcher after = WORKLOAD.matcher(row(manager.get("/console/waiting-list?contract=LLR").html(), reference));
        assertTrue(after.find());
        assertEquals(minutes(ira) + 90, minutes(after), "hours this month: " + after.group());
        assertEquals(Integer.parseInt(ira.group(1)) + 1, Integer.parseInt(after.group(1)), "one more open case: " + after.group());
    }

    @Test
    void issue21ClosingACaseShowsTheAnswersToCheckFirstAndChangesNothingUntilTheyAreSent() throws Exception {
        String reference = allocated(new ConsoleClient(base), "referral-imca.json", "ira-imca");
        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        String path = "/console/cases/" + reference;
        ConsoleClient.Page planned = ira.submit(ira.get(path), path + "/action-plan",
                Map.of("goals.0.text", "Move home", "goals.0.status", "IN_PROGRESS"));
        assertEquals(200, planned.status(), planned.html());

        // Sent without the goal's outcome: the form again with every error of it at once, the goal named.
        ConsoleClient.Page missing = ira.submit(ira.get(path), path + "/closure", Map.of("reason", "OUTCOME_REACHED"));
        assertEquals(400, missing.status(), missing.html());
        int errorsAt = missing.html().indexOf("class=\"error-summary\"");
        String summary = missing.html().substring(errorsAt, missing.html().indexOf("</ul>", errorsAt));
        assertTrue(summary.contains("Move home") && summary.contains("ummary"), "the goal and the summary in one round: " + summary);

        Map<String, String> answers = Map.of("reason", "OUTCOME_REACHED", "goals.0.outcome", "ACHIEVED", "summary", "Moved to her new home");
        ConsoleClient.Page check = ira.submit(ira.get(path), path + "/closure", answers);
        assertEquals(200, check.status(), check.html());
        assertTrue(check.html().contains("<h1>Check your answers before you close the case</h1>"), check.html());
        for (String said : List.of("Outcome of: Move home", "Achieved", "Moved to her new home")) {
            assertTrue(check.html().contains(said), said + " on the check page");
        }
        assertTrue(ira.get(path).html().contains("id=\"form-closure\""), "nothing closed yet: the closure is still offered");

        // "Change your answers": the form again, open, with what was typed.
        ConsoleClient.Page changing = ira.submit(check, path + "/closure", Map.of("checked", "change"));
        assertEquals(200, changing.status(), changing.html());
        assertTrue(changing.html().contains("<details id=\"form-closure\" open>"), "the closure form is open");
        assertTrue(changing.html().contains(">Moved to her new home</textarea>"), "the summary kept");

        ConsoleClient.Page again = ira.submit(changing, path + "/closure", Map.of("summary", "Moved to her new home in May"));
        assertTrue(again.html().contains("Moved to her new home in May"), again.html());
        ConsoleClient.Page closed = ira.submit(again, path + "/closure", Map.of("checked", "send"));
        assertEquals(200, closed.status(), closed.html());
        assertTrue(closed.location().endsWith(path + "?saved=closure"), closed.location());
        assertTrue(closed.html().contains("Case closed."), "said on the case page");
        assertFalse(closed.html().contains("id=\"form-closure\""), "closed: no closure form");
    }

    @Test
    void issue21TwentyTabsSendingOneCheckedClosureAtOnceCloseTheCaseOnce() throws Exception {
        String reference = allocated(new ConsoleClient(base), "referral-imca.json", "ira-imca");
        String path = "/console/cases/" + reference;
        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        ConsoleClient.Page check = ira.submit(ira.get(path), path + "/closure", Map.of("reason", "OUTCOME_REACHED",
                "summary", "Represented at the meeting"));
        assertEquals(200, check.status(), check.html());
        ConsoleClient.Form send = ira.form(check, path + "/closure");
        Map<String, String> body = new java.util.LinkedHashMap<>(send.values());
        body.put("checked", "send");
        // The same check page's button pressed in 20 tabs (one session, one form) at once.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ConsoleClient.Page>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ConsoleClient tab = new ConsoleClient(base);
                tab.cookies().putAll(ira.cookies());
                answers.add(pool.submit(() -> {
                    start.await();
                    return tab.post(send.action(), body);
                }));
            }
            start.countDown();
            for (var answer : answers) {
                statuses.add(answer.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(statuses.contains(200), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), "closed, or told it is being done: " + statuses);
        RawHttp.Response view = RawHttp.send(running.port(), "GET", "/cases/" + reference, List.of("Authorization: Bearer "
                + running.jwt().issue("local-manager", "manager", Duration.ofHours(1))));
        assertEquals(200, view.status(), view.text());
        assertEquals(1, view.text().split("\"type\":\"CLOSED\"", -1).length - 1, "one closure on the timeline: " + view.text());
    }

    @Test
    void issue22AManagerPutsACaseUnderALegalHoldFromItsPageAndLiftsItAndAnAdvocateIsNotOfferedEither() throws Exception {
        String reference = allocated(new ConsoleClient(base), "referral-imca.json", "ira-imca");
        String path = "/console/cases/" + reference;
        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        assertFalse(ira.get(path).html().contains("legal-hold"), "an advocate is not offered the hold");

        ConsoleClient manager = new ConsoleClient(base);
        manager.signIn("Morgan Manager");
        ConsoleClient.Page empty = manager.submit(manager.get(path), path + "/legal-hold", Map.of());
        assertEquals(400, empty.status());
        assertTrue(empty.html().contains("Select why the case is held") && empty.html().contains("Enter what the hold is about"));
        ConsoleClient.Page held = manager.submit(manager.get(path), path + "/legal-hold",
                Map.of("reason", "COMPLAINT", "details", "Complaint of 2 December about the visit"));
        assertEquals(200, held.status(), held.html());
        assertTrue(held.html().contains("Legal hold set.") && held.html().contains(">Legal hold</strong>"), "said, and tagged");
        assertTrue(held.html().contains("set by Morgan Manager: A complaint about the case. About: Complaint of 2 December about the visit"),
                "since when, by whom and why");
        assertFalse(held.html().contains("id=\"form-legal-hold\""), "held: only the lifting is offered");
        ConsoleClient.Page lifted = manager.submit(held, path + "/legal-hold-lift", Map.of("reason", "The complaint was resolved"));
        assertEquals(200, lifted.status(), lifted.html());
        assertTrue(lifted.html().contains("Legal hold lifted.") && !lifted.html().contains(">Legal hold</strong>"));
        assertTrue(lifted.html().contains("Legal hold lifted (A complaint about the case)"), "on the timeline");
    }

    /** An allocation candidate's workload as the waiting list shows it: open cases, then hours and minutes this month. */
    private static final java.util.regex.Pattern WORKLOAD = java.util.regex.Pattern.compile(
            "Ira Imca \\((\\d+) open cases?, (?:(\\d+) h)? ?(?:(\\d+) min)? this month\\)");

    private static int minutes(java.util.regex.Matcher workload) {
        return (workload.group(2) == null ? 0 : Integer.parseInt(workload.group(2)) * 60)
                + (workload.group(3) == null ? 0 : Integer.parseInt(workload.group(3)));
    }

    @Test
    void requirements8AdvocatesSeeInitialsOnTheWaitingListAndNotOtherAdvocatesCases() throws Exception {
        ConsoleClient hana = new ConsoleClient(base);
        hana.signIn("Hana Imha");
        ConsoleClient.Page list = hana.get("/console/waiting-list?contract=LLR");
        assertEquals(200, list.status());
        assertTrue(list.html().contains(imca) || list.html().contains("No case is waiting"), list.html());
        assertFalse(list.html().contains("Alex Testperson"), "no name on an advocate's waiting list");
        assertFalse(list.html().contains("/allocation"), "no allocation for advocates");
        assertFalse(list.html().contains("href=\"/console/cases/" + imca + "\""), "no link to a page she may not open (issue 21)");
        assertEquals(403, hana.get("/console/cases/" + imca).status(), "an advocate opens only their own cases");
        assertEquals(403, hana.get("/console/staff").status(), "the directory is for managers");
    }

    @Test
    void issue21AnAdvocatesHomeListsHerCasesSoonestDeadlineFirst() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        String first = allocated(manager, "referral-imca.json", "ira-imca");
        // The first case's contact is made: its next deadline is the meeting, days away.
        HubSteps.later(running, Duration.ofMinutes(10));
        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        ConsoleClient.Page contact = ira.submit(ira.get("/console/cases/" + first), "/console/cases/" + first + "/contacts",
                Map.of("method", "PHONE", "withPerson", "yes", "successful", "yes"));
        assertEquals(200, contact.status(), contact.html());
        String second = allocated(new ConsoleClient(base), "referral-imca.json", "ira-imca");
        String home = ira.get("/console").html();
        int firstAt = home.indexOf(">" + first + "</a></td>");
        int secondAt = home.indexOf(">" + second + "</a></td>");
        assertTrue(firstAt > 0 && secondAt > 0, home);
        assertTrue(secondAt < firstAt, "the case whose contact is due comes before the one whose meeting is days away");
        assertTrue(home.matches("(?s).*Your open cases \\(\\d+\\).*"), "with a count");
    }

    @Test
    void issue21AMessageKeyedInTwiceFromOneFormIsStoredOnceAndAnotherContractsAdvocateMayNotKeyIn() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        manager.signIn("Morgan Manager");
        ConsoleClient.Page page = manager.get("/console/answerphone?contract=LLR");
        Map<String, String> message = Map.of("callerName", "Twice Caller", "callbackNumber", "0116 496 0002");
        ConsoleClient.Page first = manager.submit(page, "/console/answerphone?contract=LLR", message);
        ConsoleClient.Page second = manager.submit(page, "/console/answerphone?contract=LLR", message);
        assertEquals(200, second.status(), second.html());
        assertEquals(first.location(), second.location(), "the same message, the same 303");
        assertTrue(second.html().matches("(?s).*Message keyed in as AP-LLR-\\d{4}-\\d{6}.*"), second.html());
        RawHttp.Response listed = RawHttp.send(running.port(), "GET", "/answerphone-messages?contract=LLR", List.of("Authorization: Bearer "
                + running.jwt().issue("local-manager", "manager", Duration.ofHours(1))), new byte[0]);
        assertEquals(1, listed.text().split("Twice Caller", -1).length - 1, "stored once: " + listed.text());

        ConsoleClient cai = new ConsoleClient(base);
        cai.signIn("Cai Cyp");
        ConsoleClient.Page refused = cai.submit(page, "/console/answerphone?contract=LLR", Map.of("csrf", ConsoleClient.csrf(cai.get("/console")),
                "callerName", "Not Hers"));
        assertEquals(403, refused.status(), "Cai works in LEW only");
        assertFalse(RawHttp.send(running.port(), "GET", "/answerphone-messages?contract=LLR", List.of("Authorization: Bearer "
                + running.jwt().issue("local-manager", "manager", Duration.ofHours(1))), new byte[0]).text().contains("Not Hers"));
    }

    @Test
    void issue21OpenCasesAreListedSoonestDeadlineFirstWithTheAdvocateAndAnAdvocateListsHerOwnOnly() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        String early = allocated(manager, "referral-imca.json", "ira-imca");
        HubSteps.later(running, Duration.ofHours(2));
        String later = allocated(new ConsoleClient(base), "referral-imca.json", "ira-imca");
        String hana = allocated(new ConsoleClient(base), "referral-imha.json", "hana-imha");

        ConsoleClient morgan = new ConsoleClient(base);
        morgan.signIn("Morgan Manager");
        String all = morgan.get("/console/cases?contract=LLR&advocateId=ira-imca").html();
        int earlyAt = all.indexOf(">" + early + "</a>");
        int laterAt = all.indexOf(">" + later + "</a>");
        assertTrue(earlyAt > 0 && laterAt > earlyAt, "the case allocated first is due first: " + all);
        assertTrue(row(all, early).contains("Ira Imca"), "with its advocate");
        assertFalse(all.contains(">" + hana + "</a>"), "filtered by advocate");

        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        String hers = ira.get("/console/cases?contract=LLR&advocateId=hana-imha").html();
        assertTrue(hers.contains(">" + early + "</a>"), "an advocate's list is her own cases, whatever she asks");
        assertFalse(hers.contains(">" + hana + "</a>"), "and never another advocate's");
        assertTrue(hers.contains("<h1>Your open cases</h1>"), hers);
    }

    @Test
    void issue21AnUnknownConsoleAddressIsTheConsolesOwnNotFoundPageWithItsHeader() throws Exception {
        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        ConsoleClient.Page missing = ira.get("/console/no/such-page");
        assertEquals(404, missing.status());
        assertTrue(missing.header("Content-Type").startsWith("text/html"), missing.header("Content-Type"));
        assertTrue(missing.html().contains("There is no page at this address") && missing.html().contains("Sign out")
                && missing.html().contains("aria-label=\"Console\""), "the console's header and a way back: " + missing.html());
        // Signed out, the address is kept for after sign-in, as any console page's is.
        assertTrue(new ConsoleClient(base).get("/console/no/such-page").location().contains("/_local/cognito/"));
    }

    @Test
    void issue20AnActionPlanFormWithAFieldItDoesNotReadIsRefusedAndThePlanIsKept() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        String reference = allocated(manager, "referral-imca.json", "ira-imca");
        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        ConsoleClient.Page page = ira.get("/console/cases/" + reference);
        ConsoleClient.Page saved = ira.submit(page, "/action-plan", Map.of("goals.0.text", "See the care home",
                "goals.0.status", "NOT_STARTED"));
        assertTrue(saved.location().contains("saved=action-plan"), String.join("\n", ira.trace()));

        // The form as sent by hand: its hidden fields, no row it showed, and a row 60 it never reads.
        ConsoleClient.Form form = ira.form(saved, "/action-plan");
        Map<String, String> body = new java.util.LinkedHashMap<>(form.values());
        body.keySet().removeIf(name -> name.startsWith("goals."));
        body.put("goals.60.text", "x");
        body.put("goals.60.status", "NOT_STARTED");
        ConsoleClient.Page refused = ira.post(form.action(), body);
        assertEquals(400, refused.status(), String.join("\n", ira.trace()));
        assertTrue(refused.html().contains("is not a field of an action plan"), refused.html());
        assertTrue(ira.get("/console/cases/" + reference).html().contains("See the care home"), "the plan keeps its goal");
    }

    @Test
    void issue20AFormFromSomeoneWhoMayNotSendItIsRefusedBeforeItIsReadAndTheRefusalIsOnTheCase() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        String reference = allocated(manager, "referral-imca.json", "ira-imca");
        ConsoleClient cai = new ConsoleClient(base);
        String csrf = ConsoleClient.csrf(cai.signIn("Cai Cyp"));
        // Another advocate's contact with a value no person types (a control character): 403, not the form's errors.
        ConsoleClient.Page contact = cai.post("/console/cases/" + reference + "/contacts", Map.of("csrf", csrf,
                "formId", java.util.UUID.randomUUID().toString(), "method", "PHONE\u0007", "withPerson", "yes"));
        assertEquals(403, contact.status(), contact.html());
        assertFalse(contact.html().contains("PHONE") || contact.html().contains(reference), "nothing of the form or the case");
        // Ira, whose case it is, may not move it (a manager's form): 403 too, where it was "no such form".
        ConsoleClient ira = new ConsoleClient(base);
        assertEquals(403, ira.post("/console/cases/" + reference + "/reallocation", Map.of("csrf", ConsoleClient.csrf(ira.signIn("Ira Imca")),
                "formId", java.util.UUID.randomUUID().toString(), "advocateId", "ira-imca")).status());

        String audit = manager.get("/console/cases/" + reference).html();
        assertTrue(audit.contains("refused: sent the form to record a contact (This case is not allocated to you.)"), audit);
        assertTrue(audit.contains("refused: sent the form to move the case to another advocate (Only managers can do this.)"), audit);
    }

    @Test
    void theCasePageShowsTheRecordAndAuditsItsViewAContactStopsItsClockAndErrorsAreNamed() throws Exception {
        String reference = HubSteps.refer(running, "referral-imca.json");
        ConsoleClient manager = new ConsoleClient(base);
        manager.signIn("Morgan Manager");
        ConsoleClient.Page allocated = manager.submit(manager.get("/console/waiting-list?contract=LLR"),
                "/console/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"));
        assertEquals(200, allocated.status());

        // An hour on: the advocate records what they did since (a time typed is never before the referral arrived).
        HubSteps.later(running, Duration.ofHours(1));
        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        ConsoleClient.Page home = ira.get("/console");
        assertTrue(home.html().contains(reference), "the advocate's home lists their case");
        ConsoleClient.Page page = ira.get("/console/cases/" + reference);
        assertEquals(200, page.status(), page.html());
        assertTrue(page.html().contains("Alex Testperson"), "full details on their own case");
        assertTrue(page.html().contains("1941 (aged 85)"), "age beside the date of birth");
        assertTrue(page.html().contains("Ira Imca</td><td data-label=\"What\">viewed the case"), "the view is in the audit trail, by name");

        ConsoleClient.Page invalid = ira.submit(page, "/console/cases/" + reference + "/contacts",
                Map.of("withPerson", "yes", "successful", "yes"));
        assertEquals(400, invalid.status());
        assertTrue(invalid.html().contains("href=\"#contacts-method-PHONE\">Select how contact was made</a>"), invalid.html());

        ConsoleClient.Page forged = ira.submit(page, "/console/cases/" + reference + "/contacts",
                Map.of("csrf", "forged", "method", "PHONE", "withPerson", "yes", "successful", "yes"));
        assertEquals(403, forged.status());
        assertTrue(ira.get("/console/cases/" + reference).html().contains("<h2>Contacts and meetings</h2><p>None recorded.</p>"),
                "nothing recorded by a forged form");

        ConsoleClient.Page saved = ira.submit(page, "/console/cases/" + reference + "/contacts",
                Map.of("method", "PHONE", "withPerson", "yes", "successful", "yes"));
        assertEquals(200, saved.status(), saved.html());
        assertTrue(saved.location().contains("saved=contacts"), saved.location());
        assertTrue(saved.html().contains("Contact recorded."));
        assertTrue(saved.html().matches("(?s).*<td data-label=\"State\"><strong class=\"tag\">Met: stopped.*"), "the contact clock stopped, met");
    }

    @Test
    void issue19AFormPostedTwiceRecordsOnceAndShowsTheSavedResultAndAStaleFormComesBackWithWhatChanged() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        String reference = allocated(manager, "referral-imca.json", "ira-imca");
        HubSteps.later(running, Duration.ofMinutes(30));
        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");

        // Posted twice (a double click, or the browser resending it): done once, and the second sees what the first saved.
        ConsoleClient.Page page = ira.get("/console/cases/" + reference);
        Map<String, String> phoned = Map.of("method", "PHONE", "withPerson", "yes", "successful", "yes");
        ConsoleClient.Page first = ira.submit(page, "/console/cases/" + reference + "/contacts", phoned);
        ConsoleClient.Page second = ira.submit(page, "/console/cases/" + reference + "/contacts", phoned);
        assertEquals(200, second.status(), String.join("\n", ira.trace()));
        assertEquals(first.location(), second.location(), "the same 303 as the first");
        assertTrue(second.html().contains("Contact recorded."));
        assertEquals(1, contacts(ira.get("/console/cases/" + reference).html()), "one contact");

        // A form opened, then the case changes (a meeting recorded in another tab), then the form is sent.
        ConsoleClient.Page opened = ira.get("/console/cases/" + reference);
        HubSteps.later(running, Duration.ofMinutes(5));
        ConsoleClient.Page otherTab = ira.get("/console/cases/" + reference);
        assertEquals(200, ira.submit(otherTab, "/console/cases/" + reference + "/meetings",
                Map.of("held", "yes", "kind", "WITH_PERSON")).status());
        ConsoleClient.Page stale = ira.submit(opened, "/console/cases/" + reference + "/contacts",
                Map.of("method", "VISIT", "withPerson", "yes", "successful", "no"));

        assertEquals(409, stale.status(), stale.html());
        assertTrue(stale.html().contains("The case changed since you opened this form, so it was not saved."), stale.html());
        assertTrue(stale.html().matches("(?s).*<li>Since then, [A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}: Meeting: "
                + "Meeting the person at [^<]*</li>.*"), "what changed, in the timeline's words: " + stale.html());
        assertFalse(stale.html().contains("/console/cases/" + reference + "/meetings</li>"), "no route paths");
        assertTrue(stale.html().contains("id=\"contacts-method-VISIT\" name=\"method\" type=\"radio\" value=\"VISIT\" checked"),
                "the values kept");
        assertEquals(1, contacts(ira.get("/console/cases/" + reference).html()), "nothing saved from the stale form");

        ConsoleClient.Page resent = ira.submit(stale, "/console/cases/" + reference + "/contacts", Map.of());
        assertEquals(200, resent.status(), String.join("\n", ira.trace()));
        assertTrue(resent.location().contains("saved=contacts"), "sent again from the page that said what changed, it is saved");
        assertEquals(2, contacts(resent.html()));
    }

    /** How many contacts a case page lists. */
    private static int contacts(String html) {
        return html.split("<td data-label=\"What\">Contact: ", -1).length - 1;
    }

    @Test
    void signingOutClearsTheSessionAndNeedsTheFormsCsrfToken() throws Exception {
        ConsoleClient browser = new ConsoleClient(base);
        ConsoleClient.Page home = browser.signIn("Morgan Manager");
        assertEquals(403, browser.post("/console/sign-out", Map.of("csrf", "guess")).status(), "no sign-out by another site's form");
        ConsoleClient.Page out = browser.submit(home, "/console/sign-out", Map.of());
        assertTrue(out.location().endsWith("/console/signed-out"), out.location());
        assertFalse(browser.cookies().containsKey("hub_session"));
        assertTrue(browser.get("/console").location().contains("/_local/cognito/"));
    }

    @Test
    void issue20SigningOutEndsTheSessionSoTheOldCookieAndCsrfTokenChangeNothing() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        String reference = allocated(manager, "referral-imca.json", "ira-imca");
        HubSteps.later(running, Duration.ofMinutes(30));
        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        ConsoleClient.Page page = ira.get("/console/cases/" + reference);
        String cookie = ira.cookies().get("hub_session");

        ConsoleClient.Page out = ira.submit(page, "/console/sign-out", Map.of());
        assertTrue(out.location().endsWith("/console/signed-out"), out.location());
        ira.cookies().put("hub_session", cookie);
        ConsoleClient.Page replayed = ira.submit(page, "/console/cases/" + reference + "/contacts",
                Map.of("method", "PHONE", "withPerson", "yes", "successful", "yes"));
        assertTrue(replayed.location().contains("/_local/cognito/"), "the old cookie and CSRF token: sent to sign in. "
                + String.join("\n", ira.trace()));
        assertEquals(0, contacts(manager.get("/console/cases/" + reference).html()), "nothing was recorded");
        assertTrue(ira.get("/console/cases/" + reference).location().contains("/_local/cognito/"), "nor read");
    }

    @Test
    void issue20DeactivatingAnAdvocateEndsHerTokenAndSessionAtOnceAndPutsHerCasesOnTheDutyManagersHome() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        String reference = allocated(manager, "referral-imha.json", "hana-imha");
        ConsoleClient hana = new ConsoleClient(base);
        hana.signIn("Hana Imha");
        assertEquals(200, hana.get("/console/cases/" + reference).status());
        String hanaToken = "Authorization: Bearer " + running.jwt().issue("local-imha-advocate", "advocate", Duration.ofHours(1));
        assertEquals(200, RawHttp.send(running.port(), "GET", "/cases/" + reference, List.of(hanaToken)).status());

        // A manager deactivates her: her record as the demo team has it, not active.
        String record = DemoTeam.members(java.time.LocalDate.of(2026, 11, 23)).stream().filter(m -> m.staffId().equals("hana-imha"))
                .findFirst().orElseThrow().body().replace("\"active\":true", "\"active\":false");
        String managerToken = "Authorization: Bearer " + running.jwt().issue("local-manager", "manager", Duration.ofHours(1));
        RawHttp.Response put = RawHttp.send(running.port(), "PUT", "/staff/hana-imha", List.of(managerToken,
                "Content-Type: application/json"), record.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, put.status(), put.text());
        try {
            deactivated(reference, manager, hana, hanaToken);
        } finally {
            // The stack is shared by this class's tests: she is active again for theirs, and an administrator enables her
            // account in the (local) user pool, which the hub's own role may not do.
            assertEquals(200, RawHttp.send(running.port(), "PUT", "/staff/hana-imha", List.of(managerToken, "Content-Type: application/json"),
                    record.replace("\"active\":false", "\"active\":true").getBytes(java.nio.charset.StandardCharsets.UTF_8)).status());
            assertEquals(200, RawHttp.send(running.port(), "POST", "/_local/cognito/", List.of("Content-Type: application/x-amz-json-1.1",
                    "X-Amz-Target: AWSCognitoIdentityProviderService.AdminEnableUser"), "{\"UserPoolId\":\"eu-west-2_local\",\"Username\":\"local-imha-advocate\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).status());
        }
    }

    private void deactivated(String reference, ConsoleClient manager, ConsoleClient hana, String hanaToken) throws Exception {
        RawHttp.Response api = RawHttp.send(running.port(), "GET", "/cases/" + reference, List.of(hanaToken));
        assertEquals(403, api.status(), "her bearer token: " + api.text());
        ConsoleClient.Page page = hana.get("/console/cases/" + reference);
        assertEquals(403, page.status(), "her open console session");
        assertTrue(page.html().contains("Your staff record is not active"), page.html());
        assertFalse(page.html().contains(reference), "nothing about the case");

        ConsoleClient.Page home = manager.get("/console");
        assertTrue(home.html().contains("Cases to move: held by staff who are no longer active"), home.html());
        assertTrue(row(home.html(), reference).contains("Hana Imha (no longer active)"), row(home.html(), reference));
        assertTrue(manager.get("/console/cases/" + reference).html().contains("/console/cases/" + reference + "/reallocation"),
                "the case page offers to move it");
        // Her account in the (local) user pool is disabled: she cannot sign in again.
        ConsoleClient again = new ConsoleClient(base);
        ConsoleClient.Page chooser = again.get("/console");
        assertTrue(chooser.html().contains("account disabled: their staff record was deactivated"), chooser.html());
        assertEquals(403, again.choose(chooser, "Hana Imha").status(), "a disabled account does not sign in");
        String audit = manager.get("/console/cases/" + reference).html();
        assertEquals(2, audit.split(java.util.regex.Pattern.quote("refused: opened or changed the case (their staff record is not active)"), -1)
                .length - 1, "both her refused reads are on the record: her token's and her console session's");
    }

    /** A new referral from {@code example}, screened and allocated to {@code advocateId} by {@code manager}, signed in for it. */
    private static String allocated(ConsoleClient manager, String example, String advocateId) throws Exception {
        String reference = HubSteps.refer(running, example);
        manager.signIn("Morgan Manager");
        assertEquals(200, manager.submit(manager.get("/console/waiting-list?contract=LLR"), "/console/cases/" + reference + "/allocation",
                Map.of("advocateId", advocateId)).status());
        return reference;
    }

    /** The table row of a case on a page. */
    private static String row(String html, String reference) {
        int at = html.indexOf(">" + reference + "<");
        assertTrue(at >= 0, reference + " is not on the page");
        return html.substring(html.lastIndexOf("<tr>", at), html.indexOf("</tr>", at));
    }


}
