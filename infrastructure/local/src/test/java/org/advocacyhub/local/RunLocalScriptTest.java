package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advocacyhub.testing.SamTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code run-local} script before it starts Java: options, and when it builds first.
 *
 * <p>{@code --help} answers at once with the usage LocalHub prints, building nothing: the script runs in a copy of
 * the repository whose {@code mvnw} and {@code npm} only record that they were called (and fail), and which has no
 * {@code node_modules}, so anything the script would build or install shows. The build rule is checked with the
 * script's {@code --check-build} in a small tree whose file times the test sets.
 */
class RunLocalScriptTest {

    private static final Path ROOT = SamTemplate.locateFile(Path.of("").toAbsolutePath()).getParent();
    /** What the Maven build leaves for the script (see infrastructure/local/pom.xml). */
    private static final String STAMP = "infrastructure/local/target/run-local-build.stamp";
    private static final String CLASSPATH = "infrastructure/local/target/runtime-classpath.txt";
    private static final FileTime BEFORE_BUILD = FileTime.from(Instant.parse("2026-11-20T09:00:00Z"));
    private static final FileTime BUILD_STARTED = FileTime.from(Instant.parse("2026-11-20T10:00:00Z"));
    private static final FileTime AFTER_BUILD = FileTime.from(Instant.parse("2026-11-20T10:00:01Z"));

    @TempDir
    Path copy;
    private Path calls;
    private Map<String, String> environment;

