package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.advocacyhub.testing.SamTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local --help} answers at once: the script prints the same usage LocalHub does and builds nothing.
 * The script runs in a copy of the repository whose {@code mvnw} and {@code npm} only record that they were called
 * (and fail), and which has no {@code node_modules}, so anything the script would build or install shows.
 */
class RunLocalHelpTest {

    private static final Path ROOT = SamTemplate.locateFile(Path.of("").toAbsolutePath()).getParent();

    @TempDir
    Path copy;
    private Path calls;

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
    }

    @Test
    void helpPrintsLocalHubsUsageWithoutBuildingOrInstallingAnything() throws Exception {
        assertTrue(LocalHub.USAGE.startsWith("Usage: ./run-local"), LocalHub.USAGE);
        for (String option : List.of("--help", "-h")) {
            Result result = runLocal(option);
            assertEquals(0, result.exitCode(), option + ": " + result.stderr());
            assertEquals(LocalHub.USAGE, result.stdout(), option);
            assertEquals("", result.stderr(), option);
        }
        assertFalse(Files.exists(calls), () -> "run-local --help ran: " + read(calls));
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsageBeforeAnyBuild() throws Exception {
        Result result = runLocal("--port=3001");
        assertEquals(2, result.exitCode());
        assertEquals("", result.stdout());
        assertEquals("Unknown option --port=3001\n\n" + LocalHub.USAGE, result.stderr());
        assertFalse(Files.exists(calls), () -> "run-local --port=3001 ran: " + read(calls));
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private Result runLocal(String option) throws Exception {
        Path out = copy.resolve("stdout.txt");
        Path err = copy.resolve("stderr.txt");
        ProcessBuilder command = new ProcessBuilder("bash", copy.resolve("run-local").toString(), option)
                .directory(copy.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        command.environment().put("PATH", copy.resolve("stub-bin") + ":" + System.getenv("PATH"));
        command.environment().put("STUB_CALLS", calls.toString());
        Process process = command.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("run-local " + option + " did not finish; it printed:\n" + read(out) + read(err));
        }
        return new Result(process.exitValue(), read(out), read(err));
    }

    /** A command that appends its name and arguments to $STUB_CALLS and fails. */
    private static void stub(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\necho \"$0 $*\" >> \"$STUB_CALLS\"\nexit 1\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
