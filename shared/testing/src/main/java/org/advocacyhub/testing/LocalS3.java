package org.advocacyhub.testing;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3 in this JVM: s3proxy over jclouds' transient (in-memory) blob store, on {@code 127.0.0.1} only. The report
 * workbooks kept in it are gone when it stops, as everything local is. Any credentials are accepted (the local
 * clients sign with dummies); clients must use path-style addressing.
 */
final class LocalS3 implements AutoCloseable {

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
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.regions", region);
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("local", "local")
                .overrides(overrides)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                // Port 0: Jetty takes a free one, read back below; the host keeps it on the loopback interface.
                .endpoint(URI.create("http://" + HOST + ":" + Math.max(0, requestedPort)))
                .awsAuthentication(AuthenticationType.NONE, "local", "local")
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

    URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
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
