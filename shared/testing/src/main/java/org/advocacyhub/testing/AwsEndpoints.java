package org.advocacyhub.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where the AWS services used by the hub answer: the in-process engines ({@link LocalEngines}), LocalStack
 * ({@link LocalStackEngines}) or anything else speaking the same APIs. Credentials are dummies.
 */
public interface AwsEndpoints {

    String DEFAULT_REGION = "eu-west-2";
    String DEFAULT_ACCOUNT_ID = "000000000000";

    URI dynamoDbEndpoint();

    URI sqsEndpoint();

    URI sesEndpoint();

    /** Where S3 answers (path-style addressing: {@code <endpoint>/<bucket>/<key>}); null when no S3 engine runs there. */
    URI s3Endpoint();

    default String region() {
        return DEFAULT_REGION;
    }

    default String accountId() {
        return DEFAULT_ACCOUNT_ID;
    }

    default AwsCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    /** Reads the mail sent through {@link #sesEndpoint()}. */
    default SesMailbox mailbox() {
        return SesMailbox.awsSesV2Local(sesEndpoint());
    }

    /** True when SES rejects mail from unverified senders (LocalStack does; aws-ses-v2-local does not). */
    default boolean sesRequiresVerifiedIdentities() {
        return false;
    }

    /** Fixed endpoints with no S3 engine. */
    static AwsEndpoints of(URI dynamoDb, URI sqs, URI ses) {
        return new Fixed(dynamoDb, sqs, ses, null);
    }

    static AwsEndpoints of(URI dynamoDb, URI sqs, URI ses, URI s3) {
        return new Fixed(dynamoDb, sqs, ses, s3);
    }

    /** Fixed endpoints, for engines started elsewhere; {@code s3Endpoint} may be null. */
    record Fixed(URI dynamoDbEndpoint, URI sqsEndpoint, URI sesEndpoint, URI s3Endpoint) implements AwsEndpoints {
    }
}
