package org.advocacyhub.local.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.advocacyhub.testing.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's chaos run in CI: a small run (160 referrals, every class of fault, kill -9 included) against a stack the
 * command starts itself passes every invariant on this build; and the same command fails, naming what went twice, on
 * a deliberately broken build (the mail sender's one line changed so that it sends before it claims).
 */
class ChaosRunIT {

    private static final Path ROOT = SamTemplate.locateFile(Path.of("").toAbsolutePath()).getParent();

    @TempDir
    Path broken;

    private record Run(int exit, String out) {
    }

    private static Run chaos(List<Path> prefix, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Chaos.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), prefix);
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        return new Run(exit, text);
    }

    @Test
    void aHundredAndSixtyReferralsUnderEveryFaultLoseNothingAndSendNothingTwice() {
        Run run = chaos(List.of(), "--referrals", "160", "--threads", "16");
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("| scenario | sent | accepted | stored | screened | letters | alerts | duplicates | lost | not known |"));
        for (Scenario scenario : Scenario.values()) {
            assertTrue(run.out().contains("| " + scenario.label() + " |"), scenario.label() + " has its row");
        }
        assertTrue(run.out().contains("Every invariant holds"), run.out());
    }

    @Test
    void aBuildWhoseMailSenderSendsBeforeItClaimsFailsTheRunNamingWhatWentTwice() throws Exception {
        Path source = ROOT.resolve("shared/application/src/main/java/org/advocacyhub/application/mail/SendMail.java");
        String original = Files.readString(source);
        String claim = "        Optional<Claim> claim = outbox.claim(mail, now, LEASE);";
        assertTrue(original.contains(claim), "the line the mutation changes is still there");
        Path mutated = broken.resolve("src/org/advocacyhub/application/mail/SendMail.java");
        Files.createDirectories(mutated.getParent());
        Files.writeString(mutated, original.replace(claim, "        sender.send(mail.mail()); // deliberately broken: sends before it claims\n" + claim));
        Path classes = Files.createDirectories(broken.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> options = new ArrayList<>(List.of("-proc:none", "-d", classes.toString(), "-cp",
                Files.readString(ROOT.resolve("infrastructure/local/target/runtime-classpath.txt")).strip(), mutated.toString()));
        assertEquals(0, javac.run(null, null, null, options.toArray(String[]::new)), "the broken build compiles");

        Run run = chaos(List.of(classes), "--referrals", "16", "--threads", "8", "--scenarios", "baseline");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("went 2 times"), run.out());
        assertTrue(run.out().contains("invariant(s) broken"), run.out());
        // A failed run keeps its stack's data for a person to look at; this one was meant to fail.
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("its data is kept in (\\S+)").matcher(run.out());
        assertTrue(kept.find(), "a failed run says where its data is: " + run.out());
        Path data = Path.of(kept.group(1));
        assertTrue(Files.isDirectory(data), "a failed run keeps its data");
        try (var all = Files.walk(data)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