    @BeforeEach
    void copyOfTheRepositoryWithRecordingBuildTools() throws IOException {
        try (Stream<Path> entries = Files.list(ROOT)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!List.of("run-local", "mvnw", "node_modules", ".git").contains(name)) {
                    Files.createSymbolicLink(copy.resolve(name), entry);
                }
            }
        }
        Files.copy(ROOT.resolve("run-local"), copy.resolve("run-local"));
        calls = copy.resolve("calls.log");
        Path bin = Files.createDirectories(copy.resolve("stub-bin"));
        stub(copy.resolve("mvnw"));
        stub(bin.resolve("npm"));
        environment = Map.of("PATH", bin + ":" + System.getenv("PATH"), "STUB_CALLS", calls.toString());
    }

    @Test
    void helpPrintsLocalHubsUsageWithoutBuildingOrInstallingAnything() throws Exception {
        assertTrue(LocalHub.USAGE.startsWith("Usage: ./run-local"), LocalHub.USAGE);
        for (String option : List.of("--help", "-h")) {
            RunLocalScript.Result result = RunLocalScript.run(copy, environment, option);
            assertEquals(0, result.exitCode(), option + ": " + result.stderr() + RunLocalScript.read(calls));
            assertEquals(LocalHub.usage(scriptEnvironment(environment)), result.stdout(), option);
            assertEquals("", result.stderr(), option);
        }
        assertFalse(Files.exists(calls), () -> "run-local --help ran: " + RunLocalScript.read(calls));
    }

    @Test
    void helpShowsThePortsAndSettingsInForceNotOnlyTheDefaults() throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(environment);
        settings.putAll(Map.of("PORT", "3101", "SES_PORT", "8105", "S3_PORT", "9100", "LOCAL_CONCURRENCY", "8",
                "LOCAL_DIR", "/tmp/hub-data"));
        RunLocalScript.Result result = RunLocalScript.run(copy, settings, "--help");

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("HTTP port of the API: 3101 (default 3000)"), result.stdout());
        assertTrue(result.stdout().contains("mailbox page: 8105 (default 8005)"), result.stdout());
        assertTrue(result.stdout().contains("the S3 engine: 9100 (default 9000)"), result.stdout());
        assertTrue(result.stdout().contains("8 (default 4)"), result.stdout());
        assertTrue(result.stdout().contains("/tmp/hub-data/data"), result.stdout());
        assertTrue(result.stdout().contains("curl -s localhost:3101/_local/clock"), result.stdout());
        assertFalse(result.stdout().contains("localhost:3000"), "no example names the default port: " + result.stdout());
        assertFalse(result.stdout().contains("${"), "every placeholder replaced: " + result.stdout());
        assertEquals(LocalHub.usage(scriptEnvironment(settings)), result.stdout(), "the script and LocalHub print the same");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsageBeforeAnyBuild() throws Exception {
        RunLocalScript.Result result = RunLocalScript.run(copy, environment, "--port=3001");
        assertEquals(2, result.exitCode());
        assertEquals("", result.stdout());
        assertEquals("Unknown option --port=3001\n\n" + LocalHub.usage(scriptEnvironment(environment)), result.stderr());
        assertFalse(Files.exists(calls), () -> "run-local --port=3001 ran: " + RunLocalScript.read(calls));
    }

    @Test
    void freshIsAnOptionTheScriptPassesOnNotOneItRefuses(@TempDir Path tree) throws Exception {
        builtTree(tree);
        RunLocalScript.Result result = RunLocalScript.run(tree, "--fresh", "--check-build");
        assertEquals("run-local: up to date, no build needed\n", result.stdout(), result.stderr());
        assertEquals(0, result.exitCode());
    }

    @Test
    void aBuildShowsALinePerModuleAsMavenReachesItAndOnFailureMavensErrors(@TempDir Path tree) throws Exception {
        builtTree(tree);
        Files.setLastModifiedTime(tree.resolve("shared/domain/src/main/java/org/x/Rule.java"), AFTER_BUILD);
        Path cli = tree.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
        Files.createDirectories(cli.getParent());
        Files.writeString(cli, "// installed");
        // Maven's own lines, as -B prints them, and a failure.
        Files.writeString(tree.resolve("mvnw"), String.join("\n", "#!/bin/sh",
                "echo '[INFO] Scanning for projects...'",
                "echo '[INFO] Building Advocacy Hub 0.1.0-SNAPSHOT                              [1/3]'",
                "echo '[INFO] --- compiler:3.13.0:compile (default-compile) @ domain ---'",
                "echo '[INFO] Building domain 0.1.0-SNAPSHOT                                    [2/3]'",
                "echo '[ERROR] Rule.java:[3,1] class, interface, enum, or record expected'",
                "exit 1", ""));
        Files.setPosixFilePermissions(tree.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));

        RunLocalScript.Result result = RunLocalScript.run(tree, Map.of("LOCAL_DIR", tree.resolve("state").toString()));

        assertEquals(1, result.exitCode(), result.stdout() + result.stderr());
        List<String> printed = result.stdout().lines().toList();
        assertTrue(printed.get(0).startsWith("run-local: building, shared/domain/src/main/java/org/x/Rule.java changed"),
                result.stdout());
        assertEquals(List.of("run-local:   [1/3] Advocacy Hub", "run-local:   [2/3] domain"), printed.subList(1, printed.size()),
                "one line per module, nothing else of Maven's");
        assertTrue(result.stderr().contains("[ERROR] Rule.java:[3,1] class, interface, enum, or record expected"), result.stderr());
        assertTrue(Files.readString(tree.resolve("state/build.log")).contains("[INFO] Scanning for projects..."),
                "Maven's whole output is kept in the log");
    }

    /** The environment the script sees: this JVM's, with the test's additions. */
    private static Map<String, String> scriptEnvironment(Map<String, String> additions) {
        Map<String, String> all = new java.util.HashMap<>(System.getenv());
        all.putAll(additions);
        return all;
    }

    @Test
    void upToDateWhenTheLastBuildStartedAfterEverySourceChanged(@TempDir Path tree) throws Exception {
        builtTree(tree);
        RunLocalScript.Result result = RunLocalScript.run(tree, "--check-build");
        assertEquals("run-local: up to date, no build needed\n", result.stdout());
        assertEquals(0, result.exitCode());
    }

    @Test
    void anySourceResourcePomOrTheTemplateChangedSinceTheBuildMeansABuildFirst(@TempDir Path tree) throws Exception {
        for (String changed : List.of("template.yaml", "pom.xml", "shared/domain/pom.xml",
                "shared/domain/src/main/java/org/x/Rule.java", "functions/intake/src/main/resources/page.html",
                "infrastructure/local/src/main/resources/run-local-usage.txt", "shared/domain/src/test/java/RuleTest.java")) {
            builtTree(tree);
            Files.setLastModifiedTime(tree.resolve(changed), AFTER_BUILD);
            RunLocalScript.Result result = RunLocalScript.run(tree, "--check-build");
            assertEquals("run-local: would build first: " + changed + " changed since the last build\n", result.stdout());
            assertEquals(1, result.exitCode(), changed);
        }
    }

    @Test
    void whatTheBuildWritesAndFilesOutsideTheBuildDoNotCount(@TempDir Path tree) throws Exception {
        for (String changed : List.of("shared/domain/target/classes/org/x/Rule.class", "infrastructure/local/target/runtime-classpath.txt",
                "README.md", "infrastructure/events/referral.json")) {
            builtTree(tree);
            Files.setLastModifiedTime(tree.resolve(changed), AFTER_BUILD);
            RunLocalScript.Result result = RunLocalScript.run(tree, "--check-build");
            assertEquals("run-local: up to date, no build needed\n", result.stdout(), changed);
        }
    }

    @Test
    void neverBuiltMeansABuildFirst(@TempDir Path tree) throws Exception {
        for (String missing : List.of(STAMP, CLASSPATH)) {
            builtTree(tree);
            Files.delete(tree.resolve(missing));
            RunLocalScript.Result result = RunLocalScript.run(tree, "--check-build");
            assertEquals("run-local: would build first: not built yet\n", result.stdout(), missing);
            assertEquals(1, result.exitCode());
        }
    }

    /** The repository's shape as far as the build check looks, every source older than the build's stamp. */
    private static void builtTree(Path tree) throws IOException {
        Files.copy(ROOT.resolve("run-local"), tree.resolve("run-local"), StandardCopyOption.REPLACE_EXISTING);
        for (String file : List.of("template.yaml", "pom.xml", "README.md", "shared/domain/pom.xml",
                "shared/domain/src/main/java/org/x/Rule.java", "shared/domain/src/test/java/RuleTest.java",
                "shared/domain/target/classes/org/x/Rule.class", "functions/intake/src/main/resources/page.html",
                "infrastructure/local/src/main/resources/run-local-usage.txt", "infrastructure/events/referral.json",
                CLASSPATH, STAMP)) {
            Path path = tree.resolve(file);
            Files.createDirectories(path.getParent());
            if (!Files.exists(path)) {
                Files.writeString(path, file);
            }
            Files.setLastModifiedTime(path, file.equals(STAMP) ? BUILD_STARTED : BEFORE_BUILD);
        }
    }

    /** A command that appends its name and arguments to $STUB_CALLS and fails. */
    private static void stub(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\necho \"$0 $*\" >> \"$STUB_CALLS\"\nexit 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
