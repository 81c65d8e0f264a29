package org.advocacyhub.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * {@link S3ObjectClient} without a network: its signing against the worked examples of the S3 API Reference
 * ("Authenticating Requests: Using the Authorization Header (AWS Signature Version 4)", Examples: GET Object, PUT
 * Object, sig-v4-header-based-auth.html), the requests it sends, and how it answers S3's replies.
 */
class S3ObjectClientTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The documentation's example identity and time (Fri, 24 May 2013 00:00:00 GMT, us-east-1). */
    private static final StaticCredentialsProvider EXAMPLE_CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    private static final Clock EXAMPLE_TIME = Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC);

    private final ScriptedHttp http = new ScriptedHttp();
    private final List<Duration> pauses = new ArrayList<>();

    @Test
    void the_get_object_example_of_the_s3_documentation_is_signed_as_documented() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "us-east-1", null, EXAMPLE_TIME, pauses::add);
        SdkHttpRequest get = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https")
                .host("examplebucket.s3.amazonaws.com").encodedPath("/test.txt").putHeader("Range", "bytes=0-9").build();

        SdkHttpRequest signed = client.signed(get, null);

        assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
                signed.firstMatchingHeader("Authorization").orElseThrow());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                signed.firstMatchingHeader("x-amz-content-sha256").orElseThrow(), "the empty body's SHA-256");
        assertEquals("20130524T000000Z", signed.firstMatchingHeader("x-amz-date").orElseThrow());
    }

    /** The key {@code test$file.text} is in the path once encoded ({@code %24}): S3 signs it as it is, not encoded again. */
    @Test
    void the_put_object_example_of_the_s3_documentation_is_signed_as_documented() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "us-east-1", null, EXAMPLE_TIME, pauses::add);
        SdkHttpRequest put = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol("https")
                .host("examplebucket.s3.amazonaws.com").encodedPath("/test%24file.text")
                .putHeader("Date", "Fri, 24 May 2013 00:00:00 GMT").putHeader("x-amz-storage-class", "REDUCED_REDUNDANCY").build();

        SdkHttpRequest signed = client.signed(put, "Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8));

        assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, "
                        + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
                signed.firstMatchingHeader("Authorization").orElseThrow());
        assertEquals("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
                signed.firstMatchingHeader("x-amz-content-sha256").orElseThrow());
    }

    /** S3 signs the path as sent: "a/./b" is another object than "a/b", and the signature must say so. */
    @Test
    void the_path_is_signed_as_it_is_not_normalised() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "us-east-1", null, EXAMPLE_TIME, pauses::add);
        SdkHttpRequest.Builder get = SdkHttpRequest.builder().method(SdkHttpMethod.GET).protocol("https").host("examplebucket.s3.amazonaws.com");

        String dotted = client.signed(get.encodedPath("/a/./b").build(), null).firstMatchingHeader("Authorization").orElseThrow();
        String plain = client.signed(get.encodedPath("/a/b").build(), null).firstMatchingHeader("Authorization").orElseThrow();

        assertNotEquals(plain, dotted);
    }

    @Test
    void a_put_is_virtual_hosted_in_aws_and_signs_its_body_type_and_encryption() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "eu-west-2", null, EXAMPLE_TIME, pauses::add);
        byte[] workbook = {80, 75, 3, 4, 1, 2, 3};
        http.answer(200, "");

        client.putObject("hub-reports", "reports/LLR/FY2026Q3/a b+c/LLR-RUTLAND.xlsx", workbook, XLSX, "AES256");

        SdkHttpRequest sent = http.onlyRequest().httpRequest();
        assertEquals(SdkHttpMethod.PUT, sent.method());
        assertEquals("https://hub-reports.s3.eu-west-2.amazonaws.com/reports/LLR/FY2026Q3/a%20b%2Bc/LLR-RUTLAND.xlsx",
                sent.getUri().toString(), "virtual-hosted, each segment URI-encoded, the slashes kept");
        String authorization = sent.firstMatchingHeader("Authorization").orElseThrow();
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/eu-west-2/s3/aws4_request, "),
                authorization);
        assertTrue(authorization.contains(
                "SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-server-side-encryption, "),
                authorization);
        assertEquals(XLSX, sent.firstMatchingHeader("Content-Type").orElseThrow());
        assertEquals("7", sent.firstMatchingHeader("Content-Length").orElseThrow());
        assertEquals("AES256", sent.firstMatchingHeader("x-amz-server-side-encryption").orElseThrow());
        assertEquals(sha256(workbook), sent.firstMatchingHeader("x-amz-content-sha256").orElseThrow());
        assertArrayEquals(workbook, http.body(0), "the body sent is the workbook, as signed");
    }

    @Test
    void a_session_token_is_sent_and_signed() {
        StaticCredentialsProvider session = StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "the-session-token"));
        S3ObjectClient client = new S3ObjectClient(http, session, "eu-west-2", null, EXAMPLE_TIME, pauses::add);
        http.answer(200, "workbook");

        client.getObject("hub-reports", "reports/x.xlsx");

        SdkHttpRequest sent = http.onlyRequest().httpRequest();
        assertEquals("the-session-token", sent.firstMatchingHeader("x-amz-security-token").orElseThrow());
        assertTrue(sent.firstMatchingHeader("Authorization").orElseThrow()
                .contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, "));
    }

    @Test
    void a_local_engine_is_addressed_path_style_on_its_own_host_and_port() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "eu-west-2", URI.create("http://127.0.0.1:9421"),
                EXAMPLE_TIME, pauses::add);
        http.answer(200, "workbook");

        assertArrayEquals("workbook".getBytes(StandardCharsets.UTF_8), client.getObject("hub-reports", "reports/x.xlsx").orElseThrow());

        SdkHttpRequest sent = http.onlyRequest().httpRequest();
        assertEquals(SdkHttpMethod.GET, sent.method());
        assertEquals("http://127.0.0.1:9421/hub-reports/reports/x.xlsx", sent.getUri().toString());
        assertEquals("127.0.0.1:9421", sent.firstMatchingHeader("Host").orElseThrow(), "the host signed is the one sent");
        assertTrue(http.onlyRequest().contentStreamProvider().isEmpty(), "a GET has no body");
    }

    @Test
    void a_bucket_with_a_dot_is_addressed_path_style_which_the_certificate_covers() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "eu-west-2", null, EXAMPLE_TIME, pauses::add);
        http.answer(200, "");

        client.putObject("hub.reports", "x.xlsx", new byte[0], XLSX, "AES256");

        assertEquals("https://s3.eu-west-2.amazonaws.com/hub.reports/x.xlsx", http.onlyRequest().httpRequest().getUri().toString());
    }

    @Test
    void no_such_key_is_empty() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "eu-west-2", null, EXAMPLE_TIME, pauses::add);
        http.answer(404, error("NoSuchKey"));

        assertEquals(Optional.empty(), client.getObject("hub-reports", "reports/none.xlsx"));
        assertEquals(1, http.requests.size(), "not tried again");
    }

    @Test
    void no_such_bucket_is_a_failure_naming_the_operation_status_and_code() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "eu-west-2", null, EXAMPLE_TIME, pauses::add);
        http.answer(404, error("NoSuchBucket"));

        S3ObjectClient.Failure failure = assertThrows(S3ObjectClient.Failure.class, () -> client.getObject("hub-reports", "reports/x.xlsx"));

        assertEquals(404, failure.status());
        assertEquals("NoSuchBucket", failure.code());
        assertTrue(failure.getMessage().contains("GetObject hub-reports/reports/x.xlsx: HTTP 404 NoSuchBucket"), failure.getMessage());
    }

    @Test
    void access_denied_is_a_failure_at_once_and_never_carries_the_content() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "eu-west-2", null, EXAMPLE_TIME, pauses::add);
        http.answer(403, error("AccessDenied"));

        S3ObjectClient.Failure failure = assertThrows(S3ObjectClient.Failure.class,
                () -> client.putObject("hub-reports", "caseloads/x.xlsx", "Jane Doe, 1970-01-01".getBytes(StandardCharsets.UTF_8), XLSX, "AES256"));

        assertEquals("AccessDenied", failure.code());
        assertTrue(failure.getMessage().startsWith("S3 PutObject hub-reports/caseloads/x.xlsx: HTTP 403 AccessDenied"), failure.getMessage());
        assertFalse(failure.getMessage().contains("Jane"), failure.getMessage());
        assertEquals(1, http.requests.size(), "a 403 is not tried again");
        assertEquals(List.of(), pauses);
    }

    @Test
    void slow_down_and_a_server_error_are_tried_again_after_a_short_pause_each() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "eu-west-2", null, EXAMPLE_TIME, pauses::add);
        http.answer(503, error("SlowDown"));
        http.answer(500, error("InternalError"));
        http.answer(200, "");

        client.putObject("hub-reports", "reports/x.xlsx", new byte[] {1}, XLSX, "AES256");

        assertEquals(3, http.requests.size());
        assertEquals(2, pauses.size());
        assertTrue(between(pauses.get(0), 50, 100) && between(pauses.get(1), 100, 200), "jittered, doubling: " + pauses);
        assertArrayEquals(new byte[] {1}, http.body(2), "the body is sent again whole");
    }

    @Test
    void throttling_that_lasts_is_a_failure_after_three_attempts() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "eu-west-2", null, EXAMPLE_TIME, pauses::add);
        for (int i = 0; i < 3; i++) {
            http.answer(429, error("TooManyRequests"));
        }

        S3ObjectClient.Failure failure = assertThrows(S3ObjectClient.Failure.class, () -> client.getObject("hub-reports", "reports/x.xlsx"));

        assertEquals(429, failure.status());
        assertEquals(3, http.requests.size());
    }

    @Test
    void an_io_error_is_tried_again_and_the_last_one_fails_with_its_class_name() {
        S3ObjectClient client = new S3ObjectClient(http, EXAMPLE_CREDENTIALS, "eu-west-2", null, EXAMPLE_TIME, pauses::add);
        http.fail(new java.net.SocketTimeoutException("read timed out"));
        http.answer(200, "workbook");
        assertEquals("workbook", new String(client.getObject("hub-reports", "r.xlsx").orElseThrow(), StandardCharsets.UTF_8));

        http.requests.clear();
        for (int i = 0; i < 3; i++) {
            http.fail(new java.net.ConnectException("refused"));
        }
        S3ObjectClient.Failure failure = assertThrows(S3ObjectClient.Failure.class, () -> client.getObject("hub-reports", "r.xlsx"));
        assertEquals(3, http.requests.size());
        assertEquals(0, failure.status());
        assertTrue(failure.getMessage().endsWith("failed after 3 attempts: ConnectException"), failure.getMessage());
    }

    @Test
    void the_error_code_is_read_from_s3s_xml_error_body() {
        assertEquals("NoSuchKey", S3ObjectClient.errorCode(error("NoSuchKey").getBytes(StandardCharsets.UTF_8)));
        assertEquals("(no error code)", S3ObjectClient.errorCode(new byte[0]));
    }

    private static String error(String code) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>a message</Message>"
                + "<RequestId>4442587FB7D0A2F9</RequestId></Error>";
    }

    private static boolean between(Duration duration, long fromMillis, long toMillis) {
        return duration.toMillis() >= fromMillis && duration.toMillis() <= toMillis;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers each request with the next scripted reply, and keeps the requests (and their bodies) sent. */
    private static final class ScriptedHttp implements SdkHttpClient {
        private final List<Object> replies = new ArrayList<>();
        final List<HttpExecuteRequest> requests = new ArrayList<>();
        private final List<byte[]> bodies = new ArrayList<>();

        void answer(int status, String body) {
            replies.add(HttpExecuteResponse.builder()
                    .response(SdkHttpResponse.builder().statusCode(status).putHeader("x-amz-request-id", "4442587FB7D0A2F9").build())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                    .build());
        }

        void fail(IOException e) {
            replies.add(e);
        }

        HttpExecuteRequest onlyRequest() {
            assertEquals(1, requests.size());
            return requests.get(0);
        }

        byte[] body(int request) {
            return bodies.get(request);
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    requests.add(request);
                    if (request.contentStreamProvider().isPresent()) {
                        try (InputStream body = request.contentStreamProvider().get().newStream()) {
                            bodies.add(body.readAllBytes());
                        }
                    } else {
                        bodies.add(null);
                    }
                    Object reply = replies.remove(0);
                    if (reply instanceof IOException e) {
                        throw e;
                    }
                    return (HttpExecuteResponse) reply;
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
