package org.advocacyhub.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.advocacyhub.application.support.AwsHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * S3's PutObject and GetObject, the only two S3 calls the hub makes (the report archive), over plain HTTPS.
 *
 * <p>Why not the SDK's {@code S3Client}: its artifact ({@code software.amazon.awssdk:s3}) is about 4 MB compressed and
 * 2,300 jar entries, nearly all request and response models of S3's other hundred operations, and it brings the XML
 * protocol, ARN and CRT modules with it. It alone put the report function's Lambda jar over the 20 MB each function
 * is allowed (issue 12: smaller jars, only what each function uses), and every class it loads costs a cold start.
 * This client is built only from SDK parts every function's jar already carries for DynamoDB: the SigV4 signer
 * ({@link AwsV4HttpSigner}), the URL-connection HTTP client, and the credentials chain.
 *
 * <p>Signing follows AWS's guidance for SigV4 (IAM User Guide, "AWS Signature Version 4 for API requests",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html) with S3's own rules (S3 API Reference,
 * "Authenticating Requests (AWS Signature Version 4)",
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html): service name {@code s3}; the
 * path URI-encoded once, not twice as other services want, and not normalised (a key may hold {@code //} or
 * {@code ./}); the payload's SHA-256 signed and sent in {@code x-amz-content-sha256}, which S3 requires and checks
 * against the body, so a corrupted upload is refused. The unit test signs the worked examples of that page.
 *
 * <p>Addressing: virtual-hosted style in AWS ({@code https://<bucket>.s3.<region>.amazonaws.com/<key>}; path style
 * for a bucket with a dot in its name, which the wildcard certificate does not cover); path style
 * ({@code <endpoint>/<bucket>/<key>}) on a local engine (s3proxy, LocalStack), which answers on one host.
 *
 * <p>Failures: a 5xx, a 429 or {@code SlowDown}, a {@code RequestTimeout}, or an I/O error is tried again, up to
 * {@value #ATTEMPTS} attempts in all (as the SDK's standard retry mode), after a short jittered pause; both calls are
 * idempotent. Anything else that is not 2xx, and the last failed attempt, is a {@link Failure} naming the operation,
 * the HTTP status and S3's error code, never the object's content. Redirects are not followed (a bucket in another
 * region is a failure, as with the SDK's default).
 */
public final class S3ObjectClient implements AutoCloseable {

    /** Waits before a retry: {@code Thread.sleep}, or in a unit test a recorder that does not wait. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** An S3 call that did not succeed: its operation, HTTP status (0 after an I/O error) and S3 error code. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        Failure(String message, int status, String code, Throwable cause) {
            super(message, cause);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    static final int ATTEMPTS = 3;
    /** The ceiling of the first pause, doubled before each later attempt (100 ms, 200 ms: the SDK's base delay). */
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Between two reads of the response (or writes of the body): a workbook of a few MB moves well within it. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final String NO_CODE = "(no error code)";
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectClient.class);

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI pathStyleEndpoint;
    private final Clock clock;
    private final Pause pause;

    S3ObjectClient(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI pathStyleEndpoint,
                   Clock clock, Pause pause) {
        this.http = Objects.requireNonNull(http, "http");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("no AWS region for S3: set AWS_REGION");
        }
        this.region = region;
        this.pathStyleEndpoint = pathStyleEndpoint;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /**
     * A client of S3 in {@code region}, or of the engine at {@code pathStyleEndpoint} when it is not null. It signs with
     * the system clock, never the application's (which a local run may set elsewhere in time): S3 refuses a request
     * signed more than 15 minutes from its own time.
     */
    public static S3ObjectClient create(String region, URI pathStyleEndpoint, AwsCredentialsProvider credentials) {
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(READ_TIMEOUT)
                .tlsTrustManagersProvider(AwsHttp::amazonTrustServices) // S3's endpoints chain to them as every AWS one does
                .build();
        return new S3ObjectClient(http, credentials, region, pathStyleEndpoint, Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    /** PutObject: stores {@code content} under {@code key}, asking for {@code serverSideEncryption} (e.g. AES256). */
    public void putObject(String bucket, String key, byte[] content, String contentType, String serverSideEncryption) {
        Objects.requireNonNull(content, "content");
        Map<String, String> headers = Map.of(
                "Content-Type", Objects.requireNonNull(contentType, "contentType"),
                "Content-Length", Integer.toString(content.length),
                "x-amz-server-side-encryption", Objects.requireNonNull(serverSideEncryption, "serverSideEncryption"));
        Reply reply = call("PutObject", SdkHttpMethod.PUT, bucket, key, headers, content);
        if (!reply.succeeded()) {
            throw reply.failure();
        }
    }

    /** GetObject: the content under {@code key}, or empty when S3 says there is no such key. */
    public Optional<byte[]> getObject(String bucket, String key) {
        Reply reply = call("GetObject", SdkHttpMethod.GET, bucket, key, Map.of(), null);
        if (reply.succeeded()) {
            return Optional.of(reply.body());
        }
        if (reply.status() == 404 && "NoSuchKey".equals(reply.code())) {
            return Optional.empty();
        }
        throw reply.failure();
    }

    /** DeleteObject: removes {@code key} (in a versioned bucket, puts a delete marker); a key that is not there is no error. */
    public void deleteObject(String bucket, String key) {
        Reply reply = call("DeleteObject", SdkHttpMethod.DELETE, bucket, key, Map.of(), null);
        if (!reply.succeeded() && !(reply.status() == 404 && "NoSuchKey".equals(reply.code()))) {
            throw reply.failure();
        }
    }

    /** The request as it would be sent, signed now: for the unit test's checks of the canonical request. */
    SdkHttpRequest signed(SdkHttpRequest request, byte[] body) {
        return sign(request, body).request();
    }

    private Reply call(String operation, SdkHttpMethod method, String bucket, String key, Map<String, String> headers, byte[] body) {
        SdkHttpRequest.Builder request = address(bucket, key).method(method);
        headers.forEach(request::putHeader);
        SdkHttpRequest unsigned = request.build();
        String what = operation + " " + bucket + "/" + key;
        for (int attempt = 1; ; attempt++) {
            Reply reply;
            try {
                reply = send(what, sign(unsigned, body));
            } catch (IOException | UncheckedIOException e) {
                if (attempt == ATTEMPTS) {
                    throw new Failure("S3 " + what + " failed after " + ATTEMPTS + " attempts: " + e.getClass().getSimpleName(), 0, NO_CODE, e);
                }
                LOG.warn("S3 {} failed ({}), attempt {} of {}", what, e.getClass().getSimpleName(), attempt, ATTEMPTS);
                pauseBefore(attempt + 1, what);
                continue;
            }
            if (reply.succeeded() || !reply.retryable() || attempt == ATTEMPTS) {
                return reply;
            }
            LOG.warn("S3 {}: HTTP {} {}, attempt {} of {}", what, reply.status(), reply.code(), attempt, ATTEMPTS);
            pauseBefore(attempt + 1, what);
        }
    }

    private SdkHttpRequest.Builder address(String bucket, String key) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("no bucket");
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("no key");
        }
        // RFC 3986 percent-encoding of every byte but the unreserved characters, '/' kept between segments: S3's rule.
        String encodedKey = SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        if (pathStyleEndpoint != null) {
            String base = pathStyleEndpoint.getRawPath() == null ? "" : pathStyleEndpoint.getRawPath().replaceAll("/+$", "");
            return SdkHttpRequest.builder().uri(pathStyleEndpoint)
                    .encodedPath(base + "/" + SdkHttpUtils.urlEncode(bucket) + "/" + encodedKey);
        }
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().protocol("https");
        return bucket.contains(".")
                ? request.host("s3." + region + "." + domain).encodedPath("/" + bucket + "/" + encodedKey)
                : request.host(bucket + ".s3." + region + "." + domain).encodedPath("/" + encodedKey);
    }

    private SignedRequest sign(SdkHttpRequest request, byte[] body) {
        return signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request)
                .payload(body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                // The body's SHA-256 in x-amz-content-sha256, signed; not aws-chunked (the body is in memory anyway).
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    }

    private Reply send(String what, SignedRequest signed) throws IOException {
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                        .request(signed.request())
                        .contentStreamProvider(signed.payload().orElse(null))
                        .build())
                .call();
        int status = response.httpResponse().statusCode();
        byte[] body = read(response.responseBody());
        String requestId = response.httpResponse().firstMatchingHeader("x-amz-request-id").orElse("none");
        return new Reply(what, status, body, status / 100 == 2 ? null : errorCode(body), requestId);
    }

    private static byte[] read(Optional<AbortableInputStream> body) throws IOException {
        if (body.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = body.get()) {
            return in.readAllBytes();
        }
    }

    /** S3's error code: the {@code <Code>} of its XML error body ({@code <Error><Code>NoSuchKey</Code>...}). */
    static String errorCode(byte[] body) {
        String xml = new String(body, StandardCharsets.UTF_8);
        int start = xml.indexOf("<Code>");
        int end = start < 0 ? -1 : xml.indexOf("</Code>", start);
        return end < 0 ? NO_CODE : xml.substring(start + "<Code>".length(), end).strip();
    }

    /** Equal jitter: between half and all of 100 ms, 200 ms, ... before attempts 2, 3, ... */
    private void pauseBefore(int attempt, String what) {
        long ceiling = FIRST_PAUSE.toMillis() << (attempt - 2);
        long millis = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            pause.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("S3 " + what + " interrupted before attempt " + attempt, 0, NO_CODE, e);
        }
    }

    @Override
    public void close() {
        http.close();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    private record Reply(String what, int status, byte[] body, String code, String requestId) {

        boolean succeeded() {
            return status / 100 == 2;
        }

        boolean retryable() {
            return status == 500 || status == 502 || status == 503 || status == 504 || status == 429
                    || "SlowDown".equals(code) || "RequestTimeout".equals(code);
        }

        /** Never the body: an error body names the key at most, but the body of anything else is the object. */
        Failure failure() {
            return new Failure("S3 " + what + ": HTTP " + status + " " + code + " (request id " + requestId + ")", status, code, null);
        }
    }
}
