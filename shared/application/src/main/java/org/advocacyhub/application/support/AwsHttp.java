package org.advocacyhub.application.support;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The HTTP client of a function's AWS SDK clients (issue 12: cold start).
 * <ul>
 *   <li>The URL-connection client: it loads far fewer classes than the Apache or Netty clients.</li>
 *   <li>One per function, shared by its DynamoDB, SQS and SES clients: one TLS context, not one each.</li>
 *   <li>It trusts the roots AWS service endpoints' certificates chain to, Amazon Trust Services' (Amazon Root CA 1 to 4,
 *       with the Starfield roots that cross-sign them: {@value #ROOTS}), rather than the JDK's whole list of some 140
 *       authorities, which took about 40 ms of CPU to read at each cold start, measured with class-data sharing on the
 *       project's machine. AWS names these roots for its endpoints
 *       (https://www.amazontrust.com/repository/ and "AWS services and Amazon Trust Services" in the AWS Security
 *       Blog). Every call the functions make over TLS is to an AWS endpoint (the local engines are plain HTTP).
 *       {@code aws.tls.trust=jdk} ({@code AWS_TLS_TRUST=jdk}) trusts the JDK's list again, for a network whose proxy
 *       re-signs TLS with an authority of its own.</li>
 * </ul>
 */
@Factory
public class AwsHttp {

    /** The Amazon Trust Services roots, PEM, on the classpath. */
    public static final String ROOTS = "tls/amazon-trust-services-roots.pem";

    /** The function's one client, closed with its context. */
    @Singleton
    @Bean(preDestroy = "close")
    SdkHttpClient sdkHttpClient(@Value("${aws.tls.trust:amazon}") String trust) {
        return UrlConnectionHttpClient.builder().tlsTrustManagersProvider(trustManagers(trust)).build();
    }

    /**
     * A client builder made the one way every SDK client of a function is: this HTTP client ({@link #sdkHttpClient}), the
     * region {@code aws.region} when set (else the Lambda's), and, when {@code endpoint} is set ({@code aws.endpoints.*}:
     * a local engine or LocalStack), that endpoint with dummy credentials instead of the function's role.
     */
    public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, SdkHttpClient http,
                                                                                              String endpoint, String region) {
        builder.httpClient(http);
        if (!region.isBlank()) {
            builder.region(Region.of(region));
        }
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder;
    }

    /**
     * The trust managers for {@code trust}: {@code amazon}, the Amazon Trust Services roots; {@code jdk}, the JDK's list.
     *
     * @throws IllegalArgumentException for any other value, naming the setting
     */
    public static TlsTrustManagersProvider trustManagers(String trust) {
        return switch (trust) {
            case "amazon" -> AwsHttp::amazonTrustServices;
            case "jdk" -> () -> trustManagers((KeyStore) null);
            default -> throw new IllegalArgumentException("aws.tls.trust (AWS_TLS_TRUST): expected 'amazon' or 'jdk' but was '" + trust + "'");
        };
    }

    /** Read once per execution environment: every HTTP client of a function (the SDK's, S3ObjectClient's) shares them. */
    private static volatile TrustManager[] amazonTrustServices;

    /**
     * Trust managers that trust only the Amazon Trust Services roots, read from {@value #ROOTS} at the first call (a
     * failure is thrown again at the next, not remembered).
     */
    public static TrustManager[] amazonTrustServices() {
        TrustManager[] managers = amazonTrustServices;
        if (managers == null) {
            managers = trustManagers(amazonRoots());
            amazonTrustServices = managers;
        }
        return managers.clone();
    }

    /** The Amazon Trust Services roots as a key store of trusted certificates. */
    static KeyStore amazonRoots() {
        try (InputStream pem = AwsHttp.class.getClassLoader().getResourceAsStream(ROOTS)) {
            if (pem == null) {
                throw new IllegalStateException(ROOTS + " is missing from the classpath");
            }
            Collection<? extends Certificate> roots = CertificateFactory.getInstance("X.509").generateCertificates(pem);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate root : List.copyOf(roots)) {
                store.setCertificateEntry("amazon-trust-services-" + i++, root);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(ROOTS + ": cannot be read", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ROOTS + ": not a list of certificates", e);
        }
    }

    private static TrustManager[] trustManagers(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make TLS trust managers", e);
        }
    }
}
