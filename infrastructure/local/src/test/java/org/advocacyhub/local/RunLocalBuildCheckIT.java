package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.advocacyhub.testing.SamTemplate;
import org.junit.jupiter.api.Test;

/**
 * The first {@code ./run-local} after {@code ./mvnw -B verify} (or package) starts without building again: the Maven
 * build itself leaves the evidence the script checks. Runs after this module's package phase, so by now the build
 * has done everything it does before {@code ./run-local} would be started.
 */
class RunLocalBuildCheckIT {

    private static final Path ROOT = SamTemplate.locateFile(Path.of("").toAbsolutePath()).getParent();

    @Test
    void afterTheMavenBuildRunLocalNeedsNoBuild() throws Exception {
        RunLocalScript.Result result = RunLocalScript.run(ROOT, "--check-build");
        assertEquals("run-local: up to date, no build needed\n", result.stdout(),
                "a source saved during this build would explain a rebuild; otherwise the build left no evidence");
        assertEquals(0, result.exitCode(), result.stderr());
    }
}
