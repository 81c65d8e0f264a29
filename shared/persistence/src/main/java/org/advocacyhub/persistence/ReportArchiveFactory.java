package org.advocacyhub.persistence;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import org.advocacyhub.application.port.ReportArchive;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Wires {@link ReportArchive} (issue 11: the report workbooks in template.yaml's ReportsBucket) in a function given
 * {@code REPORTS_BUCKET}: only the report function is. Its S3 client is {@link S3ObjectClient}, not the SDK's (issue 12:
 * the S3 SDK alone put that function's jar over 20 MB). In AWS it signs with the Lambda's role (the SDK's default
 * credentials chain) for the Lambda's region ({@code AWS_REGION}); {@code aws.endpoints.s3} (environment
 * {@code AWS_ENDPOINTS_S3}) points it at s3proxy or LocalStack instead, path-style, with dummy credentials.
 */
@Factory
@Requires(property = "reports.bucket")
public class ReportArchiveFactory {

    @Singleton
    @Bean(preDestroy = "close")
    S3ObjectClient s3ObjectClient(@Value("${aws.endpoints.s3:}") String endpoint, @Value("${aws.region:}") String region) {
        String signingRegion = region.isBlank() ? new DefaultAwsRegionProviderChain().getRegion().id() : region;
        if (endpoint.isBlank()) {
            return S3ObjectClient.create(signingRegion, null, DefaultCredentialsProvider.builder().build());
        }
        return S3ObjectClient.create(signingRegion, URI.create(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    @Singleton
    ReportArchive reportArchive(S3ObjectClient s3, @Value("${reports.bucket}") String bucket) {
        return new S3ReportArchive(s3, bucket);
    }
}
