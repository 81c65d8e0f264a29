package org.advocacyhub.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The report archive (issue 11 item 3) on s3proxy, with the bucket of template.yaml (ReportsBucket): written and read
 * through {@link S3ObjectClient}, checked with the SDK's S3 client (tests only).
 */
@WithLocalAws
class S3ReportArchiveIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LocalAws aws;
    private final String bucket;
    private final S3ObjectClient s3;

    S3ReportArchiveIT(LocalAws aws) {
        this.aws = aws;
        this.bucket = aws.bucketName("ReportsBucket");
        this.s3 = S3ObjectClient.create(aws.endpoints().region(), aws.endpoints().s3Endpoint(), aws.endpoints().credentialsProvider());
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void a_stored_workbook_comes_back_byte_for_byte_with_its_content_type() {
        ReportArchive archive = new S3ReportArchive(s3, bucket);
        byte[] workbook = new byte[70_000];
        for (int i = 0; i < workbook.length; i++) {
            workbook[i] = (byte) (i * 31);
        }

        archive.put("returns/LLR/FY2026Q3/LLR-RUTLAND-FY2026Q3.xlsx", workbook, XLSX);

        assertArrayEquals(workbook, archive.get("returns/LLR/FY2026Q3/LLR-RUTLAND-FY2026Q3.xlsx").orElseThrow());
        HeadObjectResponse head = aws.s3().headObject(b -> b.bucket(bucket).key("returns/LLR/FY2026Q3/LLR-RUTLAND-FY2026Q3.xlsx"));
        assertEquals(XLSX, head.contentType());
        assertEquals(70_000L, head.contentLength());
    }

    @Test
    void a_key_never_written_is_empty_not_an_error() {
        ReportArchive archive = new S3ReportArchive(s3, bucket);
        assertEquals(Optional.empty(), archive.get("returns/LLR/FY2026Q3/nothing-here.xlsx"));
    }

    @Test
    void a_bucket_that_does_not_exist_is_a_failure_with_s3s_error_code() {
        S3ObjectClient.Failure failure = assertThrows(S3ObjectClient.Failure.class,
                () -> s3.getObject("no-such-bucket-here", "returns/LLR/FY2026Q3/LLR.xlsx"));
        assertEquals(404, failure.status());
        assertEquals("NoSuchBucket", failure.code());
    }

    @Test
    void writing_a_key_again_replaces_what_get_returns() {
        ReportArchive archive = new S3ReportArchive(s3, bucket);
        archive.put("returns/LEW/FY2026Q1/LEW.xlsx", "first".getBytes(StandardCharsets.UTF_8), XLSX);
        archive.put("returns/LEW/FY2026Q1/LEW.xlsx", "second".getBytes(StandardCharsets.UTF_8), XLSX);
        assertEquals("second", new String(archive.get("returns/LEW/FY2026Q1/LEW.xlsx").orElseThrow(), StandardCharsets.UTF_8));
    }

    /**
     * s3proxy's in-memory store does not keep or echo encryption, so what is checked is the request the archive
     * sends: every PUT asks for SSE-S3 (AES256), as real S3 honours it; where the engine echoes it, that is checked too.
     */
    @Test
    void every_object_is_written_with_server_side_encryption_asked_for() {
        List<SdkHttpRequest> sent = new CopyOnWriteArrayList<>();
        SdkHttpClient engine = UrlConnectionHttpClient.create();
        SdkHttpClient recorder = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                sent.add(request.httpRequest());
                return engine.prepareRequest(request);
            }

            @Override
            public void close() {
                engine.close();
            }
        };
        try (S3ObjectClient recording = new S3ObjectClient(recorder, aws.endpoints().credentialsProvider(), aws.endpoints().region(),
                aws.endpoints().s3Endpoint(), Clock.systemUTC(), duration -> { })) {
            new S3ReportArchive(recording, bucket).put("caseloads/LEW/FY2026Q3/caseload.xlsx", new byte[] {1, 2, 3}, XLSX);
        }

        List<SdkHttpRequest> puts = sent.stream().filter(r -> r.method() == SdkHttpMethod.PUT).toList();
        assertEquals(1, puts.size(), "one PUT");
        assertEquals(List.of("AES256"), puts.get(0).headers().get("x-amz-server-side-encryption"));
        assertTrue(puts.get(0).encodedPath().endsWith("/" + bucket + "/caseloads/LEW/FY2026Q3/caseload.xlsx"),
                "path-style: the bucket is in the path, " + puts.get(0).encodedPath());
        HeadObjectResponse head = aws.s3().headObject(b -> b.bucket(bucket).key("caseloads/LEW/FY2026Q3/caseload.xlsx"));
        if (head.serverSideEncryption() != null) {
            assertEquals("AES256", head.serverSideEncryptionAsString());
        }
    }

    @Test
    void the_factory_gives_the_archive_to_a_function_with_REPORTS_BUCKET_on_the_local_endpoint() {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(FunctionInvoker.endpointProperties(aws.endpoints()));
        properties.put(FunctionInvoker.propertyName("REPORTS_BUCKET"), bucket);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            ReportArchive archive = context.getBean(ReportArchive.class);
            archive.put("returns/DERBY/FY2026Q3/DERBY.xlsx", "derby".getBytes(StandardCharsets.UTF_8), XLSX);
            assertEquals("derby", new String(archive.get("returns/DERBY/FY2026Q3/DERBY.xlsx").orElseThrow(), StandardCharsets.UTF_8));
        }
        assertArrayEquals("derby".getBytes(StandardCharsets.UTF_8),
                aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key("returns/DERBY/FY2026Q3/DERBY.xlsx")).asByteArray(),
                "stored in the template's bucket");
    }

    @Test
    void a_function_without_REPORTS_BUCKET_has_no_archive() {
        try (ApplicationContext context = ApplicationContext.run(FunctionInvoker.endpointProperties(aws.endpoints()))) {
            assertTrue(context.findBean(ReportArchive.class).isEmpty());
        }
    }

    @Test
    void a_blank_key_or_bucket_is_refused() {
        ReportArchive archive = new S3ReportArchive(s3, bucket);
        assertThrows(IllegalArgumentException.class, () -> archive.put(" ", new byte[0], XLSX));
        assertThrows(IllegalArgumentException.class, () -> archive.get("/absolute"));
        assertThrows(IllegalArgumentException.class, () -> new S3ReportArchive(s3, ""));
    }
}
