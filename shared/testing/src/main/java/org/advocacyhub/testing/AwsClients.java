package org.advocacyhub.testing;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
}
