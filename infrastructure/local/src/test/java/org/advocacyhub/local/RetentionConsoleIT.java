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
 * Issue 22 on the {@code ./run-local} stack: with its clock moved six years and a week ahead, the console's retention page
 * lists the closed case that would go and the held one that is kept, each linked, for managers only; nothing about the
 * person is on it.
 */
class RetentionConsoleIT {

    private static LocalHub hub;
    private static LocalHub.Running running;
    private static String base;
    private static String goes;
    private static String held;

    @BeforeAll
    static void start() throws Exception {
        hub = new LocalHub();
        running = HubSteps.start(hub, "2026-11-23T10:00:00Z");
        base = "http://localhost:" + running.port();
        goes = closed();
        held = closed();
        api("PUT", "/cases/" + held + "/legal-hold", "{\"reason\":\"SAFEGUARDING_ENQUIRY\",\"details\":\"Enquiry 42\"}");
        // The local clock moves a year at most at once: six and a week, in steps.
        for (int step = 0; step < 6; step++) {
            HubSteps.later(running, Duration.ofDays(366));
        }
        HubSteps.later(running, Duration.ofDays(7));
    }

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
    }
}
