package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The staff console in a real browser on the {@code ./run-local} stack (issue 13 item 4): with
 * JavaScript off, a referral is sent on the public form, the duty manager signs in and allocates
 * it, the advocate signs in, records contact and time, and sees the contact clock stop. Every page
 * state is checked with axe-core for WCAG 2.2 AA (0 violations) and for reflow at 320 CSS px; the
 * allocation form is used by keyboard alone. Skipped, saying why, where no Chromium can be installed.
 */
class ConsoleBrowserIT {

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
    void withJavaScriptOffAReferralIsAllocatedByTheDutyManagerAndTheAdvocateRecordsContactAndTimeAndSeesTheClockStop() throws Exception {
        try (Chromium browser = Chromium.start(false)) {
            WebDriver page = browser.driver();
            BrowserPages.referByForm(page, base, "IMCA", "referral-imca.json");
            String reference = page.findElement(By.tagName("body")).getText().replaceAll("(?s).*(LLR-2026-\\d{6}).*", "$1");
            HubSteps.awaitScreened(running, reference);

            signIn(page, "/console", "Morgan Manager");
            assertEquals("Duty manager's view", page.findElement(By.tagName("h1")).getText());
            BrowserPages.press(page, page.findElement(By.linkText("Waiting list")));
            WebElement select = page.findElement(By.id("advocate-" + reference));
            select.findElement(By.cssSelector("option[value='ira-imca']")).click();
            BrowserPages.press(page, page.findElement(By.xpath("//form[contains(@action,'/" + reference + "/allocation')]//button")));
            assertTrue(page.findElements(By.linkText(reference)).isEmpty(), "allocated: off the waiting list");
            signOut(page);

            // An hour on: the advocate records what they did since (a time typed is never before the referral arrived).
            HubSteps.later(running, Duration.ofHours(1));
            signIn(page, "/console", "Ira Imca");
            BrowserPages.press(page, page.findElement(By.linkText(reference)));
            assertEquals("Case " + reference, page.findElement(By.tagName("h1")).getText());
            String contactClock = clockState(page, "Contact the person");
            assertFalse(contactClock.startsWith("Met"), "the contact clock runs before contact: " + contactClock);

            page.findElement(By.cssSelector("#form-contacts summary")).click();
            BrowserPages.choose(page, "method", "PHONE");
            BrowserPages.choose(page, "withPerson", "yes");
            BrowserPages.choose(page, "successful", "yes");
            BrowserPages.press(page, page.findElement(By.cssSelector("#form-contacts button[type=submit]")));
            assertTrue(page.getPageSource().contains("Contact recorded."), page.getTitle());
            assertTrue(clockState(page, "Contact the person").startsWith("Met: stopped"), "the contact clock stopped in time");

            page.findElement(By.cssSelector("#form-time summary")).click();
            page.findElement(By.id("time-minutes")).sendKeys("45");
            BrowserPages.choose(page, "kind", "DIRECT");
            BrowserPages.choose(page, "activity", "PHONE_OR_VIDEO");
            BrowserPages.press(page, page.findElement(By.cssSelector("#form-time button[type=submit]")));
            assertTrue(page.getPageSource().contains("Time recorded."), page.getTitle());
            assertTrue(page.getPageSource().contains("0 h 45 min in all"), "the case's time");
        }
    }

