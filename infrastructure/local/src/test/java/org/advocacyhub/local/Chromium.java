package org.advocacyhub.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the page tests (issue 13): Debian's Chromium driven by its chromium-driver,
 * headless, in a new empty profile, with the flags this machine needs (no background networking:
 * the closed network refuses it). JavaScript can be switched off, as a person may have it, to show
 * every page works without it; pages are then checked with axe-core (npm, injected) in a browser
 * with JavaScript on, since axe is itself a script.
 */
public final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** The WCAG 2.2 AA rules of axe-core (issue 13: 0 violations) and its best-practice rules (issue 21). */
    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    /**
     * Selenium warns that it has no DevTools protocol version for Debian's Chromium; the tests use WebDriver only, so
     * the warning says nothing about them (held here so the logger keeps its level).
     */
    private static final java.util.logging.Logger CDP_NOTICES = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final WebDriver driver;
    private final Path profile;

    private Chromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why no browser can run here (Chromium or its driver not installed), if so: the tests are skipped with it. */
    public static Optional<String> unavailable() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            return Optional.of("no Chromium here (" + BROWSER + ", " + DRIVER + "): install Debian's chromium and chromium-driver, "
                    + "as .ci/run does, to run the browser tests");
        }
        return Optional.empty();
    }

    public static Chromium start(boolean javascript) {
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--window-size=1280,900");
            if (!javascript) {
                options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
                    .withLogFile(new File("/dev/null")).build();
            return new Chromium(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Resizes the viewport's window width (WCAG 1.4.10 reflow: 320 CSS px). */
    public void width(int cssPixels) {
        driver.manage().window().setSize(new Dimension(cssPixels, 900));
    }

    /** Whether the page needs scrolling sideways at the current width (it must not, WCAG 1.4.10). */
    public boolean scrollsSideways() {
        Object wider = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(wider);
    }

    /** axe-core's WCAG 2.2 AA violations on the page now: each rule's id, impact and how many elements break it. */
    @SuppressWarnings("unchecked")
    public List<String> axeViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(r => done(r.violations.map("
                + "v => v.id + ' (' + v.impact + ', ' + v.nodes.length + ' element(s)): ' + v.help + ' ' + "
                + "v.nodes.map(n => n.target.join(' ')).join(' | '))))", WCAG_22_AA);
        return (List<String>) result;
    }

    private static String axeSource() {
        Path axe = Path.of("node_modules/axe-core/axe.min.js");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(axe))) {
                try {
                    return Files.readString(dir.resolve(axe));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("node_modules/axe-core is not installed: npm ci (as .ci/run does)");
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover empty profile in /tmp is harmless
        }
    }
}
