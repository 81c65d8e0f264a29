package org.advocacyhub.web.console.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostedSignInTest {

    @Test
    void theS256ChallengeIsRfc7636AppendixBsKnownAnswer() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", HostedSignIn.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void theAuthorizeUrlCarriesEveryParameterCognitoNeedsAndAFreshStateAndVerifier() {
        SignInSettings settings = new SignInSettings("https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_abc", "client-1",
                URI.create("https://hub.auth.eu-west-2.amazoncognito.com/"));
        HostedSignIn signIn = new HostedSignIn(settings, Jwks.httpClient(), new SecureRandom());
        HostedSignIn.Start first = signIn.start("https://console.example/console/callback");
        HostedSignIn.Start second = signIn.start("https://console.example/console/callback");

        assertEquals("https://hub.auth.eu-west-2.amazoncognito.com/oauth2/authorize", first.authorizeUrl().toString().split("\\?")[0]);
        Map<String, String> query = query(first.authorizeUrl());
        assertEquals(Map.of("response_type", "code", "client_id", "client-1", "redirect_uri", "https://console.example/console/callback",
                "scope", "openid email", "state", first.state(), "code_challenge", HostedSignIn.challenge(first.verifier()),
                "code_challenge_method", "S256"), query);
        for (String value : new String[] {first.state(), first.verifier()}) {
            assertTrue(value.matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url: " + value);
        }
        assertNotEquals(first.state(), second.state());
        assertNotEquals(first.verifier(), second.verifier());
        assertNotEquals(first.state(), first.verifier());
    }

    @Test
    void theLogoutUrlNamesTheClientAndWhereToComeBack() {
        SignInSettings settings = new SignInSettings("https://issuer.example", "client-1", URI.create("https://hub.auth.example"));
        URI logout = new HostedSignIn(settings, Jwks.httpClient(), new SecureRandom()).logoutUrl("https://console.example/console/signed-out");
        assertEquals("https://hub.auth.example/logout", logout.toString().split("\\?")[0]);
        assertEquals(Map.of("client_id", "client-1", "logout_uri", "https://console.example/console/signed-out"), query(logout));
    }

    @Test
    void theCodeIsRedeemedWithAFormPostAndTheIdTokenComesBack() throws Exception {
        try (TestIssuer issuer = new TestIssuer()) {
            issuer.tokenEndpoint = body -> new TestIssuer.Answer(200,
                    "{\"id_token\":\"the.id.token\",\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            HostedSignIn signIn = new HostedSignIn(issuer.settings(""), Jwks.httpClient(), new SecureRandom());
            assertEquals(Optional.of("the.id.token"), signIn.exchange("code 1", "https://c.example/console/callback", "verifier-1"));
            assertEquals("POST application/x-www-form-urlencoded grant_type=authorization_code&client_id=console-client&code=code+1"
                    + "&redirect_uri=https%3A%2F%2Fc.example%2Fconsole%2Fcallback&code_verifier=verifier-1", issuer.tokenRequests.get(0));

            issuer.tokenEndpoint = body -> new TestIssuer.Answer(400, "{\"error\":\"invalid_grant\"}");
            assertEquals(Optional.empty(), signIn.exchange("code 1", "https://c.example/console/callback", "verifier-1"));
            issuer.tokenEndpoint = body -> new TestIssuer.Answer(200, "{\"access_token\":\"a\"}");
            assertEquals(Optional.empty(), signIn.exchange("code 1", "https://c.example/console/callback", "verifier-1"), "no id_token");
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}
