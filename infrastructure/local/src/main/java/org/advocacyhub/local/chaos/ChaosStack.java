package org.advocacyhub.local.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack a chaos run drives: one it started itself, as a child JVM running {@code LocalHub} (what
 * {@code ./run-local} runs) on free ports with its data in a directory of its own, so that it can {@code kill -9} the
 * whole of it and start it again on the same data; or one already running ({@code --url}).
 */
final class ChaosStack implements AutoCloseable {

    /** Where every run starts its clock: a Monday 09:00 in London, so that each run meets the same working days. */
    static final String START = "2027-03-01T09:00:00Z";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path localDir;
    private final URI gateway;
    private final URI dynamoDb;
    private final URI sqs;
    private final URI ses;
    private final Map<String, String> environment;
    private final boolean owned;
    private Process process;
    private int starts;

    /** The child's classpath: the build's (infrastructure/local's classes and runtime dependencies), after any prefix given. */
    private List<String> classpath = List.of();

    private ChaosStack(Path localDir, URI gateway, URI dynamoDb, URI sqs, URI ses, Map<String, String> environment, boolean owned) {
        this.localDir = localDir;
        this.gateway = gateway;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.ses = ses;
        this.environment = environment;
        this.owned = owned;
    }

    /**
     * A new stack of its own in a new directory under {@code root}, started and ready, run from the build of
     * {@code repo} (what {@code ./run-local} runs), with {@code prefix} first on its classpath (a test's deliberately
     * broken class; none otherwise).
     */
    static ChaosStack start(Path root, Path repo, List<Path> prefix) {
        try {
            Files.createDirectories(root);
            Path dir = Files.createTempDirectory(root, "run-");
            int port = freePort();
            int dynamo = freePort();
            int queue = freePort();
            int mail = freePort();
            int s3 = freePort();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PORT", Integer.toString(port));
            env.put("DYNAMODB_PORT", Integer.toString(dynamo));
            env.put("SQS_PORT", Integer.toString(queue));
            env.put("SES_PORT", Integer.toString(mail));
            env.put("S3_PORT", Integer.toString(s3));
            env.put("LOCAL_DIR", dir.toString());
            // Failed messages come back in seconds instead of the queues' 120 s, so a run takes minutes (chaos --help).
            env.put("LOCAL_SQS_RETRY_AFTER", "PT2S");
            // The stack stops when this command ends, even by kill -9 (ParentWatch).
            env.put("LOCAL_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            ChaosStack stack = new ChaosStack(dir, URI.create("http://127.0.0.1:" + port + "/"), URI.create("http://127.0.0.1:" + dynamo),
                    URI.create("http://127.0.0.1:" + queue), URI.create("http://127.0.0.1:" + mail), env, true);
            List<String> classpath = new ArrayList<>();
            prefix.forEach(path -> classpath.add(path.toString()));
            classpath.add(repo.resolve("infrastructure/local/target/classes").toString());
            classpath.add(Files.readString(repo.resolve("infrastructure/local/target/runtime-classpath.txt")).strip());
            stack.classpath = List.copyOf(classpath);
            stack.launch(true);
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stack already running at {@code gateway}, its engines on run-local's ports and its tokens in {@code localDir}. */
    static ChaosStack attach(URI gateway, Path localDir, Map<String, String> env) {
        return new ChaosStack(localDir, gateway, URI.create("http://127.0.0.1:" + env.getOrDefault("DYNAMODB_PORT", "8000")),
                URI.create("http://127.0.0.1:" + env.getOrDefault("SQS_PORT", "9324")),
                URI.create("http://127.0.0.1:" + env.getOrDefault("SES_PORT", "8005")), Map.of(), false);
    }

    URI gateway() {
        return gateway;
    }

    URI dynamoDb() {
        return dynamoDb;
    }

    URI sqs() {
        return sqs;
    }

    URI ses() {
        return ses;
    }

    Path localDir() {
        return localDir;
    }

    boolean owned() {
        return owned;
    }

    /** A staff member's token, as the stack wrote it at its last start. */
    String token(String staffId) {
        try {
            return Files.readString(localDir.resolve(staffId + ".token")).strip();
        } catch (IOException e) {
            throw new IllegalStateException("No token for " + staffId + " in " + localDir + ": is the stack running?", e);
        }
    }

    /**
     * {@code kill -9} of the whole stack: the JVM that runs every function and the engines, and every process it started
     * (the SES engine). Nothing is flushed, nothing is closed.
     */
    void kill() {
        if (!owned) {
            throw new IllegalStateException("only a stack this command started can be killed");
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : all) {
            child.onExit().join();
        }
    }

    /** Starts it again on the same data (its clock resumes where it was). */
    void restart() {
        launch(false);
    }

    private void launch(boolean first) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        if (first) {
            env.put("LOCAL_CLOCK", START);
        }
        Instant begun = Instant.now();
        ProcessBuilder command = new ProcessBuilder(javaCommand(classpath)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(localDir.resolve("stack.log").toFile()));
        command.environment().putAll(env);
        command.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            process = command.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local stack", e);
        }
        starts++;
        awaitReady(begun);
    }

    private static List<String> javaCommand(List<String> classpath) {
        String launcher = ProcessHandle.current().info().command().orElse("java");
        return List.of(launcher, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", String.join(java.io.File.pathSeparator, classpath), "org.advocacyhub.local.LocalHub");
    }

    /** Until the gateway answers and the tokens of this start are written. */
    private void awaitReady(Instant begun) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The local stack exited with " + process.exitValue() + " while starting: see "
                        + localDir.resolve("stack.log"));
            }
            try {
                HttpResponse<String> clock = http.send(HttpRequest.newBuilder(gateway.resolve("_local/clock")).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                Path token = localDir.resolve("morgan-manager.token");
                if (clock.statusCode() == 200 && Files.exists(token) && Files.getLastModifiedTime(token).toInstant().isAfter(begun.minusSeconds(1))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the stack started", e);
            }
            sleep(200);
        }
        throw new IllegalStateException("The local stack did not start within " + START_TIMEOUT + ": see " + localDir.resolve("stack.log"));
    }

    int starts() {
        return starts;
    }

    /** Stops a stack this command started, as Ctrl-C does (its data stays until the directory is deleted). */
    @Override
    public void close() {
        if (owned && process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
