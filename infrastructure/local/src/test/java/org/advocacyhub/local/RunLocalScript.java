package org.advocacyhub.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a {@code run-local} script with bash and collects what it printed. */
final class RunLocalScript {

    private RunLocalScript() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(Path directory, String... options) throws Exception {
        return run(directory, Map.of(), options);
    }

    /** Runs {@code directory/run-local} with {@code options}; {@code environment} adds to this JVM's. */
    static Result run(Path directory, Map<String, String> environment, String... options) throws Exception {
        Path out = Files.createTempFile("run-local-out", ".txt");
        Path err = Files.createTempFile("run-local-err", ".txt");
        try {
            String[] command = new String[options.length + 2];
            command[0] = "bash";
            command[1] = directory.resolve("run-local").toString();
            System.arraycopy(options, 0, command, 2, options.length);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("run-local " + String.join(" ", options) + " did not finish; it printed:\n"
                        + read(out) + read(err));
            }
            return new Result(process.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
