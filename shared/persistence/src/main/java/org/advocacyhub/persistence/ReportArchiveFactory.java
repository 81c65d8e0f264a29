package org.advocacyhub.persistence;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import org.advocacyhub.application.port.ReportArchive;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Wires {@link ReportArchive} (issue 11: the report workbooks in template.yaml's ReportsBucket) in a function given
 * {@code REPORTS_BUCKET} that has the S3 SDK on its classpath: {@code software.amazon.awssdk:s3} is an optional
 * dependency of this module, declared by the function that keeps reports only, so no other function's jar carries it.
 * In AWS the client uses the Lambda's region and role; {@code aws.endpoints.s3} (environment {@code AWS_ENDPOINTS_S3})
 * points it at s3proxy or LocalStack instead, with dummy credentials and path-style addressing.
 */
@Factory
@Requires(classes = S3Client.class)
@Requires(property = "reports.bucket")
public class ReportArchiveFactory {

    @Singleton
    S3Client s3Client(@Value("${aws.endpoints.s3:}") String endpoint, @Value("${aws.region:}") String region) {
        // The URL-connection client loads far fewer classes than Apache or Netty: faster cold starts.
        S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
        if (!region.isBlank()) {
            builder.region(Region.of(region));
        }
        if (!endpoint.isBlank()) {
            // A local engine answers on one host: the bucket goes in the path, not in the host name. It is sent
            // checksums only where S3 requires them: the default aws-chunked trailer is more than s3proxy reads.
            builder.endpointOverride(URI.create(endpoint))
                    .forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }

    @Singleton
    ReportArchive reportArchive(S3Client s3, @Value("${reports.bucket}") String bucket) {
        return new S3ReportArchive(s3, bucket);
    }
}
