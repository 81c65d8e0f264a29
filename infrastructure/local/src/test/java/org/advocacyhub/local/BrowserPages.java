package org.advocacyhub.local;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What the browser tests do with a page as a person would, written once: fill a form, send it, check a page state. */
final class BrowserPages {

    private BrowserPages() {
    }

    /** Axe-core's WCAG 2.2 AA violations of the page as it is, and whether it scrolls sideways at 320 CSS px. */
    static void check(Chromium browser, String state, Map<String, List<String>> violations, Map<String, Boolean> sideways) {
        browser.width(1280);
        violations.put(state, browser.axeViolations());
        browser.width(320);
        sideways.put(state, browser.scrollsSideways());
        browser.width(1280);
    }

    /** The example referral's answers by form field name (dates in day, month, year boxes), as a person fills the form in. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> answers(String example) throws IOException {
        Map<String, Object> json = JsonMapper.createDefault().readValue(Files.readString(
                java.nio.file.Path.of("../events/" + example)), Map.class);
        return org.advocacyhub.testing.HubFixtures.formAnswers(json);
    }


    /** Types, selects, ticks and chooses as a person would: by the field's label where it has one. */
    static void fill(WebDriver page, Map<String, List<String>> answers) {
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
            for (WebElement field : page.findElements(By.name(answer.getKey()))) {
                String type = field.getAttribute("type");
                String tag = field.getTagName();
                if ("hidden".equals(type)) {
                    continue;
                }
                if ("radio".equals(type) || "checkbox".equals(type)) {
                    if (answer.getValue().contains(field.getAttribute("value")) && !field.isSelected()) {
                        click(page, field);
                    }
                } else if ("select".equals(tag)) {
                    field.findElement(By.cssSelector("option[value='" + answer.getValue().get(0) + "']")).click();
                } else {
                    field.clear();
                    field.sendKeys(answer.getValue().get(0));
                }
            }
        }
    }

    /** Presses the form's button and waits for the next page to replace this one (a form post navigates, with or without JavaScript). */
    /** Refers with the public form as a person would: the service, then the example's answers, then Send. */
    static void referByForm(WebDriver page, String base, String service, String example) throws IOException {
        page.get(base + "/referrals/new");
        choose(page, "service", service);
        submit(page);
        fill(page, answers(example));
        submit(page);
    }

    static void submit(WebDriver page) {
        press(page, page.findElement(By.cssSelector("main button[type=submit], body > form button[type=submit], form button[type=submit]")));
    }

    /** Presses a button or link (by its label, for a labelled input) and waits for the next page to replace this one. */
    static void press(WebDriver page, WebElement control) {
        WebElement before = page.findElement(By.tagName("html"));
        click(page, control);
        long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            try {
                before.getTagName();
            } catch (org.openqa.selenium.WebDriverException replaced) {
                // Stale, or (chromedriver's other answer for the same thing) "does not belong to the document".
                page.findElement(By.tagName("body"));
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("pressing it did not load a page within 20 s: " + page.getCurrentUrl());
    }

    static void choose(WebDriver page, String name, String value) {
        click(page, page.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")));
    }

    static void click(WebDriver page, WebElement input) {
        String id = input.getAttribute("id");
        List<WebElement> labels = id == null || id.isEmpty() ? List.of() : page.findElements(By.cssSelector("label[for='" + id + "']"));
        (labels.isEmpty() ? input : labels.get(0)).click();
    }

    /** Signs in on the local hosted sign-in as the demo team's {@code member}, from the console's home. */
    static void signIn(WebDriver page, String base, String member) {
        page.get(base + "/console");
        WebElement button = page.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().contains(member)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + member + " on " + page.getCurrentUrl()));
        press(page, button);
    }

    /** Signs out with the console header's button. */
    static void signOut(WebDriver page) {
        press(page, page.findElement(By.xpath("//header//button[contains(.,'Sign out')]")));
    }

    static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
