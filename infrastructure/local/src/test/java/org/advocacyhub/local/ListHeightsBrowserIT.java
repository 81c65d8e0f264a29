package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Issue 21: lists that scale. With 200 cases on the stack (sent by eight referrers at once), 60 of them one advocate's,
 * 30 answerphone messages and three days gone by, every list page a manager and an advocate open is under 3,000 px tall
 * at 1280 px wide, has no axe-core (WCAG 2.2 AA) violation and does not scroll sideways at 320 px; the open cases list
 * pages through every case once, and an advocate's is their own cases.
 */
class ListHeightsBrowserIT {

    private static final int CASES = 200;
    private static LocalHub hub;
    private static LocalHub.Running running;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Chromium.unavailable().isEmpty(), () -> Chromium.unavailable().orElse(""));
        hub = new LocalHub();
        running = HubSteps.start(hub, "2026-11-23T10:00:00Z");
        base = "http://localhost:" + running.port();
        List<String> examples = List.of("referral-imca.json", "referral-imca.json", "referral-care-act.json", "referral-imha.json",
                "referral-dols-imca.json");
        ExecutorService referrers = Executors.newFixedThreadPool(8);
        List<Future<String>> sent = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String example = examples.get(i % examples.size());
            sent.add(referrers.submit(() -> refer(example)));
        }
        List<String> imca = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String reference = sent.get(i).get();
            HubSteps.awaitScreened(running, reference);
            if (examples.get(i % examples.size()).equals("referral-imca.json") && imca.size() < 60) {
                imca.add(reference);
            }
        }
        referrers.shutdown();
        for (String reference : imca) {
            api("POST", "/cases/" + reference + "/allocation", "{\"advocateId\":\"ira-imca\"}", 200);
        }
        for (int i = 0; i < 30; i++) {
            api("POST", "/answerphone-messages", "{\"contract\":\"LLR\",\"leftAt\":\"2026-11-23T09:" + String.format("%02d", i)
                    + ":00Z\",\"callerName\":\"Caller " + i + "\",\"callbackNumber\":\"0116 496 0000\",\"preferredMethod\":\"PHONE\"}", 201);
        }
        HubSteps.later(running, Duration.ofDays(3));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void everyListPageWith200CasesIsUnder3000PixelsTallAndTheOpenCasesListPagesThroughEveryCaseOnce() throws Exception {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        Map<String, Boolean> sideways = new LinkedHashMap<>();
        Map<String, Long> heights = new LinkedHashMap<>();
        try (Chromium browser = Chromium.start(true)) {
            WebDriver page = browser.driver();
            BrowserPages.signIn(page, base, "Morgan Manager");
            for (String path : List.of("/console", "/console/waiting-list?contract=LLR", "/console/waiting-list?contract=LLR&service=IMHA",
                    "/console/cases?contract=LLR", "/console/cases?contract=LLR&overdue=yes", "/console/cases?contract=LLR&advocateId=ira-imca",
                    "/console/answerphone?contract=LLR", "/console/staff", "/console/returns?contract=LLR")) {
                measure(browser, "manager " + path, path, heights, violations, sideways);
            }
            // A case page (for the pictures; its height is the case's, not a list's).
            page.get(base + "/console/cases?contract=LLR&advocateId=ira-imca");
            String opened = page.findElement(By.cssSelector("main table tbody tr td:first-child a")).getText();
            page.get(base + "/console/cases/" + opened);
            screenshot(page, "manager case page");
            // The waiting list's next page, as a person follows the link.
            page.get(base + "/console/waiting-list?contract=LLR");
            BrowserPages.press(page, page.findElement(By.linkText("Next page")));
            measure(browser, "manager waiting list, page 2", null, heights, violations, sideways);

            // The open cases list, page by page: every open case once.
            List<String> seen = new ArrayList<>();
            page.get(base + "/console/cases?contract=LLR");
            String total = page.findElement(By.cssSelector("main p strong")).getText();
            for (int pages = 0; pages < 20; pages++) {
                for (WebElement link : page.findElements(By.cssSelector("main table tbody tr td:first-child a"))) {
                    seen.add(link.getText());
                }
                List<WebElement> next = page.findElements(By.linkText("Next page"));
                if (next.isEmpty()) {
                    break;
                }
                BrowserPages.press(page, next.get(0));
            }
            assertEquals(CASES + " cases open", total.replace(" that match", ""));
            assertEquals(CASES, seen.size(), "each open case on one page");
            assertEquals(CASES, seen.stream().distinct().count(), "and on one page only");
            BrowserPages.signOut(page);

            BrowserPages.signIn(page, base, "Ira Imca");
            for (String path : List.of("/console", "/console/cases?contract=LLR", "/console/waiting-list?contract=LLR",
                    "/console/answerphone?contract=LLR")) {
                measure(browser, "advocate " + path, path, heights, violations, sideways);
            }
            page.get(base + "/console/cases?contract=LLR");
            assertEquals("60 cases open", page.findElement(By.cssSelector("main p strong")).getText(), "an advocate's own cases only");
        }
        System.out.println("Page heights at 1280 px with " + CASES + " cases: " + heights);
        heights.forEach((state, height) -> assertTrue(height < 3000, state + " is " + height + " px tall"));
        violations.forEach((state, found) -> assertEquals(List.of(), found, state + ": axe-core WCAG 2.2 AA and best-practice violations"));
        sideways.forEach((state, scrolls) -> assertFalse(scrolls, state + ": scrolls sideways at 320 CSS px (WCAG 1.4.10)"));
    }

    private static void measure(Chromium browser, String state, String path, Map<String, Long> heights, Map<String, List<String>> violations,
                                Map<String, Boolean> sideways) {
        WebDriver page = browser.driver();
        if (path != null) {
            page.get(base + path);
        }
        browser.width(1280);
        try {
            Files.createDirectories(java.nio.file.Path.of("target/list-heights"));
            Files.writeString(java.nio.file.Path.of("target/list-heights/" + state.replaceAll("[^a-z0-9]+", "-") + ".html"), page.getPageSource());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        screenshot(page, state);
        heights.put(state, ((Number) ((JavascriptExecutor) page).executeScript("return document.documentElement.scrollHeight;")).longValue());
        BrowserPages.check(browser, state, violations, sideways);
    }

    /**
     * With {@code -Dconsole.screenshots=<folder>}, the page as a person first sees it (1280 by 900) is saved there as a PNG:
     * how the README's pictures of the console ({@code docs/console/}) are made, from this busy stack.
     */
    private static void screenshot(WebDriver page, String state) {
        String folder = System.getProperty("console.screenshots");
        if (folder == null) {
            return;
        }
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(folder);
            Files.createDirectories(dir);
            Files.write(dir.resolve(state.replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "") + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) page).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    private static String refer(String example) throws Exception {
        RawHttp.Response created = RawHttp.send(running.port(), "POST", "/referrals", List.of("Content-Type: application/json"),
                Files.readAllBytes(running.stack().template().path().getParent().resolve("infrastructure/events/" + example)));
        assertEquals(201, created.status(), created.text());
        return (String) JsonMapper.createDefault().readValue(created.body(), Map.class).get("reference");
    }

    private static void api(String method, String path, String body, int status) throws Exception {
        RawHttp.Response answer = RawHttp.send(running.port(), method, path, List.of("Authorization: Bearer "
                + running.jwt().issue("local-manager", "manager", Duration.ofHours(1)), "Content-Type: application/json"),
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals(status, answer.status(), method + " " + path + ": " + answer.text());
    }
}
