package org.advocacyhub.persistence;

import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.application.port.ReportArchive;

/**
 * The report archive in S3 (template.yaml {@code ReportsBucket}: versioned, encrypted, public access blocked, TLS
 * only). Every object is written with server-side encryption asked for explicitly (SSE-S3, AES-256), as the bucket's
 * default encryption also does: a workbook with personal data (LEW 17.5 caseload list) is never stored in clear,
 * even in a bucket whose default was changed. A key written again keeps its earlier versions (bucket versioning).
 */
public final class S3ReportArchive implements ReportArchive {

    /** SSE-S3: S3's own AES-256 keys ({@code x-amz-server-side-encryption: AES256}). */
    static final String SSE_S3 = "AES256";

    private final S3ObjectClient s3;
    private final String bucket;

    public S3ReportArchive(S3ObjectClient s3, String bucket) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("no reports bucket: set REPORTS_BUCKET");
        }
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        checkKey(key);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
        s3.putObject(bucket, key, content, contentType, SSE_S3);
    }

    @Override
    public Optional<byte[]> get(String key) {
        checkKey(key);
        return s3.getObject(bucket, key);
    }

    @Override
    public void delete(String key) {
        checkKey(key);
        s3.deleteObject(bucket, key);
    }

    private static void checkKey(String key) {
        if (key == null || key.isBlank() || key.startsWith("/")) {
            throw new IllegalArgumentException("an object key is a non-blank path not starting with '/'");
        }
    }
}
