package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RequiresDocker}'s condition on a made-up machine: a temporary directory stands in for "/" and the home
 * directory, a map for the environment, and a counter for Testcontainers, so these tests never touch
 * Testcontainers' {@code DockerClientFactory} and pass the same with or without Docker. What the condition logs is
 * captured, so that a line about a made-up machine never reads as if it were about the build's.
 */
class DockerConditionTest {

    @TempDir
    Path root;

    private Path home;
    private final Map<String, String> settings = new HashMap<>();
    private final AtomicInteger testcontainersAsked = new AtomicInteger();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream stderr;

    @BeforeEach
    void a_linux_machine_with_an_empty_home() throws IOException {
        // slf4j-simple writes to whatever System.err is at the time of each line.
        stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        home = Files.createDirectories(root.resolve("home/someone"));
        settings.put("os.name", "Linux");
    }

    @AfterEach
    void restore_stderr() {
        System.setErr(stderr);
    }

    /** A detection on the made-up machine; Testcontainers, if asked, answers {@code docker}. */
    private DockerDetection detection(boolean docker) {
        return new DockerDetection(settings::get, root, home, () -> {
            testcontainersAsked.incrementAndGet();
            return docker;
        });
    }

    private Path file(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }

    @Test
    void with_no_docker_host_and_no_socket_the_class_is_skipped_without_asking_testcontainers() {
        // Testcontainers would say "available" here: only not asking it gives "disabled".
        ConditionEvaluationResult result = new DockerCondition(detection(true)).evaluateExecutionCondition(null);

        assertTrue(result.isDisabled(), result.toString());
        assertEquals(0, testcontainersAsked.get(), "Testcontainers was asked");
        assertEquals(DockerDetection.NO_DOCKER, result.getReason().orElseThrow());
    }

    @Test
    void no_docker_is_said_once_at_info_however_many_classes_ask() {
        DockerDetection machine = detection(true);
        for (int testClass = 0; testClass < 5; testClass++) {
            // JUnit makes one condition per test class; they share the machine's detection.
            assertTrue(new DockerCondition(machine).evaluateExecutionCondition(null).isDisabled());
        }

        String output = log.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().filter(line -> line.contains("No Docker")).toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).contains(" INFO " + DockerDetection.class.getName() + " - " + DockerDetection.NO_DOCKER), lines.get(0));
        assertEquals(0, testcontainersAsked.get());
    }

    @Test
    void things_that_cannot_run_a_container_are_not_taken_for_docker() throws IOException {
        settings.put("DOCKER_HOST", " ");
        settings.put("PATH", "/usr/local/bin:/usr/bin");
        file(root.resolve("usr/local/bin/docker"), "#!/bin/sh\n");  // the client binary alone runs nothing
        settings.put("XDG_RUNTIME_DIR", "/run/user/1000");
        Files.createDirectories(root.resolve("run/user/1000"));  // a runtime directory without a socket
        file(home.resolve(".docker/config.json"), "{\"auths\": {\"ghcr.io\": {}}, \"currentContext\": \"default\"}");

        assertTrue(detection(true).decision().isDisabled());
        assertEquals(0, testcontainersAsked.get());
    }

    interface Machine {
        void setUp(DockerConditionTest test) throws IOException;
    }

    static Stream<Arguments> machinesWithDocker() {
        return Stream.of(
                Arguments.of("DOCKER_HOST", (Machine) t -> t.settings.put("DOCKER_HOST", "tcp://docker:2375")),
                Arguments.of("DOCKER_CONTEXT", (Machine) t -> t.settings.put("DOCKER_CONTEXT", "colima")),
                Arguments.of("Testcontainers' docker.client.strategy",
                        (Machine) t -> t.settings.put("TESTCONTAINERS_DOCKER_CLIENT_STRATEGY", "org.example.Strategy")),
                Arguments.of("/var/run/docker.sock", (Machine) t -> t.file(t.root.resolve("var/run/docker.sock"), "")),
                Arguments.of("rootless Docker in XDG_RUNTIME_DIR", (Machine) t -> {
                    t.settings.put("XDG_RUNTIME_DIR", "/xdg/runtime");
                    t.file(t.root.resolve("xdg/runtime/docker.sock"), "");
                }),
                Arguments.of("rootless Docker in /run/user/<uid>", (Machine) t -> t.file(t.root.resolve("run/user/1000/docker.sock"), "")),
                Arguments.of("Docker Desktop", (Machine) t -> t.file(t.home.resolve(".docker/run/docker.sock"), "")),
                Arguments.of("a current Docker context",
                        (Machine) t -> t.file(t.home.resolve(".docker/config.json"), "{\"currentContext\": \"colima\"}")),
                Arguments.of("a Docker context in DOCKER_CONFIG", (Machine) t -> {
                    t.settings.put("DOCKER_CONFIG", "/etc/docker-cli");
                    t.file(t.root.resolve("etc/docker-cli/config.json"), "{\"currentContext\": \"remote\"}");
                }),
                Arguments.of("~/.testcontainers.properties", (Machine) t -> t.file(t.home.resolve(".testcontainers.properties"), "tc.host=tcp://cloud:2375\n")),
                Arguments.of("Windows", (Machine) t -> t.settings.put("os.name", "Windows 11")));
    }

    @ParameterizedTest(name = "{0}: Testcontainers decides")
    @MethodSource("machinesWithDocker")
    void where_something_points_at_docker_testcontainers_decides_once(String name, Machine machine) throws IOException {
        machine.setUp(this);

        DockerDetection reachable = detection(true);
        for (int testClass = 0; testClass < 3; testClass++) {
            assertFalse(reachable.decision().isDisabled(), name);
        }
        assertEquals(1, testcontainersAsked.get(), "asked once per machine, not per class");

        ConditionEvaluationResult unreachable = detection(false).decision();
        assertTrue(unreachable.isDisabled(), name);
        assertTrue(unreachable.getReason().orElseThrow().contains("cannot reach"), unreachable.toString());
        assertEquals(2, testcontainersAsked.get());
    }
}
