package org.advocacyhub.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Whether this machine has Docker, decided without Testcontainers where that is safe.
 *
 * <p>Testcontainers' own check logs an ERROR, listing every strategy it tried, on each machine without Docker, and a
 * passing build must not print ERROR lines. So Testcontainers is asked only when something could lead it to an
 * engine (a <i>hint</i>): {@code DOCKER_HOST}, {@code DOCKER_CONTEXT} or {@code TESTCONTAINERS_DOCKER_CLIENT_STRATEGY}
 * (environment or system property), a {@code ~/.testcontainers.properties}, a current context in the Docker CLI's
 * {@code config.json}, Windows (whose named pipe is not a file to look for), or a Docker socket where Testcontainers
 * looks for one. A {@code docker} client binary is no hint: it runs nothing without an engine.
 *
 * <p>With no hint, the decision is "disabled" and one INFO line says so. With a hint, Testcontainers decides; if it
 * then finds no engine, its ERROR stays visible, because Docker that is configured but not answering is a broken
 * machine, not an expected one.
 *
 * <p>The decision is made on first use and kept: one check and at most one log line per instance, and
 * {@link #thisMachine()} is one instance per JVM.
 */
final class DockerDetection {

    static final String NO_DOCKER = "No Docker here (no DOCKER_HOST, Docker context or Testcontainers configuration, and no "
            + "Docker socket such as /var/run/docker.sock): tests that need Docker (@RequiresDocker, the LocalStack tests) "
            + "are skipped";

    /** Settings that point Testcontainers (or the docker-java client inside it) at an engine. */
    static final List<String> SETTINGS = List.of("DOCKER_HOST", "DOCKER_CONTEXT", "TESTCONTAINERS_DOCKER_CLIENT_STRATEGY");

    private static final Logger LOG = LoggerFactory.getLogger(DockerDetection.class);
    private static final Pattern CURRENT_CONTEXT = Pattern.compile("\"currentContext\"\\s*:\\s*\"([^\"]*)\"");

    private final Function<String, String> settings;
    private final Path root;
    private final Path home;
    private final BooleanSupplier testcontainers;
    private ConditionEvaluationResult decision;

    /**
     * @param settings       environment variables and system properties by name (null when unset)
     * @param root           the file system root, under which absolute socket paths are looked for
     * @param home           the user's home directory
     * @param testcontainers asks Testcontainers whether it can reach Docker; called only when there is a hint
     */
    DockerDetection(Function<String, String> settings, Path root, Path home, BooleanSupplier testcontainers) {
        this.settings = settings;
        this.root = root;
        this.home = home;
        this.testcontainers = testcontainers;
    }

    /** This JVM's one detection. */
    static DockerDetection thisMachine() {
        return ThisMachine.DOCKER;
    }

    private static final class ThisMachine {
        // A system property wins over the environment, as in docker-java's own configuration.
        static final DockerDetection DOCKER = new DockerDetection(
                name -> System.getProperty(name, System.getenv(name)),
                Path.of("/"),
                Path.of(System.getProperty("user.home")),
                () -> DockerClientFactory.instance().isDockerAvailable());
    }

    /** Enabled where Docker answers; disabled, with the reason, where it does not. Decided once. */
    synchronized ConditionEvaluationResult decision() {
        if (decision == null) {
            decision = decide();
        }
        return decision;
    }

    private ConditionEvaluationResult decide() {
        Optional<String> hint = hint();
        if (hint.isEmpty()) {
            LOG.info(NO_DOCKER);
            return ConditionEvaluationResult.disabled(NO_DOCKER);
        }
        if (testcontainers.getAsBoolean()) {
            return ConditionEvaluationResult.enabled("Docker is available (" + hint.get() + ")");
        }
        return ConditionEvaluationResult.disabled("Docker is configured (" + hint.get() + ") but Testcontainers cannot reach it");
    }

    /** The first thing found that could lead Testcontainers to a Docker engine, if any. */
    Optional<String> hint() {
        for (String name : SETTINGS) {
            if (isSet(name)) {
                return Optional.of(name + " is set");
            }
        }
        String os = settings.apply("os.name");
        if (os != null && os.startsWith("Windows")) {
            return Optional.of("Windows, where Docker listens on a named pipe");
        }
        if (Files.exists(home.resolve(".testcontainers.properties"))) {
            return Optional.of("~/.testcontainers.properties exists");
        }
        Path dockerConfig = isSet("DOCKER_CONFIG") ? onThisMachine(settings.apply("DOCKER_CONFIG")) : home.resolve(".docker");
        Optional<String> context = currentContext(dockerConfig.resolve("config.json"));
        if (context.isPresent()) {
            return Optional.of("Docker context " + context.get() + " is current");
        }
        for (Path socket : sockets()) {
            if (Files.exists(socket)) {
                return Optional.of(socket + " exists");
            }
        }
        return Optional.empty();
    }

    /** The sockets Testcontainers' Unix, rootless and Docker Desktop strategies try. */
    private List<Path> sockets() {
        List<Path> sockets = new ArrayList<>(List.of(root.resolve("var/run/docker.sock"), root.resolve("run/docker.sock")));
        if (isSet("XDG_RUNTIME_DIR")) {
            sockets.add(onThisMachine(settings.apply("XDG_RUNTIME_DIR")).resolve("docker.sock"));
        }
        // Rootless Docker's /run/user/<uid>; any user's, since Java has no portable way to ask for the uid.
        Path runUser = root.resolve("run/user");
        if (Files.isDirectory(runUser)) {
            try (DirectoryStream<Path> users = Files.newDirectoryStream(runUser)) {
                users.forEach(user -> sockets.add(user.resolve("docker.sock")));
            } catch (IOException | DirectoryIteratorException unreadable) {
                // Not listable by this user, so not where this user's Docker socket is.
            }
        }
        sockets.add(home.resolve(".docker/run/docker.sock"));
        sockets.add(home.resolve(".docker/desktop/docker.sock"));
        return sockets;
    }

    /** The Docker CLI's current context other than "default", which docker-java follows too. */
    private static Optional<String> currentContext(Path config) {
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        try {
            Matcher matcher = CURRENT_CONTEXT.matcher(Files.readString(config, StandardCharsets.UTF_8));
            if (matcher.find() && !matcher.group(1).isBlank() && !"default".equals(matcher.group(1))) {
                return Optional.of(matcher.group(1));
            }
        } catch (IOException unreadable) {
            // An unreadable config leads docker-java nowhere either.
        }
        return Optional.empty();
    }

    private boolean isSet(String name) {
        String value = settings.apply(name);
        return value != null && !value.isBlank();
    }

    /** An absolute path from a setting, under {@link #root} (so that tests can stand in a directory for "/"). */
    private Path onThisMachine(String absolute) {
        return root.resolve(absolute.replaceFirst("^/+", ""));
    }
}
