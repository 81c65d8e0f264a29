package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.console.signin.ConsoleSession;
import org.advocacyhub.web.console.signin.HostedSignIn;
import org.advocacyhub.web.console.signin.IdTokenVerifier;
import org.advocacyhub.web.console.signin.Jwks;
import org.advocacyhub.web.console.signin.SignInSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The staff console's sign-in against {@code ./run-local}'s stand-in for Cognito's hosted sign-in ({@link LocalCognito}),
 * over HTTP with java.net.http (no browser), as the console's own {@link HostedSignIn} and {@link ConsoleSession} use
 * it, with the sign-in settings {@code ./run-local} gives the casework function.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalSignInIT {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private LocalHub hub;
    private LocalHub.Running running;
    private String base;
    private SignInSettings settings;
    private HostedSignIn hostedSignIn;

    @BeforeAll
    void startRunLocal() throws Exception {
        hub = new LocalHub();
        running = hub.start(Map.of("PORT", freePort(), "DYNAMODB_PORT", freePort(), "SQS_PORT", freePort(),
                "SES_PORT", freePort(), "S3_PORT", freePort()));
        DemoTeam.seed(DemoTeam.members(LocalDate.now(running.clock())), running.routes(), running.functions().get("CaseworkFunction"));
        base = "http://localhost:" + running.port();
        settings = SignInSettings.fromEnvironment(running.functions().get("CaseworkFunction").environment());
        hostedSignIn = new HostedSignIn(settings, http, new SecureRandom());
    }

    @AfterAll
    void stopRunLocal() {
        hub.close();
    }

    @Test
    void runLocalGivesEveryFunctionTheLocalSignInSettings() {
        for (var function : running.functions().values()) {
            Map<String, String> environment = function.environment();
            assertEquals(base + "/_local/cognito", environment.get("CONSOLE_ISSUER"), function.functionId());
            assertEquals("local-console", environment.get("CONSOLE_CLIENT_ID"), function.functionId());
            assertEquals(base + "/_local/cognito", environment.get("CONSOLE_SIGN_IN_URL"), function.functionId());
            assertEquals("", environment.get("CONSOLE_BASE_URL"), "from each request: " + function.functionId());
        }
        assertEquals(URI.create(base + "/_local/cognito/.well-known/jwks.json"), settings.jwks());
    }

    @Test
    void theSignInPageListsTheTeamAccessiblyWithTheHubsContentSecurityPolicy() throws Exception {
        HostedSignIn.Start start = hostedSignIn.start(base + "/console/callback");
        HttpResponse<String> page = get(start.authorizeUrl().toString());

        assertEquals(200, page.statusCode(), page.body());
        assertEquals(HttpResponses.html(200, "").getHeaders().get("Content-Security-Policy"),
                page.headers().firstValue("Content-Security-Policy").orElseThrow());
        String html = page.body();
        assertTrue(html.contains("<html lang=\"en-GB\">"), html);
        assertTrue(html.contains("<title>Sign in (local demo) - Advocacy Hub</title>"), html);
        assertTrue(html.contains("<h1>Sign in (local demo)</h1>"), html);
        assertEquals(1, count(html, "<form method=\"post\""), "one form");
        assertTrue(html.contains("action=\"/_local/cognito/oauth2/authorize\""), "posts to the same origin (form-action 'self')");
        List<DemoTeam.Member> team = DemoTeam.members(LocalDate.now(running.clock()));
        assertEquals(team.size(), count(html, "<button type=\"submit\""), "a button per member");
        for (DemoTeam.Member member : team) {
            assertTrue(html.contains(">Sign in as " + member.name() + "</button>"), member.name() + " in " + html);
            assertTrue(html.contains(member.description().substring(1)), member.description());
        }
        Map<String, String> hidden = hidden(html);
        assertEquals(start.state(), hidden.get("state"), "the state goes round the form");
        assertEquals(HostedSignIn.challenge(start.verifier()), hidden.get("code_challenge"));
    }

    @Test
    void theDutyManagerSignsInAndTheIdTokenVerifiesWithTheLocalKeySet() throws Exception {
        HostedSignIn.Start start = hostedSignIn.start(base + "/console/callback");
        URI back = pick(start, "local-manager");

        assertEquals(base + "/console/callback", back.toString().split("\\?")[0]);
        Map<String, String> query = query(back);
        assertEquals(start.state(), query.get("state"));

        HttpResponse<String> tokens = token(query.get("code"), base + "/console/callback", start.verifier());
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertTrue(tokens.body().matches("\\{\"id_token\":\"[\\w.-]+\",\"access_token\":\"[\\w.-]+\",\"token_type\":\"Bearer\",\"expires_in\":3600}"),
                tokens.body());
        assertEquals("no-store", tokens.headers().firstValue("Cache-Control").orElseThrow());
        String idToken = tokens.body().replaceAll(".*\"id_token\":\"([^\"]+)\".*", "$1");

        IdTokenVerifier verifier = new IdTokenVerifier(settings, new Jwks(settings.jwks(), http, Clock.systemUTC()), Clock.systemUTC());
        Map<String, Object> claims = verifier.verify(idToken).orElseThrow();
        assertEquals("local-manager", claims.get("sub"));
        assertEquals(List.of("manager"), claims.get("cognito:groups"), "a JSON array, as in a Cognito ID token");
        assertEquals("morgan.manager@advocacy-hub.localhost", claims.get("email"));
        assertEquals("local-console", claims.get("aud"));

        // The same ID token passes the local API's authorizer, as a Cognito ID token passes API Gateway's.
        HttpResponse<String> waitingList = http.send(HttpRequest.newBuilder(URI.create(base + "/waiting-list?contract=LLR"))
                .header("Authorization", "Bearer " + idToken).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, waitingList.statusCode(), waitingList.body());
    }

    @Test
    void aWrongVerifierGetsInvalidGrantAndACodeWorksOnce() throws Exception {
        HostedSignIn.Start start = hostedSignIn.start(base + "/console/callback");
        String first = query(pick(start, "local-manager")).get("code");
        HttpResponse<String> wrong = token(first, base + "/console/callback", HostedSignIn.challenge(start.verifier()));
        assertEquals(400, wrong.statusCode());
        assertEquals("{\"error\":\"invalid_grant\"}", wrong.body());
        assertEquals(400, token(first, base + "/console/callback", start.verifier()).statusCode(), "a code refused once is spent");

        String second = query(pick(start, "local-manager")).get("code");
        assertEquals(400, token(second, base + "/console/other", start.verifier()).statusCode(), "another redirect_uri");
        String third = query(pick(start, "local-manager")).get("code");
        assertEquals(200, token(third, base + "/console/callback", start.verifier()).statusCode());
        HttpResponse<String> again = token(third, base + "/console/callback", start.verifier());
        assertEquals(400, again.statusCode(), "a code works once");
        assertEquals("{\"error\":\"invalid_grant\"}", again.body());
        assertEquals("{\"error\":\"unsupported_grant_type\"}", post("/_local/cognito/oauth2/token",
                "grant_type=password&client_id=local-console&username=x&password=y").body());
    }

    @Test
    void badSignInRequestsAreRefusedWithoutARedirect() throws Exception {
        HostedSignIn.Start start = hostedSignIn.start(base + "/console/callback");
        String good = start.authorizeUrl().toString();
        for (String bad : List.of(good.replace("client_id=local-console", "client_id=someone-else"),
                good.replace(URLEncoder.encode(base, StandardCharsets.UTF_8), URLEncoder.encode("http://evil.example", StandardCharsets.UTF_8)),
                good.replace("response_type=code", "response_type=token"),
                good.replace("code_challenge_method=S256", "code_challenge_method=plain"),
                good + "&client_id=local-console")) {
            assertFalse(bad.equals(good));
            HttpResponse<String> page = get(bad);
            assertEquals(400, page.statusCode(), bad);
            assertEquals(Optional.empty(), page.headers().firstValue("Location"), bad);
            assertTrue(page.body().contains("<h1>Sign-in request not valid</h1>"), page.body());
        }
        Map<String, String> fields = new LinkedHashMap<>(hidden(get(good).body()));
        fields.put("subject", "someone-not-in-the-team");
        assertEquals(400, post("/_local/cognito/oauth2/authorize", form(fields)).statusCode());
    }

    @Test
    void signingOutReturnsToTheConsolesSignedOutPageOnly() throws Exception {
        URI logout = hostedSignIn.logoutUrl(base + "/console/signed-out");
        HttpResponse<String> out = get(logout.toString());
        assertEquals(302, out.statusCode());
        assertEquals(base + "/console/signed-out", out.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> elsewhere = get(hostedSignIn.logoutUrl("https://evil.example/console/signed-out").toString());
        assertEquals(400, elsewhere.statusCode());
        assertEquals(Optional.empty(), elsewhere.headers().firstValue("Location"));
    }

    @Test
    void theSignInPageAskedForOnTheOtherLoopbackNameMovesToTheCallbacksOrigin() throws Exception {
        HostedSignIn.Start start = hostedSignIn.start(base + "/console/callback");
        String on127 = start.authorizeUrl().toString().replace("http://localhost:", "http://127.0.0.1:");
        HttpResponse<String> moved = get(on127);
        assertEquals(302, moved.statusCode());
        assertEquals(start.authorizeUrl().toString(), moved.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theConsoleSessionSignsInEndToEndThroughTheLocalSignIn() throws Exception {
        ConsoleSession console = ConsoleSession.create(settings, org.advocacyhub.application.port.ConsoleSessions.inMemory(), Clock.systemUTC());
        APIGatewayProxyResponseEvent started = console.startSignIn(consoleRequest(Map.of(), null), "/console/cases");
        assertEquals(303, started.getStatusCode());
        String signInCookie = started.getMultiValueHeaders().get("Set-Cookie").get(0).split(";", 2)[0];

        HttpResponse<String> page = get(started.getHeaders().get("Location"));
        Map<String, String> fields = new LinkedHashMap<>(hidden(page.body()));
        fields.put("subject", "local-advocate");
        HttpResponse<String> chosen = post("/_local/cognito/oauth2/authorize", form(fields));
        assertEquals(302, chosen.statusCode(), chosen.body());
        Map<String, String> query = query(URI.create(chosen.headers().firstValue("Location").orElseThrow()));

        APIGatewayProxyResponseEvent back = console.callback(consoleRequest(query, signInCookie));
        assertEquals(303, back.getStatusCode(), back.getBody());
        assertEquals("/console/cases", back.getHeaders().get("Location"));
        String session = back.getMultiValueHeaders().get("Set-Cookie").stream().filter(c -> c.startsWith("hub_session=")).findFirst()
                .orElseThrow().split(";", 2)[0];
        StaffMember advocate = console.signedIn(consoleRequest(Map.of(), session)).orElseThrow();
        assertEquals("local-advocate", advocate.id());
        assertEquals(java.util.Set.of(StaffMember.Role.ADVOCATE), advocate.roles());
        assertEquals("ira.imca@advocacy-hub.localhost", advocate.email());
    }

    // ------------------------------------------------------------------ helpers

    /** Picks {@code subject}'s button on the sign-in page of {@code start}; where the browser is sent next. */
    private URI pick(HostedSignIn.Start start, String subject) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(hidden(get(start.authorizeUrl().toString()).body()));
        fields.put("subject", subject);
        HttpResponse<String> chosen = post("/_local/cognito/oauth2/authorize", form(fields));
        assertEquals(302, chosen.statusCode(), chosen.body());
        return URI.create(chosen.headers().firstValue("Location").orElseThrow());
    }

    private HttpResponse<String> token(String code, String redirectUri, String verifier) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("client_id", "local-console");
        fields.put("code", code);
        fields.put("redirect_uri", redirectUri);
        fields.put("code_verifier", verifier);
        return post("/_local/cognito/oauth2/token", form(fields));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to the console as API Gateway would pass it: Host as the browser sent it, the query, the cookie. */
    private org.advocacyhub.web.HttpRequest consoleRequest(Map<String, String> query, String cookie) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "localhost:" + running.port());
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setStage("local");
        return new org.advocacyhub.web.HttpRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET").withHeaders(headers)
                .withQueryStringParameters(query).withRequestContext(context));
    }

    private static Map<String, String> hidden(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&"));
        }
        return fields;
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
