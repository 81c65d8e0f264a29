package org.advocacyhub.local.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.advocacyhub.testing.LocalEngines;
import org.advocacyhub.testing.SamTemplate;

/**
 * Makes each function jar's application class-data-sharing archive when the project is built (issue 12): infrastructure/
 * local's package phase runs this after every function is packaged. It starts the local engines on free ports, creates
 * the template's tables and queues, and runs each Lambda jar once as {@code bench-cold.sh} does (a fresh JVM, the
 * template's JVM options and environment, the function's sample event through {@link ColdStart}) with
 * {@code -XX:ArchiveClassesAtExit}: the JVM writes every class the cold start loaded, parsed and verified, to
 * {@code functions/<module>/target/<module>-lambda.jsa}. A jar two functions share is trained on its first function.
 *
 * <p>An archive is only valid for the JVM that made it and the very jars it was made from (the JVM checks their size
 * and time, and refuses a stale archive with a warning, then starts without it). {@code bench-cold.sh} uses these
 * archives and makes any that is missing or older than its jar. Where this applies in AWS is in the README (Performance).
 *
 * <p>It also proves each Lambda jar runs alone, as Lambda runs it: the build fails when a function cannot start from its
 * jar or its sample event throws. Arguments: the project root; or {@code --launcher} and the project root, to make the
 * launcher jar only. It does not fail the build when the engines cannot start
 * (no Node.js, say): it says so, and the benchmark makes the archives itself.
 */
public final class ClassDataArchives {

    /** The launcher every timed and training run puts after the function jar: ColdStart and what it uses. */
    static final String LAUNCHER = "infrastructure/local/target/cold-start/cold-start-launcher.jar";

    private ClassDataArchives() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--launcher")) {
            launcher(Path.of(args[1]).toAbsolutePath().normalize()); // bench-cold.sh, when the classes are newer
            return;
        }
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path launcher = launcher(root);
        SamTemplate template = SamTemplate.load(root.resolve(SamTemplate.FILE_NAME));
        LocalEngines engines;
        try {
            engines = LocalEngines.builder().projectRoot(root).dynamoDbPort(freePort()).sqsPort(freePort())
                    .sesPort(freePort()).s3Port(freePort()).start();
        } catch (RuntimeException cannotStart) {
            System.out.println("ClassDataArchives: no archives made, the local engines did not start (" + cannotStart.getMessage()
                    + "); infrastructure/local/bench-cold.sh makes them in its warm-up");
            return;
        }
        try (engines) {
            Path plan = root.resolve("infrastructure/local/target/cold-start/training");
            String functions = ColdStartPlan.write(plan, engines, template, true);
            Set<String> jars = new LinkedHashSet<>();
            for (String line : functions.split("\n")) {
                String[] field = line.split("\t", -1);
                String id = field[0];
                String jar = field[2];
                if (!jars.add(jar)) {
                    continue;
                }
                Path jarPath = root.resolve(jar);
                Path archive = archiveOf(jarPath);
                Files.deleteIfExists(archive);
                List<String> command = new ArrayList<>(List.of(javaCommand(), "-XX:ArchiveClassesAtExit=" + archive,
                        "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", jarPath + ":" + launcher,
                        ColdStart.class.getName(), field[1], root.resolve(field[3]).toString(), field[4]));
                ProcessBuilder training = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                        .redirectOutput(plan.resolve(id + ".log").toFile());
                for (String variable : Files.readAllLines(plan.resolve(id + ".env"))) {
                    int equals = variable.indexOf('=');
                    training.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
                }
                training.environment().put("JAVA_TOOL_OPTIONS", field[5]);
                long start = System.nanoTime();
                Process process = training.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (process.exitValue() != 0) {
                    // The jar alone could not start its function or handle its event: a broken Lambda jar.
                    throw new IllegalStateException(id + " did not run from " + jar + " alone (exit " + process.exitValue()
                            + "): see " + root.relativize(plan.resolve(id + ".log")));
                }
                if (Files.isRegularFile(archive)) {
                    System.out.printf("ClassDataArchives: %s (%s, %.1f MB, %d ms)%n", root.relativize(archive), id,
                            Files.size(archive) / 1e6, millis);
                } else {
                    System.out.println("ClassDataArchives: no archive for " + jar + " (" + id + "): see " + root.relativize(plan.resolve(id + ".log")));
                }
            }
        }
    }

    /** Where a Lambda jar's archive is: beside it, {@code <module>-lambda.jsa}. */
    static Path archiveOf(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
    }

    /**
     * The launcher jar, remade from this module's classes (a class-data archive holds classes from jars only). An
     * archive is valid only with the launcher it was made with, so bench-cold.sh remakes archives when it is newer.
     */
    static Path launcher(Path root) throws IOException {
        Path classes = root.resolve("infrastructure/local/target/classes");
        Path jar = root.resolve(LAUNCHER);
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.list(classes.resolve("org/advocacyhub/local/bench"))) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("ColdStart") || name.startsWith("Bench")) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
