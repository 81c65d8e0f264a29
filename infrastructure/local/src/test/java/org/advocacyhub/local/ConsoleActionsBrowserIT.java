package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Issue 21: each case action that was only in the JSON API is done in the console, in Chromium with JavaScript off, as
 * staff would: from the case page's "what you can do" list to the form, sent empty first when it asks for something (its
 * errors are checked with axe), then filled in; its effect is then read back through the JSON API. Skipped, saying why, where no Chromium can be
 * installed.
 */
class ConsoleActionsBrowserIT {

    private static LocalHub hub;
    private static LocalHub.Running running;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Chromium.unavailable().isEmpty(), () -> Chromium.unavailable().orElse(""));
        hub = new LocalHub();
        running = HubSteps.start(hub, "2026-11-23T10:00:00Z");
        base = "http://localhost:" + running.port();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void everyCaseActionThatWasOnlyInTheJsonApiIsDoneInTheConsoleAndSeenThroughTheApi() throws Exception {
        String imca = HubSteps.refer(running, "referral-imca.json");
        String imha = HubSteps.refer(running, "referral-imha.json");
        String cyp = HubSteps.refer(running, "referral-cyp.json");
        String accommodation = HubSteps.refer(running, "referral-accommodation.json");
        Map<String, List<String>> violations = new LinkedHashMap<>();
        Map<String, Boolean> sideways = new LinkedHashMap<>();
        try (Chromium noScript = Chromium.start(false); Chromium checker = Chromium.start(true)) {
            WebDriver page = noScript.driver();
            Checks browser = new Checks(page, checker);
            BrowserPages.signIn(page, base, "Morgan Manager");

            // Screening again, with a note for the timeline (LLR 9.33).
            act(browser, page, imca, "screening", Map.of("note", "Decision maker confirmed by phone"), violations, sideways);
            assertTrue(json(imca).toString().contains("Decision maker confirmed by phone"), "the note is on the case's timeline");

            // The DERBY answer to the council, then a placement's end (DERBY 3.3.1; KPIs, Access).
            act(browser, page, accommodation, "response", Map.of("kind", "OFFER", "details", "A placement at Oak House from Monday",
                    "placementsPutForward", "1", "suitablePlacementsAvailable", "1"), violations, sideways);
            assertEquals("OFFER", casework(accommodation).get("response") instanceof Map<?, ?> r ? r.get("kind") : null);
            HubSteps.later(running, Duration.ofHours(1));
            act(browser, page, accommodation, "placement-ends", Map.of("instigator", "COUNCIL", "unexpected", "no"), violations, sideways);
            assertEquals(1, ((List<?>) casework(accommodation).get("placementEnds")).size(), "the placement's end is recorded");

            allocate(imca, "ira-imca");
            allocate(imha, "hana-imha");
            allocate(cyp, "cai-cyp");
            HubSteps.later(running, Duration.ofHours(1));

            // LEW: the Service Manager's approval of more hours (LEW 7.3, 8.11), a manager's form.
            act(browser, page, cyp, "hour-approvals", Map.of("approvedBy", "LAC Service Manager", "limitHours", "16",
                    "reason", "A second review meeting"), violations, sideways);
            assertEquals(1, ((List<?>) hours(cyp).get("approvals")).size(), "the approval is recorded");
            BrowserPages.signOut(page);

            // The advocates' own forms on their own cases.
            BrowserPages.signIn(page, base, "Cai Cyp");
            act(browser, page, cyp, "return-details", Map.of("group", "LAC", "primaryReason", "FORMAL_MEETING",
                    "secondaryReason", "CONCERN_ABOUT_CARE"), violations, sideways);
            assertEquals("CONCERN_ABOUT_CARE", ((Map<?, ?>) casework(cyp).get("returnDetails")).get("secondaryReason"));
            BrowserPages.signOut(page);

            BrowserPages.signIn(page, base, "Hana Imha");
            act(browser, page, imha, "eligibility-confirmation", Map.of(), violations, sideways);
            assertTrue(((Map<?, ?>) casework(imha).get("milestones")).containsKey("ELIGIBILITY_CONFIRMED"));
            BrowserPages.signOut(page);

            BrowserPages.signIn(page, base, "Ira Imca");
            act(browser, page, imca, "hour-requests", Map.of("hours", "5", "reasons", "Two more best interests meetings"),
                    violations, sideways);
            assertEquals(1, ((List<?>) hours(imca).get("requests")).size(), "the request is recorded");
            page.get(base + "/console/cases/" + imca);
            assertTrue(page.findElements(By.cssSelector("a[href='#do-hour-approvals']")).isEmpty(),
                    "an advocate is not offered a manager's form");
            act(browser, page, imca, "closure", Map.of("reason", "OUTCOME_REACHED", "summary", "Represented at the meeting"),
                    violations, sideways);
            act(browser, page, imca, "report-sent", Map.of(), violations, sideways);
            assertTrue(((Map<?, ?>) casework(imca).get("milestones")).containsKey("REPORT_SENT"));
            BrowserPages.signOut(page);

            BrowserPages.signIn(page, base, "Morgan Manager");
            act(browser, page, imca, "reopen", Map.of("reason", "The person asked for more help"), violations, sideways);
            assertFalse("CLOSED".equals(json(imca).get("status")), "reopened: " + json(imca).get("status"));

            // Moving the case to another advocate (LLR 9.32), chosen by name among those qualified.
            act(browser, page, imca, "reallocation", Map.of("advocateId", "hana-imha", "reason", "Ira is on leave"), violations, sideways);
            assertEquals("hana-imha", ((Map<?, ?>) casework(imca).get("advocate")).get("staffId"), "moved to Hana");
        }
        violations.forEach((state, found) -> assertEquals(List.of(), found, state + ": axe-core WCAG 2.2 AA and best-practice violations"));
        sideways.forEach((state, scrolls) -> assertFalse(scrolls, state + ": scrolls sideways at 320 CSS px (WCAG 1.4.10)"));
        System.out.println("axe-core " + Chromium.WCAG_22_AA + ": " + violations.size() + " page states of the case actions, "
                + violations.values().stream().mapToInt(List::size).sum() + " violations");
    }

    @Test
    void anAnswerphoneMessageAMemberOfStaffAndTheReturnsRecordsAreKeptInTheConsoleAndSeenThroughTheApi() throws Exception {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        Map<String, Boolean> sideways = new LinkedHashMap<>();
        try (Chromium noScript = Chromium.start(false); Chromium checker = Chromium.start(true)) {
            WebDriver page = noScript.driver();
            Checks browser = new Checks(page, checker);
            BrowserPages.signIn(page, base, "Morgan Manager");

            // Keying in a message left on the LLR line (LLR 9.23): empty first, then filled in.
            page.get(base + "/console/answerphone?contract=LLR");
            page.findElement(By.cssSelector("#form-new-message summary")).click();
            WebElement form = page.findElement(By.cssSelector("#form-new-message form"));
            fill(page, form, Map.of("callbackEmail", "not an email"));
            BrowserPages.press(page, form.findElement(By.cssSelector("button[type=submit]")));
            assertTrue(page.getTitle().startsWith("Error:"), page.getTitle());
            browser.check("key in a message with errors", violations, sideways);
            form = page.findElement(By.cssSelector("#form-new-message form"));
            fill(page, form, Map.of("callerName", "Sam Caller", "callbackNumber", "0116 496 0001",
                    "preferredMethod", "PHONE", "summary", "Please ring about my mother's review."));
            form.findElement(By.name("callbackEmail")).clear();
            BrowserPages.press(page, form.findElement(By.cssSelector("button[type=submit]")));
            assertTrue(page.getCurrentUrl().contains("keyed="), page.getCurrentUrl() + "\n" + page.findElement(By.tagName("main")).getText());
            browser.check("message keyed in", violations, sideways);
            RawHttp.Response listed = api("GET", "/answerphone-messages?contract=LLR", null);
            assertTrue(listed.text().contains("Sam Caller"), "the message is in the API's list");

            // Adding a member of staff by their id, then giving them a qualification.
            page.get(base + "/console/staff");
            page.findElement(By.id("add")).sendKeys("Not An Id");
            BrowserPages.press(page, page.findElement(By.xpath("//main//button[contains(.,'Add')]")));
            browser.check("staff with a wrong id", violations, sideways);
            page.findElement(By.id("add")).clear();
            page.findElement(By.id("add")).sendKeys("pat-imha");
            BrowserPages.press(page, page.findElement(By.xpath("//main//button[contains(.,'Add')]")));
            assertTrue(page.getCurrentUrl().endsWith("/console/staff/pat-imha"), page.getCurrentUrl());
            form = page.findElement(By.cssSelector("main form[method=post]"));
            BrowserPages.press(page, form.findElement(By.cssSelector("button[type=submit]")));
            browser.check("a new member's record with errors", violations, sideways);
            form = page.findElement(By.cssSelector("main form[method=post]"));
            fill(page, form, Map.of("name", "Pat Imha", "email", "pat.imha@advocacy-hub.localhost", "role", "ADVOCATE", "active", "yes",
                    "contracts", "LLR", "services", "IMHA", "languages", "Urdu, Punjabi"));
            BrowserPages.press(page, form.findElement(By.cssSelector("button[type=submit]")));
            assertTrue(page.getCurrentUrl().contains("saved=pat-imha"), page.getCurrentUrl() + "\n" + page.findElement(By.tagName("main")).getText());
            browser.check("staff with a record saved", violations, sideways);
            String record = api("GET", "/staff", null).text();
            assertTrue(record.contains("\"Urdu\"") && record.contains("\"Punjabi\""), record);

            BrowserPages.press(page, page.findElement(By.linkText("Pat Imha")));
            form = page.findElement(By.cssSelector("main form[method=post]"));
            assertEquals("Urdu, Punjabi", form.findElement(By.name("languages")).getAttribute("value"), "the record as it is");
            browser.check("a member's record", violations, sideways);
            fill(page, form, Map.of("qualifications.UNIT_306_IMHA.day", "1", "qualifications.UNIT_306_IMHA.month", "9",
                    "qualifications.UNIT_306_IMHA.year", "2025"));
            BrowserPages.press(page, form.findElement(By.cssSelector("button[type=submit]")));
            record = api("GET", "/staff", null).text();
            assertTrue(record.contains("\"UNIT_306_IMHA\":\"2025-09-01\""), record);
            assertTrue(record.contains("\"Urdu\""), "what the form did not change is kept: " + record);

            // What the returns count beside cases: a session, a complaint and a compliment (KPIs 5-6; LLR 17.5).
            Map<String, Map<String, String>> records = new LinkedHashMap<>();
            records.put("awareness-sessions", Map.of("date.day", "20", "date.month", "11", "date.year", "2026", "authority", "RUTLAND",
                    "setting", "COMMUNITY", "attendees", "12"));
            records.put("complaints", Map.of("received.day", "19", "received.month", "11", "received.year", "2026", "service", "IMHA",
                    "formality", "INFORMAL", "stage", "2", "resolvedByAdr", "yes", "summary", "Waited too long for a call back"));
            records.put("compliments", Map.of("received.day", "18", "received.month", "11", "received.year", "2026", "service", "IMCA",
                    "summary", "Thanked the advocate for her support"));
            for (Map.Entry<String, Map<String, String>> kind : records.entrySet()) {
                page.get(base + "/console/returns?contract=LLR");
                page.findElement(By.cssSelector("#form-" + kind.getKey() + " summary")).click();
                form = page.findElement(By.cssSelector("#form-" + kind.getKey() + " form"));
                BrowserPages.press(page, form.findElement(By.cssSelector("button[type=submit]")));
                assertTrue(page.getTitle().startsWith("Error:"), kind.getKey() + " sent empty: " + page.getTitle());
                browser.check(kind.getKey() + " with errors", violations, sideways);
                form = page.findElement(By.cssSelector("#form-" + kind.getKey() + " form"));
                fill(page, form, kind.getValue());
                BrowserPages.press(page, form.findElement(By.cssSelector("button[type=submit]")));
                assertTrue(page.getCurrentUrl().contains("saved=" + kind.getKey()), page.getCurrentUrl() + "\n"
                        + page.findElement(By.tagName("main")).getText());
                browser.check(kind.getKey() + " recorded", violations, sideways);
            }
            assertTrue(api("GET", "/awareness-sessions?contract=LLR", null).text().contains("\"attendees\":12"));
            assertTrue(api("GET", "/complaints?contract=LLR", null).text().contains("Waited too long for a call back"));
            assertTrue(api("GET", "/compliments?contract=LLR", null).text().contains("Thanked the advocate for her support"));
        }
        violations.forEach((state, found) -> assertEquals(List.of(), found, state + ": axe-core WCAG 2.2 AA and best-practice violations"));
        sideways.forEach((state, scrolls) -> assertFalse(scrolls, state + ": scrolls sideways at 320 CSS px (WCAG 1.4.10)"));
    }

    /**
     * On the case page: the action's link in "what you can do" opens its form; a form with a field it needs is sent empty
     * first and comes back with its errors; then it is filled in and sent, and the case page says it is done.
     */
    private static void act(Checks browser, WebDriver page, String reference, String action, Map<String, String> answers,
                            Map<String, List<String>> violations, Map<String, Boolean> sideways) {
        page.get(base + "/console/cases/" + reference);
        WebElement link = page.findElements(By.cssSelector(".next a[href='#do-" + action + "']")).stream().findFirst()
                .orElseThrow(() -> new AssertionError(action + " is not among what can be done on " + reference + ": "
                        + page.findElement(By.cssSelector(".next")).getText()));
        link.click();
        assertNotNull(page.findElement(By.id("form-" + action)).getAttribute("open"), "following the link opens the " + action + " form");
        WebElement form = page.findElement(By.id("do-" + action));
        // Screening again and return details need nothing (sent as they are, they screen again on the answers there are,
        // and take the group and reason from the referral); a form filled in for the person (a milestone's time, now) has
        // nothing to leave out.
        if (!answers.isEmpty() && !List.of("screening", "return-details").contains(action)) {
            BrowserPages.press(page, form.findElement(By.cssSelector("button[type=submit]")));
            assertTrue(page.getTitle().startsWith("Error:"), action + " sent empty: " + page.getTitle());
            browser.check(action + " with errors", violations, sideways);
            form = page.findElement(By.id("do-" + action));
        }
        fill(page, form, answers);
        BrowserPages.press(page, form.findElement(By.cssSelector("button[type=submit]")));
        if (page.getTitle().startsWith("Check your answers")) {
            // GOV.UK "check answers" (closing a case): the answers in words, nothing changed yet; "Change your answers"
            // brings the form back as it was filled in, and the page's own button makes the change.
            browser.check(action + ": check your answers", violations, sideways);
            String checked = page.findElement(By.tagName("main")).getText();
            answers.values().stream().filter(v -> !v.matches("[A-Z_]+")).forEach(v -> assertTrue(checked.contains(v), v + " in " + checked));
            BrowserPages.press(page, page.findElement(By.cssSelector("button[value=change]")));
            WebElement again = page.findElement(By.id("do-" + action));
            assertNotNull(page.findElement(By.id("form-" + action)).getAttribute("open"), "the form is back, open");
            answers.forEach((name, value) -> assertTrue(again.findElements(By.name(name)).stream().anyMatch(f -> value.equals(f.getAttribute("value"))
                    && (!List.of("radio", "checkbox").contains(f.getAttribute("type")) || f.isSelected())), name + " kept as " + value));
            BrowserPages.press(page, again.findElement(By.cssSelector("button[type=submit]")));
            assertTrue(page.getTitle().startsWith("Check your answers"), page.getTitle());
            BrowserPages.press(page, page.findElement(By.cssSelector("button[value=send]")));
        }
        assertTrue(page.getCurrentUrl().contains("saved=" + action), action + ": " + page.getCurrentUrl() + "\n"
                + page.findElement(By.tagName("main")).getText());
        browser.check(action + " done", violations, sideways);
    }

    /** Types, selects, ticks and chooses {@code answers} in {@code form}, as a person would; a choice it does not offer fails. */
    private static void fill(WebDriver page, WebElement form, Map<String, String> answers) {
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            List<WebElement> fields = form.findElements(By.name(answer.getKey()));
            assertFalse(fields.isEmpty(), "the form has no field " + answer.getKey());
            assertTrue(fields.stream().anyMatch(f -> !List.of("radio", "checkbox").contains(f.getAttribute("type")) || answer.getValue().equals(f.getAttribute("value"))),
                    answer.getKey() + " has no choice " + answer.getValue());
            for (WebElement field : fields) {
                String type = field.getAttribute("type");
                if ("radio".equals(type) || "checkbox".equals(type)) {
                    if (answer.getValue().equals(field.getAttribute("value")) && !field.isSelected()) {
                        BrowserPages.click(page, field);
                    }
                } else if ("select".equals(field.getTagName())) {
                    field.findElement(By.cssSelector("option[value='" + answer.getValue() + "']")).click();
                } else {
                    field.clear();
                    field.sendKeys(answer.getValue());
                }
            }
        }
    }

    /**
     * axe-core needs JavaScript, which the browser doing the work has off: each page state it reaches (a form's errors come
     * only from a post) is copied as it is into a second Chromium, with JavaScript, to be checked there.
     */
    private record Checks(WebDriver page, Chromium checker) {

        void check(String state, Map<String, List<String>> violations, Map<String, Boolean> sideways) {
            try {
                java.nio.file.Path copy = java.nio.file.Files.createTempFile("console-state", ".html");
                java.nio.file.Files.writeString(copy, page.getPageSource());
                checker.driver().get(copy.toUri().toString());
                BrowserPages.check(checker, state, violations, sideways);
                java.nio.file.Files.delete(copy);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }



    private static void allocate(String reference, String advocate) throws Exception {
        RawHttp.Response answer = api("POST", "/cases/" + reference + "/allocation", "{\"advocateId\":\"" + advocate + "\"}");
        assertEquals(200, answer.status(), answer.text());
    }

    /** The case as the JSON API gives it to a manager. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String reference) throws Exception {
        RawHttp.Response answer = api("GET", "/cases/" + reference, null);
        assertEquals(200, answer.status(), answer.text());
        return JsonMapper.createDefault().readValue(answer.text(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> casework(String reference) throws Exception {
        return (Map<String, Object>) json(reference).get("casework");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hours(String reference) throws Exception {
        return (Map<String, Object>) casework(reference).get("hours");
    }

    private static RawHttp.Response api(String method, String path, String body) throws Exception {
        List<String> headers = body == null ? List.of("Authorization: Bearer " + running.jwt().issue("local-manager", "manager",
                Duration.ofHours(1))) : List.of("Authorization: Bearer " + running.jwt().issue("local-manager", "manager",
                Duration.ofHours(1)), "Content-Type: application/json");
        return RawHttp.send(running.port(), method, path, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }
}
