package org.advocacyhub.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.advocacyhub.testing.LocalS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link S3ObjectClient}'s SigV4 signatures checked by an engine: s3proxy started to verify every request's signature
 * against one identity (the engines the other tests share accept any). The SDK's own S3 client, signing with the same
 * identity, reads what this client wrote and writes what it reads, keys that need encoding included.
 */
class S3ObjectClientSignedIT {

    private static final String REGION = "eu-west-2";
    private static final String IDENTITY = "AKIDSIGNEDIT";
    private static final String SECRET = "signed-it-secret-key";
    private static final String BUCKET = "signed-reports";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static LocalS3 engine;
    private static S3ObjectClient client;
    private static S3Client sdk;

    @BeforeAll
    static void start() {
        engine = LocalS3.startVerifyingSignatures(REGION, IDENTITY, SECRET);
        engine.createBucket(BUCKET);
        client = clientSigningWith(IDENTITY, SECRET);
        sdk = S3Client.builder()
                .endpointOverride(engine.endpoint())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, SECRET)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterAll
    static void stop() {
        if (sdk != null) {
            sdk.close();
        }
        if (client != null) {
            client.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void a_signed_put_and_get_are_accepted_and_the_sdk_reads_what_was_written() {
        byte[] workbook = new byte[200_000];
        for (int i = 0; i < workbook.length; i++) {
            workbook[i] = (byte) (i * 7);
        }

        client.putObject(BUCKET, "reports/LLR/FY2026Q3/LLR-RUTLAND-FY2026Q3.xlsx", workbook, XLSX, "AES256");

        assertArrayEquals(workbook, client.getObject(BUCKET, "reports/LLR/FY2026Q3/LLR-RUTLAND-FY2026Q3.xlsx").orElseThrow());
        HeadObjectResponse head = sdk.headObject(b -> b.bucket(BUCKET).key("reports/LLR/FY2026Q3/LLR-RUTLAND-FY2026Q3.xlsx"));
        assertEquals(XLSX, head.contentType());
        assertEquals(200_000L, head.contentLength());
    }

    @Test
    void a_key_that_needs_encoding_is_signed_and_addressed_as_the_sdk_does_it() {
        String written = "reports/LLR/FY2026Q3/a b+c=d (1)~é.xlsx";
        client.putObject(BUCKET, written, "ours".getBytes(StandardCharsets.UTF_8), XLSX, "AES256");
        assertEquals("ours", sdk.getObjectAsBytes(b -> b.bucket(BUCKET).key(written)).asUtf8String());

        String read = "reports/DERBY/FY2026Q3/x&y,z;$@!'*.xlsx";
        sdk.putObject(b -> b.bucket(BUCKET).key(read).contentType(XLSX), RequestBody.fromString("the SDK's"));
        assertEquals("the SDK's", new String(client.getObject(BUCKET, read).orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void a_key_never_written_is_empty() {
        assertEquals(Optional.empty(), client.getObject(BUCKET, "reports/LLR/FY2026Q3/nothing-here.xlsx"));
    }

    @Test
    void a_request_signed_with_the_wrong_secret_is_refused_and_stores_nothing() {
        try (S3ObjectClient wrong = clientSigningWith(IDENTITY, "not-the-secret")) {
            S3ObjectClient.Failure put = assertThrows(S3ObjectClient.Failure.class,
                    () -> wrong.putObject(BUCKET, "reports/forged.xlsx", new byte[] {1}, XLSX, "AES256"));
            assertEquals(403, put.status());
            assertEquals("SignatureDoesNotMatch", put.code());
            S3ObjectClient.Failure get = assertThrows(S3ObjectClient.Failure.class,
                    () -> wrong.getObject(BUCKET, "reports/LLR/FY2026Q3/nothing-here.xlsx"));
            assertEquals("SignatureDoesNotMatch", get.code());
        }
        S3Exception absent = assertThrows(S3Exception.class, () -> sdk.headObject(b -> b.bucket(BUCKET).key("reports/forged.xlsx")));
        assertEquals(404, absent.statusCode());
    }

    @Test
    void an_unknown_access_key_is_refused() {
        try (S3ObjectClient stranger = clientSigningWith("AKIDSTRANGER", SECRET)) {
            S3ObjectClient.Failure failure = assertThrows(S3ObjectClient.Failure.class,
                    () -> stranger.getObject(BUCKET, "reports/LLR/FY2026Q3/LLR-RUTLAND-FY2026Q3.xlsx"));
            assertEquals(403, failure.status());
            assertEquals("InvalidAccessKeyId", failure.code());
        }
    }

    private static S3ObjectClient clientSigningWith(String identity, String secret) {
        return S3ObjectClient.create(REGION, engine.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(identity, secret)));
    }
}
