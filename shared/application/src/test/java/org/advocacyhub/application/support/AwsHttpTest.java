package org.advocacyhub.application.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;

class AwsHttpTest {

    @Test
    void trusts_exactly_the_amazon_trust_services_roots() throws Exception {
        X509TrustManager trust = x509(AwsHttp.amazonTrustServices());
        Set<String> subjects = Arrays.stream(trust.getAcceptedIssuers())
                .map(root -> root.getSubjectX500Principal().getName()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of(
                "CN=Amazon Root CA 1,O=Amazon,C=US", "CN=Amazon Root CA 2,O=Amazon,C=US",
                "CN=Amazon Root CA 3,O=Amazon,C=US", "CN=Amazon Root CA 4,O=Amazon,C=US",
                "CN=Starfield Services Root Certificate Authority - G2,O=Starfield Technologies\\, Inc.,L=Scottsdale,ST=Arizona,C=US",
                "OU=Starfield Class 2 Certification Authority,O=Starfield Technologies\\, Inc.,C=US")), subjects);
    }

    @Test
    void every_root_is_a_self_signed_authority_still_valid_in_2033() throws Exception {
        KeyStore roots = AwsHttp.amazonRoots();
        for (String alias : Collections.list(roots.aliases())) {
            X509Certificate root = (X509Certificate) roots.getCertificate(alias);
            root.verify(root.getPublicKey());
            assertTrue(root.getBasicConstraints() >= 0 || root.getVersion() < 3, root.getSubjectX500Principal() + " is not an authority");
            root.checkValidity(Date.from(java.time.Instant.parse("2033-12-31T00:00:00Z")));
        }
    }

    @Test
    void the_jdk_list_can_be_trusted_instead_and_any_other_setting_is_refused_by_name() throws Exception {
        X509TrustManager jdk = x509(AwsHttp.trustManagers("jdk").trustManagers());
        assertTrue(jdk.getAcceptedIssuers().length > 20, "the JDK's list");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AwsHttp.trustManagers("none"));
        assertTrue(refused.getMessage().startsWith("aws.tls.trust (AWS_TLS_TRUST): "), refused.getMessage());
    }

    @Test
    void the_roots_are_read_once_and_every_client_shares_their_trust_managers() {
        TrustManager[] first = AwsHttp.amazonTrustServices();
        TrustManager[] second = AwsHttp.amazonTrustServices();
        assertEquals(first.length, second.length);
        assertSame(first[0], second[0]);
        first[0] = null;
        assertSame(second[0], AwsHttp.amazonTrustServices()[0], "a caller's array is its own copy");
    }

    @Test
    void the_shared_client_is_made_with_the_amazon_roots() {
        try (SdkHttpClient client = new AwsHttp().sdkHttpClient("amazon")) {
            assertEquals("UrlConnection", client.clientName());
        }
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        return Arrays.stream(managers).filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                .findFirst().orElseThrow();
    }
}
