package org.advocacyhub.testing;

import java.net.URI;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * DynamoDB, SQS, SES and S3 in a LocalStack container, for machines with Docker. Use it as a Testcontainers
 * {@code @Container} in a class annotated {@link RequiresDocker @RequiresDocker} and {@code @Testcontainers}, then
 * {@code LocalAws.connect(engines)}: the same test body as against {@link LocalEngines}, other endpoints.
 * ({@code @Testcontainers(disabledWithoutDocker = true)} would ask Docker itself and log an ERROR wherever there is
 * none; {@link RequiresDocker} skips quietly.)
 */
public final class LocalStackEngines implements AwsEndpoints, Startable {

    /** A community image from before LocalStack required an auth token. */
    public static final String DEFAULT_IMAGE = "localstack/localstack:4.4";

    private final LocalStackContainer container;

    public LocalStackEngines() {
        this(DEFAULT_IMAGE);
    }

    public LocalStackEngines(String image) {
        this.container = new LocalStackContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"))
                .withServices(Service.DYNAMODB, Service.SQS, Service.SES, Service.S3)
                .withEnv("AWS_DEFAULT_REGION", DEFAULT_REGION);
    }

    public LocalStackContainer container() {
        return container;
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public URI dynamoDbEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI sqsEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI sesEndpoint() {
        return container.getEndpoint();
    }

    @Override
    public URI s3Endpoint() {
        return container.getEndpoint();
    }

    @Override
    public AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey()));
    }

    @Override
    public SesMailbox mailbox() {
        return SesMailbox.localStack(container.getEndpoint());
    }

    @Override
    public boolean sesRequiresVerifiedIdentities() {
        return true;
    }
}
