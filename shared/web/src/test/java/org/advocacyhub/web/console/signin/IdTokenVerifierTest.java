package org.advocacyhub.web.console.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-24T20:00:00Z");

    private final TestIssuer issuer;
    private final TestIssuer.MovableClock clock = new TestIssuer.MovableClock(NOW);
    private final IdTokenVerifier verifier;

    IdTokenVerifierTest() throws Exception {
        issuer = new TestIssuer();
        SignInSettings settings = issuer.settings("");
        verifier = new IdTokenVerifier(settings, new Jwks(settings.jwks(), Jwks.httpClient(), clock), clock);
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void aGoodIdTokenGivesItsClaimsWithTheirJsonTypes() {
        Map<String, Object> claims = verifier.verify(issuer.rs256(issuer.claims(NOW, ""))).orElseThrow();
        assertEquals("sub-123", claims.get("sub"));
        assertEquals(List.of("manager", "advocate"), claims.get("cognito:groups"), "a JSON array stays a list");
        assertEquals(new BigDecimal(NOW.getEpochSecond() + 3600), claims.get("exp"));
        assertEquals("m@example.test", claims.get("email"));
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderOurKidIsRefused() {
        String forged = TestIssuer.token("{\"alg\":\"RS256\",\"kid\":\"key-1\"}", issuer.claims(NOW, ""), TestIssuer.newKeys());
        assertEquals(Optional.empty(), verifier.verify(forged));
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIsRefused() {
        String[] parts = issuer.rs256(issuer.claims(NOW, "")).split("\\.");
        String changed = TestIssuer.B64.encodeToString(issuer.claims(NOW, "\"custom:role\":\"x\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), verifier.verify(parts[0] + "." + changed + "." + parts[2]));
    }

    @Test
    void algNoneIsRefused() {
        String header = TestIssuer.B64.encodeToString("{\"alg\":\"none\",\"kid\":\"key-1\"}".getBytes(StandardCharsets.UTF_8));
        String payload = TestIssuer.B64.encodeToString(issuer.claims(NOW, "").getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), verifier.verify(header + "." + payload + "."));
        // The same token with a real RS256 signature over a header saying "none" is refused too: the header decides nothing.
        assertEquals(Optional.empty(), verifier.verify(issuer.token("{\"alg\":\"none\",\"kid\":\"key-1\"}", issuer.claims(NOW, ""))));
    }

    @Test
    void hs256SignedWithThePublicKeyAsSecretIsRefused() throws Exception {
        // The algorithm-confusion attack: HMAC keyed with the (public) RSA key a naive verifier would use as "the key".
        String input = TestIssuer.B64.encodeToString("{\"alg\":\"HS256\",\"kid\":\"key-1\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + TestIssuer.B64.encodeToString(issuer.claims(NOW, "").getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(issuer.keys.getPublic().getEncoded(), "HmacSHA256"));
        String token = input + "." + TestIssuer.B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), verifier.verify(token));
        assertEquals(Optional.empty(), verifier.verify(issuer.token("{\"alg\":\"RS512\",\"kid\":\"key-1\"}", issuer.claims(NOW, ""))));
    }

    @Test
    void anotherIssuerAudienceOrTokenUseIsRefused() {
        String good = issuer.claims(NOW, "");
        assertTrue(verifier.verify(issuer.rs256(good)).isPresent(), "the unchanged token is good");
        for (String[] change : List.of(
                new String[] {"\"iss\":\"" + issuer.issuer() + "\"", "\"iss\":\"https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_other\""},
                new String[] {"\"aud\":\"console-client\"", "\"aud\":\"another-client\""},
                new String[] {"\"aud\":\"console-client\"", "\"aud\":[\"another-client\",\"console-client\"]"},
                new String[] {"\"token_use\":\"id\"", "\"token_use\":\"access\""},
                new String[] {"\"token_use\":\"id\",", ""},
                new String[] {"\"sub\":\"sub-123\",", ""})) {
            String payload = good.replace(change[0], change[1]);
            assertTrue(!payload.equals(good), "the change applies: " + change[1]);
            assertEquals(Optional.empty(), verifier.verify(issuer.rs256(payload)), change[1]);
        }
    }

    @Test
    void aListAudienceIsAcceptedOnlyWithAzpNamingTheClient() {
        String payload = issuer.claims(NOW, "\"azp\":\"console-client\"").replace("\"aud\":\"console-client\"", "\"aud\":[\"console-client\",\"x\"]");
        assertTrue(verifier.verify(issuer.rs256(payload)).isPresent());
    }

    @Test
    void aTokenIsGoodUntilItsExpiryAndNotAtIt() {
        String token = issuer.rs256(issuer.claims(NOW, ""));
        clock.advance(Duration.ofSeconds(3599));
        assertTrue(verifier.verify(token).isPresent(), "a second before exp");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), verifier.verify(token), "at exp");
    }

    @Test
    void aTokenIssuedMoreThanFiveMinutesAheadIsRefused() {
        assertTrue(verifier.verify(issuer.rs256(issuer.claims(NOW.plusSeconds(300), ""))).isPresent(), "5 minutes of skew are allowed");
        assertEquals(Optional.empty(), verifier.verify(issuer.rs256(issuer.claims(NOW.plusSeconds(301), ""))));
        assertEquals(Optional.empty(), verifier.verify(issuer.rs256(issuer.claims(NOW, "").replaceAll("\"iat\":\\d+,", ""))), "no iat");
    }

    @Test
    void malformedTokensAreRefused() {
        String good = issuer.rs256(issuer.claims(NOW, ""));
        for (String bad : List.of("", "abc", good + ".x", good.replace('.', '!'), good.substring(0, good.lastIndexOf('.') + 1) + "%%%",
                issuer.token("{\"alg\":\"RS256\"}", issuer.claims(NOW, "")),
                issuer.token("{\"alg\":\"RS256\",\"kid\":\"key-1\",\"crit\":[\"b64\"]}", issuer.claims(NOW, "")),
                issuer.rs256("[1,2]"), issuer.rs256("{\"sub\":\"a\",\"sub\":\"b\"}"))) {
            assertEquals(Optional.empty(), verifier.verify(bad), bad);
        }
        assertEquals(Optional.empty(), verifier.verify(null));
    }

    @Test
    void theKeySetIsFetchedOnceAndKept() {
        for (int i = 0; i < 5; i++) {
            assertTrue(verifier.verify(issuer.rs256(issuer.claims(NOW, ""))).isPresent());
            clock.advance(Duration.ofMinutes(5));
        }
        assertEquals(1, issuer.jwksFetches.get());
    }

    @Test
    void anUnknownKidFetchesTheSetAgainAtMostOnceAMinute() {
        assertTrue(verifier.verify(issuer.rs256(issuer.claims(NOW, ""))).isPresent());
        assertEquals(1, issuer.jwksFetches.get());
        // Cognito rotates: a new key is published and a token signed with it arrives, within the minute of the first fetch.
        issuer.publishedKids = List.of("key-1", "key-2");
        String rotated = issuer.token("{\"alg\":\"RS256\",\"kid\":\"key-2\"}", issuer.claims(NOW, ""));
        assertEquals(Optional.empty(), verifier.verify(rotated), "no refetch within a minute of the last");
        assertEquals(1, issuer.jwksFetches.get());
        clock.advance(Duration.ofSeconds(60));
        assertTrue(verifier.verify(issuer.token("{\"alg\":\"RS256\",\"kid\":\"key-2\"}", issuer.claims(clock.instant(), ""))).isPresent(),
                "a minute on, the unknown kid makes one refetch, which finds it");
        assertEquals(2, issuer.jwksFetches.get());
        String madeUp = issuer.token("{\"alg\":\"RS256\",\"kid\":\"made-up\"}", issuer.claims(clock.instant(), ""));
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), verifier.verify(madeUp));
        }
        assertEquals(2, issuer.jwksFetches.get(), "made-up kids within the minute fetch nothing");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(Optional.empty(), verifier.verify(issuer.token("{\"alg\":\"RS256\",\"kid\":\"made-up\"}", issuer.claims(clock.instant(), ""))));
        assertEquals(3, issuer.jwksFetches.get(), "one refetch, then refused");
    }

    @Test
    void anUnreachableKeySetRefusesEveryToken() {
        issuer.close();
        assertEquals(Optional.empty(), verifier.verify(issuer.rs256(issuer.claims(NOW, ""))));
        assertEquals(0, issuer.jwksFetches.get());
    }
}