    @Test
    void wcag22AaEveryConsolePageStateHasNoAxeViolationsAndReflowsAt320Pixels() throws Exception {
        String reference = HubSteps.refer(running, "referral-imca.json");
        answerphoneMessage();
        try (Chromium browser = Chromium.start(true)) {
            WebDriver page = browser.driver();
            Map<String, List<String>> violations = new LinkedHashMap<>();
            Map<String, Boolean> sideways = new LinkedHashMap<>();
            page.get(base + "/console");
            BrowserPages.check(browser, "sign-in", violations, sideways);
            chooseMember(page, "Morgan Manager");
            BrowserPages.check(browser, "manager's home", violations, sideways);
            page.get(base + "/console/waiting-list?contract=LLR");
            BrowserPages.check(browser, "waiting list", violations, sideways);
            page.get(base + "/console/cases/" + reference);
            BrowserPages.check(browser, "case page (manager)", violations, sideways);
            // Issue 22: the legal hold's form with its errors, the case held, and the retention review.
            page.findElement(By.cssSelector("#form-legal-hold summary")).click();
            BrowserPages.press(page, page.findElement(By.cssSelector("#form-legal-hold button[type=submit]")));
            assertTrue(page.getTitle().startsWith("Error:"), page.getTitle());
            BrowserPages.check(browser, "case page with the legal hold's errors", violations, sideways);
            BrowserPages.choose(page, "reason", "COMPLAINT");
            page.findElement(By.id("legal-hold-details")).sendKeys("Complaint of 23 November");
            BrowserPages.press(page, page.findElement(By.cssSelector("#form-legal-hold button[type=submit]")));
            assertTrue(page.getPageSource().contains("Legal hold set."), page.getTitle());
            BrowserPages.check(browser, "case page under a legal hold", violations, sideways);
            page.get(base + "/console/retention?contract=LLR");
            BrowserPages.check(browser, "retention review", violations, sideways);
            page.get(base + "/console/answerphone?contract=LLR");
            BrowserPages.check(browser, "answerphone", violations, sideways);
            page.findElement(By.cssSelector("details summary")).click();
            BrowserPages.press(page, page.findElement(By.cssSelector("details form button[type=submit]")));
            BrowserPages.check(browser, "answerphone response with errors", violations, sideways);
            page.get(base + "/console/staff");
            BrowserPages.check(browser, "staff", violations, sideways);
            page.get(base + "/console/reports");
            BrowserPages.check(browser, "reports", violations, sideways);
            BrowserPages.choose(page, "contract", "LLR");
            BrowserPages.press(page, page.findElement(By.xpath("//main//button[contains(.,'Ask for the report')]")));
            assertTrue(page.getCurrentUrl().matches(".*/console/reports/[^/?]+$"), page.getCurrentUrl());
            BrowserPages.check(browser, "a report's page", violations, sideways);

            page.get(base + "/console/waiting-list?contract=LLR");
            ((JavascriptExecutor) page).executeScript("const o = document.createElement('option'); o.value = 'cai-cyp'; "
                    + "o.textContent = 'Cai Cyp'; document.getElementById(arguments[0]).appendChild(o);", "advocate-" + reference);
            page.findElement(By.cssSelector("#advocate-" + reference + " option[value='cai-cyp']")).click();
            BrowserPages.press(page, page.findElement(By.xpath("//form[contains(@action,'/" + reference + "/allocation')]//button")));
            assertTrue(page.getPageSource().contains("LLR 9.32"), "a refused choice shows the rule and clause");
            BrowserPages.check(browser, "waiting list with a refused allocation", violations, sideways);
            page.findElement(By.cssSelector("#advocate-" + reference + " option[value='ira-imca']")).click();
            BrowserPages.press(page, page.findElement(By.xpath("//form[contains(@action,'/" + reference + "/allocation')]//button")));
            signOut(page);
            BrowserPages.check(browser, "signed out", violations, sideways);

            signIn(page, "/console", "Ira Imca");
            BrowserPages.check(browser, "advocate's home", violations, sideways);
            page.get(base + "/console/cases/" + reference);
            BrowserPages.check(browser, "case page (advocate)", violations, sideways);
            page.findElement(By.cssSelector("#form-contacts summary")).click();
            BrowserPages.press(page, page.findElement(By.cssSelector("#form-contacts button[type=submit]")));
            assertTrue(page.getTitle().startsWith("Error:"), page.getTitle());
            BrowserPages.check(browser, "case page with a form's errors", violations, sideways);
            page.findElement(By.cssSelector("#form-closure summary")).click();
            BrowserPages.press(page, page.findElement(By.cssSelector("#form-closure button[type=submit]")));
            BrowserPages.check(browser, "case page with the closure's errors", violations, sideways);
            page.get(base + "/console/waiting-list?contract=LLR");
            BrowserPages.check(browser, "waiting list (advocate)", violations, sideways);

            violations.forEach((state, found) -> assertEquals(List.of(), found, state + ": axe-core WCAG 2.2 AA and best-practice violations"));
            sideways.forEach((state, scrolls) -> assertFalse(scrolls, state + ": scrolls sideways at 320 CSS px (WCAG 1.4.10)"));
            System.out.println("axe-core " + Chromium.WCAG_22_AA + ": " + violations.size() + " console page states, "
                    + violations.values().stream().mapToInt(List::size).sum() + " violations");
        }
    }

