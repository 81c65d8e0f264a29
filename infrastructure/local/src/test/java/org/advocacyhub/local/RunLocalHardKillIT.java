package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.advocacyhub.testing.AwsClients;
import org.advocacyhub.testing.AwsEndpoints;
import org.advocacyhub.testing.SamTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code ./run-local} killed with {@code kill -9} while referrals arrive, then started again on the same data: every
 * referral that was answered 201 is a case, the queued message is still queued, every email the mailbox listed is
 * listed again (same message ids, same order), the clock stands where it was, and the next referral gets the next
 * reference, never one given before.
 *
 * <p>The hub runs in a child JVM, as {@code ./run-local} starts it (LocalHub's main on the build's classpath, the
 * repository as working directory), so the kill is a real one: no shutdown hook, no close; and the SES engine, a Node
 * process of that JVM, must end by itself when its parent dies.
 */
class RunLocalHardKillIT {

    private static final Path ROOT = SamTemplate.locateFile(Path.of("").toAbsolutePath()).getParent();
    private static final String QUEUE_NOBODY_READS = "ScreeningDeadLetterQueue";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path localDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.createDefault();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void nothingAcknowledgedIsLostAndNoReferenceIsGivenTwiceAfterAKillAndARestart() throws Exception {
        Map<String, String> firstPorts = freePorts();
        Process first = start(firstPorts, Map.of("LOCAL_CLOCK", "2026-11-23T10:00:00Z"), "first");
        int port = Integer.parseInt(firstPorts.get("PORT"));
        Duration offsetBefore = clockOffset(port);

        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Thread referrer = new Thread(() -> postUntilRefused(port, acknowledged), "referrer");
        referrer.start();
        awaitAtLeast(acknowledged, 8);

        List<String> mailedBefore = awaitMail(Integer.parseInt(firstPorts.get("SES_PORT")), 1);
        List<ProcessHandle> children = first.descendants().toList();
        assertFalse(children.isEmpty(), "the SES engine runs as a child process");
        try (SqsClient sqs = AwsClients.sqs(engines(firstPorts))) {
            String queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName())).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("queued before the kill"));
        }
        // The kill follows SQS's answer at once: the message must already be on disk.
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the hub's JVM died");
        referrer.join(TimeUnit.MINUTES.toMillis(2));
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "the SES engine ends with its parent");
        }
        List<String> answered = List.copyOf(acknowledged);

        Map<String, String> secondPorts = freePorts();
        long restart = System.nanoTime();
        start(secondPorts, Map.of(), "second");
        // Counts and times only: what the run did, for the record.
        System.out.printf("Killed after %d referrals answered 201 and %d emails listed; restarted on the kept data in %d ms%n",
                answered.size(), mailedBefore.size(), (System.nanoTime() - restart) / 1_000_000);
        int portAfter = Integer.parseInt(secondPorts.get("PORT"));
        String manager = Files.readString(localDir.resolve("morgan-manager.token")).strip();

        for (String reference : answered) {
            HttpResponse<String> view = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portAfter + "/cases/" + reference))
                    .header("Authorization", "Bearer " + manager).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, view.statusCode(), reference + " was answered 201 before the kill and is a case after it");
        }
        try (SqsClient sqs = AwsClients.sqs(engines(secondPorts))) {
            String queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName())).queueUrl();
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2))
                    .messages();
            assertEquals(List.of("queued before the kill"), messages.stream().map(Message::body).toList());
        }
        List<String> mailedAfter = mailbox(Integer.parseInt(secondPorts.get("SES_PORT")));
        assertEquals(mailedBefore, mailedAfter.subList(0, Math.min(mailedAfter.size(), mailedBefore.size())),
                "every email listed before is listed again, in order, with its message id");
        assertEquals(offsetBefore, clockOffset(portAfter), "the clock resumes where it stood");

        String next = post(portAfter, "after-restart");
        assertFalse(answered.contains(next), next + " was given before the kill");
        long highestBefore = answered.stream().mapToLong(RunLocalHardKillIT::sequence).max().orElseThrow();
        assertTrue(sequence(next) > highestBefore, next + " comes after every reference given before (" + highestBefore + ")");
    }

    // ------------------------------------------------------------------ the child JVM

    private Process start(Map<String, String> ports, Map<String, String> settings, String name) throws Exception {
        List<String> classpath = new ArrayList<>();
        classpath.add(ROOT.resolve("infrastructure/local/target/classes").toString());
        classpath.add(Files.readString(ROOT.resolve("infrastructure/local/target/runtime-classpath.txt")).strip());
        Path output = localDir.resolve(name + ".out");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.org.advocacyhub=info",
                "-cp", String.join(java.io.File.pathSeparator, classpath), LocalHub.class.getName())
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        command.environment().putAll(ports);
        command.environment().put(LocalHub.LOCAL_DIR, localDir.toString());
        command.environment().remove("LOCAL_CLOCK");
        command.environment().putAll(settings);
        Process process = command.start();
        started.add(process);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.readString(output).contains("Press Ctrl-C to stop.")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("./run-local (" + name + ") did not start:\n" + tail(output));
            }
            Thread.sleep(200);
        }
        return process;
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static Map<String, String> freePorts() throws IOException {
        Map<String, String> ports = new LinkedHashMap<>();
        for (String name : List.of("PORT", "DYNAMODB_PORT", "SQS_PORT", "SES_PORT", "S3_PORT")) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ports.put(name, String.valueOf(socket.getLocalPort()));
            }
        }
        return ports;
    }

    private static AwsEndpoints engines(Map<String, String> ports) {
        return AwsEndpoints.of(URI.create("http://127.0.0.1:" + ports.get("DYNAMODB_PORT")),
                URI.create("http://127.0.0.1:" + ports.get("SQS_PORT")), URI.create("http://127.0.0.1:" + ports.get("SES_PORT")));
    }

    private static String queueName() {
        return SamTemplate.locate().queue(QUEUE_NOBODY_READS).localName();
    }

    // ------------------------------------------------------------------ requests

    /** Posts referrals one after another until the hub stops answering (the kill), keeping the references answered 201. */
    private void postUntilRefused(int port, List<String> acknowledged) {
        for (int i = 0; i < 200; i++) {
            try {
                acknowledged.add(post(port, "before-kill-" + i));
            } catch (IOException | RuntimeException stopped) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String post(int port, String idempotencyKey) throws IOException, InterruptedException {
        byte[] referral = Files.readAllBytes(ROOT.resolve("infrastructure/events/referral-imca.json"));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/referrals"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(referral)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /referrals answered " + created.statusCode());
        }
        return (String) json.readValue(created.body(), Map.class).get("reference");
    }

    private Duration clockOffset(int port) throws IOException, InterruptedException {
        HttpResponse<String> clock = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + LocalClockEndpoint.PATH))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return Duration.parse((String) json.readValue(clock.body(), Map.class).get("offset"));
    }

    /** The message ids the mailbox lists, oldest first. */
    @SuppressWarnings("unchecked")
    private List<String> mailbox(int sesPort) throws IOException, InterruptedException {
        HttpResponse<String> store = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sesPort + "/store")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        List<Map<String, Object>> emails = (List<Map<String, Object>>) json.readValue(store.body(), Map.class).get("emails");
        return emails.stream().map(email -> (String) email.get("messageId")).toList();
    }

    private List<String> awaitMail(int sesPort, int atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        List<String> ids = mailbox(sesPort);
        while (ids.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);
            ids = mailbox(sesPort);
        }
        assertTrue(ids.size() >= atLeast, "the hub sent mail before the kill");
        return ids;
    }

    private static void awaitAtLeast(List<String> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(acknowledged.size() >= count, "referrals were answered 201 before the kill: " + acknowledged.size());
    }

    /** The running number at the end of a reference such as {@code LLR-2026-000012}. */
    private static long sequence(String reference) {
        return Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1));
    }
}
