package org.advocacyhub.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts {@link LocalEngines} once per test run (kept in the root store, stopped when the run ends), creates the
 * tables, queues and buckets of {@code template.yaml}, empties them and the mailbox before each test, and resolves test
 * parameters of type {@link LocalAws} (also {@link SamTemplate}, {@link SesMailbox}, {@link ApiRoutes},
 * {@link DynamoDbClient}, {@link SqsClient}, {@link SesV2Client}, {@link S3Client}). Use it through {@link WithLocalAws}.
 */
public final class AwsEnginesExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(AwsEnginesExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AwsEnginesExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        shared(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalAws.class || type == SamTemplate.class || type == SesMailbox.class || type == ApiRoutes.class
                || type == DynamoDbClient.class || type == SqsClient.class || type == SesV2Client.class
                || type == S3Client.class || type == AwsEndpoints.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
        LocalAws aws = shared(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == LocalAws.class) {
            return aws;
        }
        if (type == SamTemplate.class) {
            return aws.template();
        }
        if (type == SesMailbox.class) {
            return aws.mailbox();
        }
        if (type == ApiRoutes.class) {
            return aws.api();
        }
        if (type == DynamoDbClient.class) {
            return aws.dynamoDb();
        }
        if (type == SqsClient.class) {
            return aws.sqs();
        }
        if (type == SesV2Client.class) {
            return aws.sesV2();
        }
        if (type == S3Client.class) {
            return aws.s3();
        }
        if (type == AwsEndpoints.class) {
            return aws.endpoints();
        }
        throw new ParameterResolutionException("Cannot resolve " + type);
    }

    /** The run's shared engines and resources, started on first use. */
    public static LocalAws shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedEngines.class, key -> SharedEngines.start(), SharedEngines.class).aws;
    }

    /** Closed by JUnit when the root context closes: at the end of the run. */
    private static final class SharedEngines implements AutoCloseable {
        private final LocalEngines engines;
        private final LocalAws aws;

        private SharedEngines(LocalEngines engines, LocalAws aws) {
            this.engines = engines;
            this.aws = aws;
        }

        static SharedEngines start() {
            SamTemplate template = SamTemplate.locate();
            LocalEngines engines = LocalEngines.builder().projectRoot(template.root()).start();
            try {
                long begin = System.nanoTime();
                LocalAws aws = LocalAws.connect(engines, template, LocalAws.DEFAULT_PARAMETERS);
                LOG.info("Engines up for this test run in {} ms (resources {} ms)",
                        engines.startupTime().toMillis() + (System.nanoTime() - begin) / 1_000_000,
                        (System.nanoTime() - begin) / 1_000_000);
                return new SharedEngines(engines, aws);
            } catch (RuntimeException e) {
                engines.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                aws.close();
            } finally {
                engines.close();
            }
        }
    }
}
