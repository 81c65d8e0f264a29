package org.advocacyhub.web.console.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.web.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in end to end against a stand-in user pool on real HTTP ({@link TestIssuer}): its token
 * endpoint checks the PKCE verifier against the challenge the authorize URL carried, as Cognito does.
 */
class ConsoleSessionTest {

    private static final Instant NOW = Instant.parse("2026-12-24T20:00:00Z");

    private final TestIssuer issuer;
    private final TestIssuer.MovableClock clock = new TestIssuer.MovableClock(NOW);
    private final org.advocacyhub.application.port.ConsoleSessions sessions = org.advocacyhub.application.port.ConsoleSessions.inMemory();
    private String challenge;
    private String issuedToken;

    ConsoleSessionTest() throws Exception {
        issuer = new TestIssuer();
        issuer.tokenEndpoint = body -> {
            Map<String, String> form = form(body);
            boolean good = "authorization_code".equals(form.get("grant_type")) && "the-code".equals(form.get("code"))
                    && TestIssuer.CLIENT_ID.equals(form.get("client_id")) && form.get("code_verifier") != null
                    && HostedSignIn.challenge(form.get("code_verifier")).equals(challenge);
            return good ? new TestIssuer.Answer(200, "{\"id_token\":\"" + issuedToken + "\",\"access_token\":\"x\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
                    : new TestIssuer.Answer(400, "{\"error\":\"invalid_grant\"}");
        };
        issuedToken = issuer.rs256(issuer.claims(NOW.minusSeconds(100), ""));
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private ConsoleSession session(String baseUrl) {
        SignInSettings settings = issuer.settings(baseUrl);
        IdTokenVerifier verifier = new IdTokenVerifier(settings, new Jwks(settings.jwks(), Jwks.httpClient(), clock), clock);
        return new ConsoleSession(settings, verifier, new HostedSignIn(settings, Jwks.httpClient(), new SecureRandom()), sessions, clock);
    }

    // ------------------------------------------------------------------ the whole flow

    @Test
    void signingInSetsTheSessionCookieAndReturnsToThePageItStartedFrom() {
        ConsoleSession console = session("");
        APIGatewayProxyResponseEvent start = console.startSignIn(request("console.example", Map.of(), List.of()), "/console/cases?status=open");

        assertEquals(303, start.getStatusCode());
        URI authorize = URI.create(start.getHeaders().get("Location"));
        assertEquals(issuer.issuer() + "/oauth2/authorize", authorize.toString().split("\\?")[0]);
        Map<String, String> query = HostedSignInTest.query(authorize);
        assertEquals("http://console.example/console/callback", query.get("redirect_uri"));
        challenge = query.get("code_challenge");
        String signInCookie = onlyCookie(start, "hub_signin");
        assertEquals(List.of("HttpOnly", "Secure", "SameSite=Lax", "Path=/console/callback", "Max-Age=600"), attributes(signInCookie));
        String signInValue = value(signInCookie);
        assertTrue(signInValue.startsWith(query.get("state") + "."), "the cookie keeps the state");

        APIGatewayProxyResponseEvent back = console.callback(request("console.example",
                Map.of("code", "the-code", "state", query.get("state")), List.of("hub_signin=" + signInValue)));

        assertEquals(303, back.getStatusCode(), back.getBody());
        assertEquals("/console/cases?status=open", back.getHeaders().get("Location"));
        String session = onlyCookie(back, "hub_session");
        assertTrue(value(session).matches("[A-Za-z0-9_-]{43}"), "the cookie names a server-side session (issue 20): " + value(session));
        assertFalse(value(session).contains(issuedToken.substring(0, 20)), "the ID token stays on the server");
        assertEquals(List.of("HttpOnly", "Secure", "SameSite=Lax", "Path=/console", "Max-Age=3500"), attributes(session),
                "good for as long as the token: issued 100 s ago for an hour");
        assertEquals(List.of("HttpOnly", "Secure", "SameSite=Lax", "Path=/console/callback", "Max-Age=0"), attributes(onlyCookie(back, "hub_signin")));
        assertEquals("", value(onlyCookie(back, "hub_signin")));
        assertTrue(issuer.tokenRequests.get(0).contains("redirect_uri=http%3A%2F%2Fconsole.example%2Fconsole%2Fcallback"),
                "the same redirect_uri as in the authorize request");

        HttpRequest signedIn = request("console.example", Map.of(), List.of("other=1; hub_session=" + value(session) + "; x=y"));
        StaffMember staff = console.signedIn(signedIn).orElseThrow();
        assertEquals("sub-123", staff.id());
        assertEquals(EnumSet.of(StaffMember.Role.MANAGER, StaffMember.Role.ADVOCATE), staff.roles());
        assertEquals(Optional.of(value(session)), console.sessionToken(signedIn));
        assertEquals(NOW.plusSeconds(3500), console.session(signedIn).orElseThrow().expiresAt());
    }

    @Test
    void aStateThatIsNotTheCookiesFailsWithoutRedeemingTheCode() {
        ConsoleSession console = session("");
        APIGatewayProxyResponseEvent start = console.startSignIn(request("console.example", Map.of(), List.of()), "/console");
        challenge = HostedSignInTest.query(URI.create(start.getHeaders().get("Location"))).get("code_challenge");
        String signInValue = value(onlyCookie(start, "hub_signin"));

        APIGatewayProxyResponseEvent mismatch = console.callback(request("console.example",
                Map.of("code", "the-code", "state", "attackers-state-value"), List.of("hub_signin=" + signInValue)));
        APIGatewayProxyResponseEvent noCookie = console.callback(request("console.example",
                Map.of("code", "the-code", "state", signInValue.split("\\.")[0]), List.of()));

        for (APIGatewayProxyResponseEvent failed : List.of(mismatch, noCookie)) {
            assertFailed(failed, "the-code", "attackers-state-value");
        }
        assertEquals(List.of(), issuer.tokenRequests, "no code was redeemed");
    }

    @Test
    void anErrorFromCognitoOrARefusedCodeOrABadTokenFails() {
        ConsoleSession console = session("");
        APIGatewayProxyResponseEvent start = console.startSignIn(request("console.example", Map.of(), List.of()), "/console");
        Map<String, String> query = HostedSignInTest.query(URI.create(start.getHeaders().get("Location")));
        challenge = query.get("code_challenge");
        List<String> cookie = List.of("hub_signin=" + value(onlyCookie(start, "hub_signin")));

        assertFailed(console.callback(request("console.example", Map.of("error", "access_denied<script>", "state", query.get("state")), cookie)),
                "access_denied", "<script>");
        assertFailed(console.callback(request("console.example", Map.of("code", "another-code", "state", query.get("state")), cookie)),
                "another-code", query.get("state"));
        issuedToken = issuer.rs256(issuer.claims(NOW, "").replace("\"aud\":\"console-client\"", "\"aud\":\"another-client\""));
        assertFailed(console.callback(request("console.example", Map.of("code", "the-code", "state", query.get("state")), cookie)),
                "the-code", query.get("state"));
    }

    // ------------------------------------------------------------------ returnTo

    @Test
    void returnToMustBeAPathOfTheConsole() {
        for (String local : List.of("/console", "/console/cases/LLR-2026-000001", "/console?tab=mine", "/console/cases?q=a%20b")) {
            assertEquals(local, ConsoleSession.safeReturnTo(local));
        }
        for (String elsewhere : Arrays.asList(null, "", "https://evil.example/console", "//evil.example/console", "/\\evil.example",
                "/referrals/new", "/consolex", "/console/../referrals", "/console//evil.example", "/console/\nSet-Cookie: x=y",
                "/console/" + "a".repeat(600), "javascript:alert(1)", "/console/\u00e9")) {
            assertEquals("/console", ConsoleSession.safeReturnTo(elsewhere), String.valueOf(elsewhere));
        }
    }

    @Test
    void anOpenRedirectAttemptComesBackToTheConsole() {
        ConsoleSession console = session("");
        APIGatewayProxyResponseEvent start = console.startSignIn(request("console.example", Map.of(), List.of()), "https://evil.example/");
        Map<String, String> query = HostedSignInTest.query(URI.create(start.getHeaders().get("Location")));
        challenge = query.get("code_challenge");
        APIGatewayProxyResponseEvent back = console.callback(request("console.example",
                Map.of("code", "the-code", "state", query.get("state")), List.of("hub_signin=" + value(onlyCookie(start, "hub_signin")))));
        assertEquals(303, back.getStatusCode());
        assertEquals("/console", back.getHeaders().get("Location"));
    }

    // ------------------------------------------------------------------ addresses and sign-out

    @Test
    void onAnExecuteApiAddressTheStageIsInEveryUrlAndCookiePath() {
        ConsoleSession console = session("");
        HttpRequest viaStage = request("abc123.execute-api.eu-west-2.amazonaws.com", Map.of(), List.of(), "https", "prod");
        APIGatewayProxyResponseEvent start = console.startSignIn(viaStage, "/console/cases");
        assertEquals("https://abc123.execute-api.eu-west-2.amazonaws.com/prod/console/callback",
                HostedSignInTest.query(URI.create(start.getHeaders().get("Location"))).get("redirect_uri"));
        assertTrue(attributes(onlyCookie(start, "hub_signin")).contains("Path=/prod/console/callback"));

        APIGatewayProxyResponseEvent out = console.signOut(viaStage);
        assertEquals(303, out.getStatusCode());
        assertEquals(issuer.issuer() + "/logout?client_id=console-client&logout_uri="
                + "https%3A%2F%2Fabc123.execute-api.eu-west-2.amazonaws.com%2Fprod%2Fconsole%2Fsigned-out", out.getHeaders().get("Location"));
        assertEquals(List.of("HttpOnly", "Secure", "SameSite=Lax", "Path=/prod/console", "Max-Age=0"), attributes(onlyCookie(out, "hub_session")));
    }

    @Test
    void aConfiguredBaseUrlWinsOverTheHostHeader() {
        ConsoleSession console = session("https://hub.example.org/");
        APIGatewayProxyResponseEvent start = console.startSignIn(request("attacker.example", Map.of(), List.of()), "/console");
        assertEquals("https://hub.example.org/console/callback",
                HostedSignInTest.query(URI.create(start.getHeaders().get("Location"))).get("redirect_uri"));
        APIGatewayProxyResponseEvent out = console.signOut(request("attacker.example", Map.of(), List.of()));
        assertTrue(out.getHeaders().get("Location").endsWith("logout_uri=https%3A%2F%2Fhub.example.org%2Fconsole%2Fsigned-out"));
    }

    @Test
    void noSessionWithoutAGoodCookie() {
        ConsoleSession console = session("");
        String expired = issuer.rs256(issuer.claims(NOW.minus(Duration.ofHours(2)), ""));
        String forged = TestIssuer.token("{\"alg\":\"RS256\",\"kid\":\"key-1\"}", issuer.claims(NOW, ""), TestIssuer.newKeys());
        for (List<String> cookies : List.of(List.<String>of(), List.of("hub_session=" + expired), List.of("hub_session=" + forged),
                List.of("hub_sessionx=" + issuedToken), List.of("other=" + issuedToken))) {
            assertEquals(Optional.empty(), console.signedIn(request("console.example", Map.of(), cookies)), cookies.toString());
        }
    }

    @Test
    void theSessionCookieIsFoundInAnyOfSeveralCookieHeaders() {
        ConsoleSession console = session("");
        String id = signIn(console);
        HttpRequest request = request("console.example", Map.of(), List.of("a=1", "hub_session=not-a-token", "hub_session=\"" + id + "\""));
        assertEquals("sub-123", console.signedIn(request).orElseThrow().id());
    }

    @Test
    void issue20SigningOutEndsTheSessionSoTheCookieReplayedNamesNothing() {
        ConsoleSession console = session("");
        String id = signIn(console);
        HttpRequest withCookie = request("console.example", Map.of(), List.of("hub_session=" + id));
        assertTrue(console.signedIn(withCookie).isPresent());
        assertEquals(303, console.signOut(withCookie).getStatusCode());
        assertEquals(Optional.empty(), console.signedIn(withCookie), "the old cookie, replayed after sign-out");

        String other = signIn(console);
        HttpRequest again = request("console.example", Map.of(), List.of("hub_session=" + other));
        console.end(other);
        assertEquals(Optional.empty(), console.signedIn(again), "ended (a deactivation or a role change)");

        String late = signIn(console);
        clock.advance(Duration.ofSeconds(3501));
        assertEquals(Optional.empty(), console.signedIn(request("console.example", Map.of(), List.of("hub_session=" + late))),
                "past the ID token's expiry");
        assertEquals(Optional.empty(), console.signedIn(request("console.example", Map.of(), List.of("hub_session=" + "A".repeat(43)))),
                "a made-up id");
    }

    /** Signs in through the stand-in pool; the session cookie's value. */
    private String signIn(ConsoleSession console) {
        APIGatewayProxyResponseEvent start = console.startSignIn(request("console.example", Map.of(), List.of()), "/console");
        Map<String, String> query = HostedSignInTest.query(URI.create(start.getHeaders().get("Location")));
        challenge = query.get("code_challenge");
        APIGatewayProxyResponseEvent back = console.callback(request("console.example",
                Map.of("code", "the-code", "state", query.get("state")), List.of("hub_signin=" + value(onlyCookie(start, "hub_signin")))));
        assertEquals(303, back.getStatusCode(), back.getBody());
        return value(onlyCookie(back, "hub_session"));
    }

    @Test
    void noHostAndNoConfiguredAddressIsAFailurePage() {
        ConsoleSession console = session("");
        APIGatewayProxyResponseEvent start = console.startSignIn(request(null, Map.of(), List.of()), "/console");
        assertEquals(400, start.getStatusCode());
    }

    // ------------------------------------------------------------------ helpers

    private static void assertFailed(APIGatewayProxyResponseEvent response, String... neverEchoed) {
        assertEquals(400, response.getStatusCode());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("text/html"));
        assertTrue(response.getBody().contains("<h1>Sign-in failed</h1>"), response.getBody());
        assertTrue(response.getBody().contains("href=\"/console/sign-in\""), response.getBody());
        for (String value : neverEchoed) {
            assertFalse(response.getBody().contains(value), "the page repeats " + value);
        }
        assertEquals(List.of("HttpOnly", "Secure", "SameSite=Lax", "Path=/console/callback", "Max-Age=0"), attributes(onlyCookie(response, "hub_signin")));
        assertFalse(response.getMultiValueHeaders().get("Set-Cookie").stream().anyMatch(c -> c.startsWith("hub_session=")));
    }

    private static HttpRequest request(String host, Map<String, String> query, List<String> cookieHeaders) {
        return request(host, query, cookieHeaders, null, "local");
    }

    private static HttpRequest request(String host, Map<String, String> query, List<String> cookieHeaders, String proto, String stage) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (host != null) {
            headers.put("Host", List.of(host));
        }
        if (proto != null) {
            headers.put("X-Forwarded-Proto", List.of(proto));
        }
        if (!cookieHeaders.isEmpty()) {
            headers.put("cookie", cookieHeaders);
        }
        Map<String, String> single = new HashMap<>();
        headers.forEach((k, v) -> single.put(k, v.get(v.size() - 1)));
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setStage(stage);
        return new HttpRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET").withHeaders(single).withMultiValueHeaders(headers)
                .withQueryStringParameters(query).withRequestContext(context));
    }

    private static String onlyCookie(APIGatewayProxyResponseEvent response, String name) {
        List<String> cookies = response.getMultiValueHeaders().get("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
        assertEquals(1, cookies.size(), name + " in " + response.getMultiValueHeaders());
        assertFalse(response.getHeaders().containsKey("Set-Cookie"), "cookies go in multiValueHeaders only");
        return cookies.get(0);
    }

    private static String value(String setCookie) {
        return setCookie.split(";", 2)[0].split("=", 2)[1];
    }

    private static List<String> attributes(String setCookie) {
        return List.of(setCookie.split(";\\s*")).subList(1, setCookie.split(";\\s*").length);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }
}
