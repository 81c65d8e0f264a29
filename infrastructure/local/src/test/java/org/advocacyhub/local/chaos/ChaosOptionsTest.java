package org.advocacyhub.local.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chaos command's options, checked before anything starts. */
class ChaosOptionsTest {

    @Test
    void byDefaultEveryScenarioRunsWithTwoHundredReferrals() {
        ChaosOptions options = ChaosOptions.parse();
        assertEquals(200, options.referrals());
        assertEquals(List.of(Scenario.values()), options.scenarios());
    }

    @Test
    void scenariosAreNamedAsTheHelpNamesThem() {
        assertEquals(List.of(Scenario.SES_HANGING, Scenario.KILL), ChaosOptions.parse("--scenarios", "ses-hanging, kill-9").scenarios());
        ChaosOptions.UsageError unknown = assertThrows(ChaosOptions.UsageError.class, () -> ChaosOptions.parse("--scenarios", "gremlins"));
        assertEquals("--scenarios: there is no scenario 'gremlins'; see --help", unknown.getMessage());
    }

    @Test
    void aStackItDidNotStartIsNeverKilled() {
        ChaosOptions attached = ChaosOptions.parse("--url", "http://localhost:3000");
        assertTrue(attached.scenarios().stream().noneMatch(Scenario::kills), "kill-9 is left out");
        ChaosOptions.UsageError error = assertThrows(ChaosOptions.UsageError.class,
                () -> ChaosOptions.parse("--url", "http://localhost:3000", "--scenarios", "kill-9"));
        assertTrue(error.getMessage().contains("cannot kill it"), error.getMessage());
    }

    @Test
    void aBadValueNamesItsOptionAndExitsTwoWithTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Chaos.run(new String[] {"--referrals", "many"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertEquals(2, exit);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("--referrals must be a whole number from 1 to 1000000; got 'many'"), text);
        assertTrue(text.contains("Usage: infrastructure/local/chaos"), text);
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Chaos.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--scenarios LIST"));
    }
}
