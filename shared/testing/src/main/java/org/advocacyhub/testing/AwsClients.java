package org.advocacyhub.testing;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients pointed at a set of {@link AwsEndpoints}; the caller closes them. */
public final class AwsClients {

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(AwsEndpoints endpoints) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoints.dynamoDbEndpoint())
                .region(Region.of(endpoints.region()))
                .credentialsProvider(endpoints.credentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static SqsClient sqs(AwsEndpoints endpoints) {
        return SqsClient.builder()
                .endpointOverride(endpoints.sqsEndpoint())
                .region(Region.of(endpoints.region()))
                .credentialsProvider(endpoints.credentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static SesV2Client sesV2(AwsEndpoints endpoints) {
        return SesV2Client.builder()
                .endpointOverride(endpoints.sesEndpoint())
                .region(Region.of(endpoints.region()))
                .credentialsProvider(endpoints.credentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /**
     * Path-style (the local engines answer on one host and port, not on a host per bucket), with checksums only where
     * an operation requires one: the SDK's default (a CRC32 trailer in an aws-chunked body) is more than s3proxy reads.
     */
    public static S3Client s3(AwsEndpoints endpoints) {
        if (endpoints.s3Endpoint() == null) {
            throw new IllegalStateException("No S3 engine at " + endpoints);
        }
        return S3Client.builder()
                .endpointOverride(endpoints.s3Endpoint())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .region(Region.of(endpoints.region()))
                .credentialsProvider(endpoints.credentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