    /** WCAG 2.1.1, 2.4.3, 2.4.7: the allocation form by keyboard alone, in order, each stop visibly focused, sent with Enter. */
    @Test
    void wcag211TheAllocationFormIsUsedByKeyboardAloneWithAVisibleFocus() throws Exception {
        String reference = HubSteps.refer(running, "referral-imca.json");
        try (Chromium browser = Chromium.start(true)) {
            WebDriver page = browser.driver();
            signIn(page, "/console/waiting-list?contract=LLR", "Morgan Manager");
            JavascriptExecutor js = (JavascriptExecutor) page;
            String select = "advocate-" + reference;
            List<String> stops = new ArrayList<>();
            List<String> unseen = new ArrayList<>();
            Actions keys = new Actions(page);
            for (int presses = 0; presses < 400 && !stops.contains("allocate"); presses++) {
                keys.sendKeys(Keys.TAB).perform();
                @SuppressWarnings("unchecked")
                Map<String, Object> focused = (Map<String, Object>) js.executeScript("const e = document.activeElement;"
                        + "const f = e && e.closest('form'); const s = getComputedStyle(e);"
                        + "return {id: e.id, inRow: !!f && f.action.includes(arguments[0]), tag: e.tagName,"
                        + "visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'};",
                        "/" + reference + "/allocation");
                if (Boolean.TRUE.equals(focused.get("inRow"))) {
                    String stop = "BUTTON".equals(focused.get("tag")) ? "allocate" : (String) focused.get("id");
                    if (!stops.contains(stop)) {
                        stops.add(stop);
                        if (stop.equals(select)) {
                            // Nobody is chosen for the manager (issue 21): the first advocate, by keyboard.
                            keys.sendKeys(Keys.ARROW_DOWN).perform();
                        }
                        if (!Boolean.TRUE.equals(focused.get("visible"))) {
                            unseen.add(stop);
                        }
                    }
                }
            }
            assertEquals(List.of(select, "allocate"), stops, "the row's form: the advocate, then the button");
            assertEquals(List.of(), unseen, "stops without a visible focus indicator (WCAG 2.4.7)");
            keys.sendKeys(Keys.ENTER).perform();
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < until && !page.findElements(By.linkText(reference)).isEmpty()) {
                Thread.sleep(50);
            }
            assertTrue(page.findElements(By.linkText(reference)).isEmpty(), "Enter on Allocate allocated the case");
        }
    }

    /** The contact clock's state cell on the case page ("Contact the person ..."), by the start of the clock's words. */
    private static String clockState(WebDriver page, String clockWords) {
        for (WebElement row : page.findElements(By.cssSelector("table tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (!cells.isEmpty() && cells.get(0).getText().toLowerCase(java.util.Locale.UK).startsWith(clockWords.toLowerCase(java.util.Locale.UK))) {
                return cells.get(cells.size() - 1).getText();
            }
        }
        throw new AssertionError("no clock '" + clockWords + "' on " + page.getCurrentUrl());
    }

    private static void signIn(WebDriver page, String path, String member) {
        page.get(base + path);
        chooseMember(page, member);
    }

    /** On the local hosted sign-in, the demo team member's button. */
    private static void chooseMember(WebDriver page, String member) {
        WebElement button = page.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().contains(member)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + member + " on " + page.getCurrentUrl()));
        BrowserPages.press(page, button);
    }

    private static void signOut(WebDriver page) {
        BrowserPages.press(page, page.findElement(By.xpath("//header//button[contains(.,'Sign out')]")));
        assertTrue(page.getCurrentUrl().endsWith("/console/signed-out"), page.getCurrentUrl());
    }


    private static void answerphoneMessage() throws Exception {
        String token = running.jwt().issue("local-manager", "manager", Duration.ofHours(1));
        RawHttp.Response created = RawHttp.send(running.port(), "POST", "/answerphone-messages", List.of("Content-Type: application/json",
                "Authorization: Bearer " + token), ("{\"contract\": \"LLR\", \"leftAt\": \"2026-11-23T09:00:00Z\", \"callerName\": "
                + "\"Pat Example\", \"callbackNumber\": \"07700 900123\", \"preferredMethod\": \"PHONE\", \"summary\": "
                + "\"Please call me back.\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(created.status() == 201 || created.status() == 200, created.text());
    }


}
