package org.advocacyhub.testing;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3 in this JVM: s3proxy over jclouds' transient (in-memory) blob store, on {@code 127.0.0.1} only, or over its
 * filesystem blob store ({@link #startOnDisk}), one directory per bucket and a file per object, when the local stack
 * keeps its data. The engines' instance ({@link LocalEngines})
 * accepts any credentials (the local clients sign with dummies); {@link #startVerifyingSignatures} starts one that
 * checks every request's signature as S3 does. Clients must use path-style addressing.
 */
public final class LocalS3 implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final int port;

    private LocalS3(S3Proxy proxy, BlobStoreContext context, int port) {
        this.proxy = proxy;
        this.context = context;
        this.port = port;
    }

    /**
     * Starts on {@code requestedPort}, or on a free port when it is 0. The store has one location, {@code region}: the
     * SDK asks for the client's region when it creates a bucket outside us-east-1, as S3 itself requires.
     */
    static LocalS3 start(int requestedPort, String region) {
        return start(requestedPort, region, AuthenticationType.NONE, "local", "local", null);
    }

    /** As {@link #start(int, String)}, keeping buckets and objects under {@code directory} (created if missing). */
    static LocalS3 startOnDisk(int requestedPort, String region, java.nio.file.Path directory) {
        try {
            java.nio.file.Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create " + directory, e);
        }
        return start(requestedPort, region, AuthenticationType.NONE, "local", "local", directory);
    }

    /**
     * On a free port, accepting only requests signed (AWS Signature Version 2 or 4) with {@code identity} (the access
     * key id) and {@code credential} (the secret key), and refusing the rest with S3's error codes: for a client that
     * signs its own requests ({@code S3ObjectClient}), whose signatures the engines' instance would not check.
     */
    public static LocalS3 startVerifyingSignatures(String region, String identity, String credential) {
        return start(0, region, AuthenticationType.AWS_V2_OR_V4, identity, credential, null);
    }

    private static LocalS3 start(int requestedPort, String region, AuthenticationType authentication, String identity,
                                 String credential, java.nio.file.Path directory) {
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.regions", region);
        if (directory != null) {
            overrides.setProperty("jclouds.filesystem.basedir", directory.toString());
        }
        BlobStoreContext context = ContextBuilder.newBuilder(directory == null ? "transient" : "filesystem")
                .credentials("local", "local")
                .overrides(overrides)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                // Port 0: Jetty takes a free one, read back below; the host keeps it on the loopback interface.
                .endpoint(URI.create("http://" + HOST + ":" + Math.max(0, requestedPort)))
                .awsAuthentication(authentication, identity, credential)
                // The SDK's checksum headers (x-amz-checksum-*, x-amz-sdk-checksum-algorithm) are not ones s3proxy knows.
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if ("FAILED".equals(proxy.getState()) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy is " + proxy.getState());
                }
                Thread.sleep(10);
            }
            return new LocalS3(proxy, context, proxy.getPort());
        } catch (Exception e) {
            stopQuietly(proxy);
            context.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("s3proxy did not start on " + HOST + ":" + requestedPort + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    /** Where it answers: {@code http://127.0.0.1:<port>}, buckets in the path. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** Creates {@code bucket} in the store directly, past the S3 API (and its signatures). */
    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop: " + e.getMessage(), e);
        } finally {
            context.close();
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // it did not start
        }
    }
}
