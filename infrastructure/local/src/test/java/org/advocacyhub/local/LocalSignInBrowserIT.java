package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.advocacyhub.web.console.signin.HostedSignIn;
import org.advocacyhub.web.console.signin.Jwks;
import org.advocacyhub.web.console.signin.SignInSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * {@code ./run-local}'s sign-in page ({@link LocalCognito}) in a real browser: no axe-core WCAG 2.2 AA violations, no
 * sideways scrolling at 320 CSS px, and a button press, under the page's own Content-Security-Policy
 * ({@code form-action 'self'} also governs the redirect that follows the post), reaches the console's callback with a
 * code and the state. Skipped, saying why, where no Chromium can be installed.
 */
class LocalSignInBrowserIT {

    private static LocalHub hub;
    private static String base;
    private static HostedSignIn signIn;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Chromium.unavailable().isEmpty(), () -> Chromium.unavailable().orElse(""));
        hub = new LocalHub();
        LocalHub.Running running = hub.start(Map.of("PORT", freePort(), "DYNAMODB_PORT", freePort(), "SQS_PORT", freePort(),
                "SES_PORT", freePort(), "S3_PORT", freePort()));
        base = "http://localhost:" + running.port();
        signIn = new HostedSignIn(SignInSettings.fromEnvironment(running.functions().get("CaseworkFunction").environment()),
                Jwks.httpClient(), new SecureRandom());
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void wcag22AaTheSignInPageHasNoAxeViolationsAndReflowsAt320Pixels() {
        try (Chromium browser = Chromium.start(true)) {
            browser.driver().get(signIn.start(base + "/console/callback").authorizeUrl().toString());
            assertEquals("Sign in (local demo) - Advocacy Hub", browser.driver().getTitle());
            assertEquals(List.of(), browser.axeViolations());
            browser.width(320);
            assertFalse(browser.scrollsSideways(), "the sign-in page scrolls sideways at 320 px");
        }
    }

    @Test
    void pressingAButtonWithJavaScriptOffGoesToTheCallbackWithACodeAndTheState() throws InterruptedException {
        try (Chromium browser = Chromium.start(false)) {
            WebDriver page = browser.driver();
            HostedSignIn.Start start = signIn.start(base + "/console/callback");
            page.get(start.authorizeUrl().toString());
            page.findElement(By.xpath("//button[normalize-space()='Sign in as Morgan Manager']")).click();
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!page.getCurrentUrl().startsWith(base + "/console/callback") && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            URI callback = URI.create(page.getCurrentUrl());
            assertTrue(callback.getRawQuery().matches("code=[A-Za-z0-9_-]{43}&state=" + start.state()), callback.toString());
        }
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
