package org.advocacyhub.persistence;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import org.advocacyhub.application.port.AlertLedger;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.application.port.ReturnsStore;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.domain.contract.ContractCatalogue;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Wires the DynamoDB adapter and the S3 report archive. The table name comes from {@code TABLE_NAME}, the reports
 * bucket from {@code REPORTS_BUCKET} (template.yaml; the archive exists only in functions given it). In AWS the
 * clients use the Lambda's region and role; {@code aws.endpoints.dynamodb} / {@code aws.endpoints.s3} (environment
 * {@code AWS_ENDPOINTS_DYNAMODB} / {@code AWS_ENDPOINTS_S3}) point them at local engines or LocalStack instead, with
 * dummy credentials (S3 then path-style).
 */
@Factory
public class PersistenceFactory {

    @Singleton
    DynamoDbClient dynamoDbClient(@Value("${aws.endpoints.dynamodb:}") String endpoint,
                                  @Value("${aws.region:}") String region) {
        // The URL-connection client loads far fewer classes than Apache or Netty: faster cold starts.
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (!region.isBlank()) {
            builder.region(Region.of(region));
        }
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }

    @Singleton
    @Requires(property = "reports.bucket")
    S3Client s3Client(@Value("${aws.endpoints.s3:}") String endpoint, @Value("${aws.region:}") String region) {
        S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        if (!region.isBlank()) {
            builder.region(Region.of(region));
        }
        if (!endpoint.isBlank()) {
            // A local engine (s3proxy, LocalStack) answers on one host: bucket in the path, not in the host name. It
            // is sent checksums only where S3 requires them: the default aws-chunked trailer is more than s3proxy reads.
            builder.endpointOverride(URI.create(endpoint))
                    .forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }

    @Singleton
    @Requires(property = "reports.bucket")
    ReportArchive reportArchive(S3Client s3, @Value("${reports.bucket}") String bucket) {
        return new S3ReportArchive(s3, bucket);
    }

    @Singleton
    CaseStore caseStore(DynamoDbClient dynamo, @Value("${table.name}") String table, ContractCatalogue contracts) {
        return new DynamoCaseStore(dynamo, table, new CaseItemMapper(), contracts);
    }

    @Singleton
    ReturnsStore returnsStore(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoReturnsStore(dynamo, table);
    }

    @Singleton
    AnswerphoneStore answerphoneStore(DynamoDbClient dynamo, @Value("${table.name}") String table, ContractCatalogue contracts) {
        return new DynamoAnswerphoneStore(dynamo, table, contracts);
    }

    @Singleton
    org.advocacyhub.application.port.ReportStore reportStore(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoReportStore(dynamo, table);
    }

    @Singleton
    org.advocacyhub.application.port.ReturnsSource returnsSource(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoReturnsSource(dynamo, table, new CaseItemMapper());
    }

    @Singleton
    AlertLedger alertLedger(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoAlertLedger(dynamo, table);
    }

    @Singleton
    StaffDirectory staffDirectory(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoStaffDirectory(dynamo, table);
    }
}
