package org.advocacyhub.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit 5 condition behind {@link RequiresDocker}. It decides "no Docker" from the machine itself, before
 * Testcontainers is asked (see {@link DockerDetection}); only where something points at a Docker engine does
 * Testcontainers decide, so the LocalStack tests still run wherever Docker works.
 *
 * <p>JUnit makes one instance per test class, but the machine is the same for all of them: every instance shares
 * this JVM's one {@link DockerDetection}, so the decision is made, and said, once per run.
 */
public final class DockerCondition implements ExecutionCondition {

    private final DockerDetection docker;

    /** For {@code @ExtendWith}: this JVM's decision. */
    public DockerCondition() {
        this(DockerDetection.thisMachine());
    }

    DockerCondition(DockerDetection docker) {
        this.docker = docker;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return docker.decision();
    }
}
