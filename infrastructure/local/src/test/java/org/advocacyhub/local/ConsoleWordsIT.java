package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: staff read the console in their own words. Every console page a manager and an advocate can reach on a busy
 * stack (cases of each service in each state, time, an action plan, a closed case, answerphone messages, a report), and
 * each case form's error state, is read as a person sees it, its visible text scanned for what no person should have to
 * read: ISO timestamps and dates, codes as stored ({@code UNABLE_TO_AGREE}, {@code LEICESTER}), staff ids, JSON's braces
 * and route paths.
 */
class ConsoleWordsIT {

    /** A timestamp or date as ISO 8601 writes it. */
    private static final Pattern ISO = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)?\\b");
    /** A code as stored: capitals with an underscore, or a capitalised word no person writes in capitals. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{4,}\\b");
    /** Capitals people do write: services, contracts, councils' abbreviations, the law's. */
    private static final Set<String> WORDS_IN_CAPITALS = Set.of("IMCA", "IMHA", "DOLS", "DERBY", "ICAS", "NQIA", "KPIS", "WCAG",
            "AWOL", "CWCN",
            // The name of the law a data protection request cites (issue 22), as staff read it in the ICO's guidance.
            "GDPR");
    private static final Pattern ROUTE = Pattern.compile("\\b(?:GET|POST|PUT|HEAD) /|(?<![\\w.])/(?:cases|referrals|staff|reports|"
            + "answerphone-messages|waiting-list|console)(?:/|\\b)");
    private static final List<String> STAFF_IDS = List.of("morgan-manager", "ira-imca", "hana-imha", "cai-cyp", "hub-manager");

    private static LocalHub hub;
    private static LocalHub.Running running;
    private static String base;
    private static final List<String> references = new ArrayList<>();
    /** Pages of work the queues finish (an export, reports), visited once finished. */
    private static final List<String> extraPages = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        hub = new LocalHub();
        running = HubSteps.start(hub, "2026-11-23T10:00:00Z");
        base = "http://localhost:" + running.port();
        for (String example : List.of("referral-imca.json", "referral-imha.json", "referral-dols-imca.json", "referral-care-act.json",
                "referral-cyp.json", "referral-accommodation.json", "referral-icas.json")) {
            references.add(HubSteps.refer(running, example));
        }
        String imca = references.get(0);
        api("POST", "/cases/" + imca + "/allocation", "{\"advocateId\":\"ira-imca\"}", 200);
        api("POST", "/cases/" + references.get(1) + "/allocation", "{\"advocateId\":\"hana-imha\"}", 200);
        api("POST", "/cases/" + references.get(4) + "/allocation", "{\"advocateId\":\"cai-cyp\"}", 200);
        HubSteps.later(running, Duration.ofHours(2));
        api("POST", "/cases/" + imca + "/contacts", "{\"at\":\"2026-11-23T11:00:00Z\",\"method\":\"PHONE\",\"withPerson\":true,"
                + "\"successful\":true}", 200);
        api("POST", "/cases/" + imca + "/time", "{\"date\":\"2026-11-23\",\"minutes\":45,\"kind\":\"DIRECT\",\"activity\":\"MEETING_ATTENDANCE\"}", 200);
        api("PUT", "/cases/" + imca + "/action-plan", "{\"goals\":[{\"text\":\"Visit the care home\",\"status\":\"IN_PROGRESS\"}]}", 200);
        api("POST", "/answerphone-messages", "{\"contract\":\"LLR\",\"leftAt\":\"2026-11-23T09:00:00Z\",\"callerName\":\"Pat Example\","
                + "\"callbackNumber\":\"0116 496 0000\",\"preferredMethod\":\"PHONE\"}", 201);
        // A LEW meeting attended (LEW Appendix 1), corrected: the time list and the timeline name the meetings in words.
        String lew = references.get(4);
        String entry = api("POST", "/cases/" + lew + "/time", "{\"date\":\"2026-11-23\",\"minutes\":60,\"kind\":\"DIRECT\","
                + "\"activity\":\"MEETING_ATTENDANCE\",\"meeting\":\"LAC_REVIEW\"}", 200)
                .replaceAll("(?s).*\"time\":\\[\\{\"id\":\"([^\"]+)\".*", "$1");
        api("PUT", "/cases/" + lew + "/time/" + entry, "{\"date\":\"2026-11-23\",\"minutes\":60,\"kind\":\"DIRECT\","
                + "\"activity\":\"MEETING_ATTENDANCE\",\"meeting\":\"PATHWAY_PLAN\"}", 200);
        // A closed LEW case: its page offers the feedback at closure, the young person's and the advocate's (LEW 13.3, Appendix 1).
        api("POST", "/cases/" + references.get(4) + "/closure", "{\"reason\":\"INSTRUCTION_WITHDRAWN\",\"goals\":[],"
                + "\"summary\":\"Ended at the young person's request.\"}", 200);
        // A closed LLR case with its case study (issue 23): the case page's form, the returns page's row and selection.
        String careAct = references.get(3);
        api("POST", "/cases/" + careAct + "/allocation", "{\"advocateId\":\"hana-imha\"}", 200);
        api("POST", "/cases/" + careAct + "/closure", "{\"reason\":\"PERSON_DECLINED\",\"goals\":[],"
                + "\"summary\":\"Declined advocacy at the first visit.\"}", 200);
        api("POST", "/cases/" + careAct + "/case-study", "{\"revision\":0,\"consent\":\"GIVEN\",\"measures\":[\"hadASay\"],"
                + "\"text\":\"The person was heard at their review and chose to manage on their own.\"}", 200);
        // A complaint (LLR 26.17): the returns page offers its progress form.
        api("POST", "/complaints", "{\"received\":\"2026-11-23\",\"contract\":\"LLR\",\"service\":\"IMCA\","
                + "\"formality\":\"FORMAL\",\"stage\":1,\"summary\":\"Said allocation took too long\"}", 201);
        HubSteps.later(running, Duration.ofDays(3));
        // A contract's export, waited for until written: its page then lists what it holds by kind (a crawl that met the
        // export while it was still being written read only "Being written" and passed on a calm day).
        String export = api("POST", "/contracts/LLR/exports", "", 202).replaceAll("(?s).*\"exportId\":\"([^\"]+)\".*", "$1");
        awaitContaining("/contracts/LLR/exports/" + export, "\"DONE\"");
        extraPages.add("/console/exports/" + export);
        // Reports of this quarter, waited for until built, for the same reason: a built report's page shows each workbook's
        // summary, file and send form (LEW's the restricted caseload list too).
        for (String contract : List.of("LLR", "LEW")) {
            String report = api("POST", "/reports", "{\"contract\":\"" + contract + "\",\"quarter\":\"2026-Q3\",\"send\":false}", 202)
                    .replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            awaitContaining("/reports/" + report, "\"BUILT\"");
            extraPages.add("/console/reports/" + report);
        }
    }

    private static void awaitContaining(String path, String text) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!api("GET", path, null, 200).contains(text)) {
            assertTrue(System.nanoTime() < until, path + " did not show " + text + " within a minute");
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static String api(String method, String path, String body, int status) throws Exception {
        RawHttp.Response answer = RawHttp.send(running.port(), method, path, List.of("Authorization: Bearer "
                + running.jwt().issue("local-manager", "manager", Duration.ofHours(1)), "Content-Type: application/json"),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        assertEquals(status, answer.status(), method + " " + path + ": " + answer.text());
        return answer.text();
    }

    @Test
    void everyConsolePageAManagerAndAnAdvocateReachReadsInWordsNotCodesIdsTimestampsOrPaths() throws Exception {
        Map<String, List<String>> found = new LinkedHashMap<>();
        int pages = 0;
        for (String member : List.of("Morgan Manager", "Ira Imca")) {
            ConsoleClient browser = new ConsoleClient(base);
            browser.signIn(member);
            Deque<String> toVisit = new ArrayDeque<>(List.of("/console"));
            references.forEach(r -> toVisit.add("/console/cases/" + r));
            toVisit.addAll(extraPages);
            Set<String> seen = new LinkedHashSet<>();
            while (!toVisit.isEmpty() && seen.size() < 80) {
                String path = toVisit.poll();
                if (!seen.add(path)) {
                    continue;
                }
                ConsoleClient.Page page = browser.get(path);
                pages++;
                scan(member + " " + path, page.html(), found);
                links(page.html()).stream().filter(l -> !seen.contains(l)).forEach(toVisit::add);
                // Each form sent empty: its errors are read too (a sign-out button is not sent).
                if (page.status() == 200) {
                    for (String action : actions(page.html())) {
                        ConsoleClient.Page errors = browser.submit(page, action, Map.of());
                        pages++;
                        scan(member + " " + path + " sent " + action, errors.html(), found);
                    }
                }
            }
        }
        assertTrue(pages > 20, "pages read: " + pages);
        StringBuilder report = new StringBuilder();
        found.forEach((where, what) -> report.append(where).append(":\n  ").append(String.join("\n  ", what)).append('\n'));
        assertEquals("", report.toString(), pages + " pages read; what no person should have to read, by page");
        System.out.println("ConsoleWordsIT: " + pages + " console pages read as a manager and an advocate, 0 findings");
    }

    @Test
    void theManagersHomeLinksEachCountAndNamesEachOverdueClockAndItsAdvocate() throws Exception {
        ConsoleClient morgan = new ConsoleClient(base);
        String home = morgan.signIn("Morgan Manager").html();
        String imha = references.get(1);
        Matcher row = Pattern.compile("<tr><td data-label=\"Case or message\"><a href=\"/console/cases/" + imha + "\">.*?</tr>").matcher(home);
        assertTrue(row.find(), home);
        String text = visibleText(row.group());
        // Three days on, Hana has not contacted the person: the clock by what it asks for, and who holds the case.
        assertTrue(text.contains("Contact the person (LLR") && text.contains("Hana Imha"), text);
        assertTrue(home.contains("<a href=\"#overdue-LLR\"><span class=\"count\">"), "the overdue count links to its list");
        // One message (or more, once the other test has keyed one in through the page's form): linked, singular for one.
        Matcher messages = Pattern.compile("<span class=\"count\">(\\d+)</span> open answerphone message(s?)</a>").matcher(home);
        assertTrue(messages.find(), "the count of messages is linked: " + home);
        assertEquals(messages.group(1).equals("1"), messages.group(2).isEmpty(), "singular for one, plural for more: " + messages.group());
    }

    @Test
    void issue23TheClosedCasePageOffersItsCaseStudyAndTheReturnsPageListsItToSelectBesideTheSummariesForms() throws Exception {
        ConsoleClient morgan = new ConsoleClient(base);
        morgan.signIn("Morgan Manager");
        String casePage = morgan.get("/console/cases/" + references.get(3)).html();
        // LLR Appendix One B: written on the closed case; its form comes back filled with it, its revision hidden.
        assertTrue(casePage.contains("id=\"do-case-study\"") && casePage.contains("Change the case study")
                && casePage.contains("The person was heard at their review"), casePage);
        String returns = morgan.get("/console/returns?contract=LLR").html();
        String text = visibleText(returns);
        assertTrue(text.contains("Case studies and service summaries of 2026-27 Q3"), text);
        assertTrue(text.contains("The person was heard at their review") && text.contains("of 4 selected"), text);
        assertTrue(returns.contains("/console/case-studies/CS-" + references.get(3) + "/selection?contract=LLR&amp;quarter=FY2026Q3"),
                returns);
        assertTrue(text.contains("Trends in each service area ("), "each summary's form, with whether it is written: " + text);
        assertTrue(returns.contains("/console/service-summaries?contract=LLR&amp;quarter=FY2026Q3&amp;summary=trends"), returns);
        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        assertTrue(!visibleText(ira.get("/console/returns?contract=LLR").html()).contains("Case studies and service summaries"),
                "managers only");
    }

    @Test
    void theLewCasePageNamesTheMeetingAttendedAndGroupsTheFeedbackByWhoAnswers() throws Exception {
        ConsoleClient morgan = new ConsoleClient(base);
        morgan.signIn("Morgan Manager");
        String text = visibleText(morgan.get("/console/cases/" + references.get(4)).html());
        // LEW Appendix 1: the meeting attended beside the activity; the correction on the timeline in words.
        assertTrue(text.contains("Attending a meeting: Pathway plan meeting"), text);
        assertTrue(text.contains("meeting Looked-after child review to Pathway plan meeting"), text);
        // LEW 13.3, Appendix 1: what the young person said, then what the advocate saw, each with its own questions.
        int said = text.indexOf("What the young person said");
        int saw = text.indexOf("What the advocate saw");
        assertTrue(said >= 0 && saw > said, text);
        assertTrue(text.indexOf("Did you feel listened to") > said && text.indexOf("Did you feel listened to") < saw, text);
        assertTrue(text.indexOf("Did the young person speak up for themselves in a meeting?") > saw, text);
    }

    @Test
    void aComplaintsProgressIsRecordedThroughTheFormUnderItOnTheReturnsPage() throws Exception {
        ConsoleClient morgan = new ConsoleClient(base);
        morgan.signIn("Morgan Manager");
        ConsoleClient.Page page = morgan.get("/console/returns?contract=LLR");
        // The same page open in another tab, read at the same revision.
        ConsoleClient.Page otherTab = morgan.get("/console/returns?contract=LLR");
        assertTrue(visibleText(page.html()).contains("Formal complaint, Independent Mental Capacity Advocacy (IMCA), stage 1, open"),
                visibleText(page.html()));
        ConsoleClient.Page saved = morgan.submit(page, "/progress?contract=LLR", Map.of("stage", "2",
                "progress", "Investigation under way; the service manager meets the family"));
        String text = visibleText(saved.html());
        assertTrue(text.contains("Progress of the complaint recorded."), text);
        assertTrue(text.contains("stage 2, open. Progress: Investigation under way; the service manager meets the family"), text);
        // Sent from the other tab (the revision it read): the complaint changed meanwhile, nothing is overwritten.
        ConsoleClient.Page stale = morgan.submit(otherTab, "/progress?contract=LLR", Map.of("stage", "3", "progress", "Escalated"));
        assertEquals(409, stale.status(), visibleText(stale.html()));
        assertTrue(visibleText(stale.html()).contains("The complaint changed since revision 1"), visibleText(stale.html()));
        ConsoleClient.Page identifying = morgan.submit(saved, "/progress?contract=LLR", Map.of("progress", "Ring 0116 496 0000"));
        assertEquals(400, identifying.status());
        assertTrue(visibleText(identifying.html()).contains("Progress must not identify anyone"), visibleText(identifying.html()));
    }

    /** Every console link of a page that a GET may follow (not a download, not sign-out). */
    private static List<String> links(String html) {
        List<String> out = new ArrayList<>();
        Matcher href = Pattern.compile("href=\"(/console[^\"#]*)\"").matcher(html);
        while (href.find()) {
            String link = ConsoleClient.unescape(href.group(1));
            if (!link.contains("/workbook") && !link.contains("/caseload") && !link.contains("sign-")) {
                out.add(link);
            }
        }
        return out;
    }

    /** The actions of the page's forms that change something, as their paths end (the last segment). */
    private static List<String> actions(String html) {
        List<String> out = new ArrayList<>();
        Matcher form = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(html);
        while (form.find()) {
            String action = ConsoleClient.unescape(form.group(1));
            if (!action.endsWith("/sign-out") && !action.endsWith("/send") && !action.endsWith("/emails/checked")) {
                out.add(action.substring(action.lastIndexOf('/')));
            }
        }
        return out.stream().distinct().toList();
    }

    /** What a page shows: its text without its tags, styles and the values of its fields, entities decoded. */
    static String visibleText(String html) {
        String text = html.replaceAll("(?s)<(script|style|head)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<option\\b[^>]*>", " ")
                .replaceAll("(?s)<[^>]+>", " ");
        return ConsoleClient.unescape(text).replace("&nbsp;", " ").replaceAll("\\s+", " ");
    }

    private static void scan(String where, String html, Map<String, List<String>> found) {
        String text = visibleText(html);
        List<String> problems = new ArrayList<>();
        look(text, ISO, "a timestamp or date as stored", problems, m -> true);
        look(text, CODE, "a code", problems, m -> !WORDS_IN_CAPITALS.contains(m));
        look(text, ROUTE, "a route", problems, m -> true);
        for (String id : STAFF_IDS) {
            look(text, Pattern.compile("\\b" + Pattern.quote(id) + "\\b"), "a staff id", problems, m -> true);
        }
        look(text, Pattern.compile("[{}]"), "JSON", problems, m -> true);
        if (!problems.isEmpty()) {
            found.computeIfAbsent(where, w -> new ArrayList<>()).addAll(problems.stream().distinct().toList());
        }
    }

    private static void look(String text, Pattern pattern, String what, List<String> problems,
                             java.util.function.Predicate<String> counts) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (counts.test(m.group())) {
                int from = Math.max(0, m.start() - 50);
                int to = Math.min(text.length(), m.end() + 30);
                problems.add(what + " \"" + m.group() + "\" in \"…" + text.substring(from, to).trim() + "…\"");
            }
        }
    }
}
