package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 on the {@code ./run-local} stack: with its clock moved six years ahead, the console's retention page lists the
 * closed case that would go and the held one that is kept, each linked, for managers only; nothing about the person is on
 * it. Moved on past 02:30, the daily retention run (the template's schedule) has anonymised the one and kept the other.
 */
class RetentionConsoleIT {

    private static LocalHub hub;
    private static LocalHub.Running running;
    private static String base;
    private static String goes;
    private static String held;
    private static String messageId;

    @BeforeAll
    static void start() throws Exception {
        hub = new LocalHub();
        running = HubSteps.start(hub, "2026-11-23T10:00:00Z");
        base = "http://localhost:" + running.port();
        goes = closed();
        held = closed();
        api("PUT", "/cases/" + held + "/legal-hold", "{\"reason\":\"SAFEGUARDING_ENQUIRY\",\"details\":\"Enquiry 42\"}");
        // An answerphone message: kept 90 days (LLR 22.1f) by the table's TTL, which ./run-local applies on its own clock.
        RawHttp.Response message = RawHttp.send(running.port(), "POST", "/answerphone-messages", List.of("Authorization: Bearer "
                + running.jwt().issue("local-manager", "manager", Duration.ofHours(1)), "Content-Type: application/json"),
                ("{\"contract\":\"LLR\",\"leftAt\":\"2026-11-23T09:00:00Z\",\"callerName\":\"Pat Caller\",\"callbackNumber\":"
                        + "\"0116 496 0999\",\"preferredMethod\":\"PHONE\",\"sourceId\":\"retention-console-1\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, message.status(), message.text());
        messageId = message.text().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        // The local clock moves a year at most at once: five years in steps, then to 01:00 on the first day the closed case
        // may go (closed Monday 23 November 2026, kept through 23 November 2032), before the daily retention run at 02:30.
        for (int step = 0; step < 5; step++) {
            HubSteps.later(running, Duration.ofDays(366));
        }
        // A jump fires each schedule it passed once, at the time it lands: land after the 23rd's run (the case is still in its
        // time that day), then move to the 24th without passing 02:30.
        HubSteps.to(running, BEFORE_THE_RUN.minus(Duration.ofHours(22)));
        HubSteps.to(running, BEFORE_THE_RUN);
    }

    private static final java.time.Instant BEFORE_THE_RUN = java.time.Instant.parse("2032-11-24T01:00:00Z");

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static String closed() throws Exception {
        String reference = HubSteps.refer(running, "referral-imca.json");
        api("POST", "/cases/" + reference + "/allocation", "{\"advocateId\":\"ira-imca\"}");
        api("POST", "/cases/" + reference + "/closure", "{\"reason\":\"OUTCOME_REACHED\",\"goals\":[],\"summary\":\"Represented\"}");
        return reference;
    }

    private static void api(String method, String path, String body) throws Exception {
        RawHttp.Response answer = RawHttp.send(running.port(), method, path, List.of("Authorization: Bearer "
                + running.jwt().issue("local-manager", "manager", Duration.ofHours(1)), "Content-Type: application/json"),
                body.getBytes(StandardCharsets.UTF_8));
        assertTrue(answer.status() < 300, method + " " + path + ": " + answer.text());
    }

    @Test
    void aManagerSeesWhatWouldGoAndWhatAHoldKeepsAndAnAdvocateIsRefused() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        manager.signIn("Morgan Manager");
        ConsoleClient.Page page = manager.get("/console/retention?contract=LLR");
        assertEquals(200, page.status(), page.html());
        String html = page.html();
        assertTrue(html.contains("<strong>2 cases are past their retention period on "), html);
        assertTrue(html.contains("1 would be anonymised, 1 kept under a legal hold"), html);
        int going = html.indexOf(">" + goes + "</a>");
        int kept = html.indexOf(">" + held + "</a>");
        assertTrue(going > 0 && kept > 0, "both linked");
        assertTrue(html.substring(going, html.indexOf("</tr>", going)).contains("Would go"));
        assertTrue(html.substring(kept, html.indexOf("</tr>", kept)).contains("Legal hold: A safeguarding enquiry"));
        assertTrue(html.contains("href=\"/console/retention\" aria-current=\"page\">Retention</a>"), "in the managers' menu");
        assertFalse(html.contains("Alex Testperson") || html.contains("Enquiry 42"), "nothing about the person or the hold's details");

        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        assertEquals(403, ira.get("/console/retention?contract=LLR").status());
        assertFalse(ira.get("/console").html().contains("/console/retention"), "not in an advocate's menu");

        String fired = HubSteps.to(running, BEFORE_THE_RUN.plus(Duration.ofHours(2)));
        assertTrue(fired.contains("RetentionFunction-Daily"), fired);
        String after = manager.get("/console/retention?contract=LLR").html();
        assertTrue(after.contains("<strong>1 case is past their retention period on "), after);
        assertFalse(after.contains(">" + goes + "</a>"), "anonymised: nothing left to take");
        String anonymised = manager.get("/console/cases/" + goes).html();
        assertFalse(anonymised.contains("Alex Testperson"), "the person is gone from the case");
        assertTrue(anonymised.contains("Anonymised under the retention policy"), "the timeline says why");
        assertTrue(anonymised.contains("The daily retention run"), "the audit trail says who");
        assertTrue(manager.get("/console/cases/" + held).html().contains("Alex Testperson"), "the held case is kept whole");
    }

    /**
     * Issue 22 items 2 and 3 in the console: a manager records a subject access request for the person of both cases, finds
     * both (the anonymised one by its pseudonym), reads the export with the referrer marked for review, answers it, and
     * every step is on its audit trail; an advocate cannot reach any of it.
     */
    @Test
    void aManagerRecordsASubjectAccessRequestReadsTheExportAndAnswersItAndAnAdvocateIsRefused() throws Exception {
        ConsoleClient manager = new ConsoleClient(base);
        manager.signIn("Morgan Manager");
        ConsoleClient.Page list = manager.get("/console/data-requests");
        assertEquals(200, list.status(), list.html());
        assertTrue(list.html().contains("href=\"/console/data-requests\" aria-current=\"page\">Data requests</a>"), "in the menu");
        ConsoleClient.Page missing = manager.submit(list, "/console/data-requests", java.util.Map.of("kind", "ACCESS"));
        assertEquals(400, missing.status(), "a name and a date of birth are needed");
        assertTrue(missing.html().contains("Enter the person&#39;s full name") || missing.html().contains("Enter the person's full name"),
                missing.html());
        ConsoleClient.Page recorded = manager.submit(list, "/console/data-requests", java.util.Map.of("kind", "ACCESS",
                "name", "Alex Testperson", "dateOfBirth.day", "17", "dateOfBirth.month", "5", "dateOfBirth.year", "1941"));
        assertEquals(200, recorded.status(), recorded.html());
        String page = recorded.html();
        assertTrue(page.contains("The request is recorded."), page);
        assertTrue(page.contains(">" + goes + "</a>") && page.contains(">" + held + "</a>"), "both cases, anonymised or not: " + page);
        String requestPath = recorded.location().replaceAll("\\?.*", "").replaceAll("^https?://[^/]+", "");

        ConsoleClient.Page export = manager.get(requestPath + "/export");
        assertEquals(200, export.status());
        assertTrue(export.html().contains("Third party&#39;s data: review before release")
                || export.html().contains("Third party's data: review before release"), "the referrer is marked");
        assertTrue(export.html().contains(goes) && export.html().contains(held));
        ConsoleClient.Page json = manager.get(requestPath + "/export?format=json");
        assertTrue(json.header("Content-Disposition").contains("attachment"), json.header("Content-Disposition"));

        ConsoleClient.Page answered = manager.submit(manager.get(requestPath), requestPath + "/decision",
                java.util.Map.of("outcome", "ANSWERED", "note", "Posted to them"));
        assertEquals(200, answered.status(), answered.html());
        assertTrue(answered.html().contains("The request was answered."), answered.html());
        String trail = manager.get(requestPath).html();
        assertTrue(trail.contains("Morgan Manager recorded the subject access request"), trail);
        assertTrue(trail.contains("Morgan Manager produced the subject access export (2 cases"), trail);
        assertTrue(trail.contains("Morgan Manager answered the request: answered"), trail);

        ConsoleClient ira = new ConsoleClient(base);
        ira.signIn("Ira Imca");
        assertEquals(403, ira.get("/console/data-requests").status());
        assertEquals(403, ira.get(requestPath + "/export").status());
        assertFalse(ira.get("/console").html().contains("/console/data-requests"), "not in an advocate's menu");
    }

    /** DynamoDB's TTL on the local clock (LocalTimeToLive): years on, the answerphone message and its items are gone. */
    @Test
    void anAnswerphoneMessageIsGoneOnceItsRetentionHasPassed() {
        try (var dynamo = org.advocacyhub.testing.AwsClients.dynamoDb(running.engines().engineEndpoints())) {
            String table = running.stack().tableName("HubTable");
            List<String> left = new java.util.ArrayList<>();
            dynamo.scanPaginator(b -> b.tableName(table)).items().forEach(item -> {
                String sk = item.get("SK").s();
                boolean ofTheMessage = item.get("PK").s().contains(messageId) && !sk.startsWith("ALERT#") && !sk.startsWith("MAIL#");
                if (ofTheMessage || item.values().stream().anyMatch(v -> v.s() != null
                        && (v.s().contains("Pat Caller") || v.s().contains("0116 496 0999")))) {
                    left.add(item.get("PK").s() + " " + sk);
                }
            });
            // Its alerts' records and emails (staff addresses; the words go once sent) stay, as the data map says.
            assertEquals(List.of(), left, "the message, its clock, responses, audit and source key, and the caller's details, are gone");
        }
    }
}
