package org.advocacyhub.web.console.signin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.advocacyhub.web.JsonBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth 2.0 authorization-code grant with PKCE (RFC 7636, method S256) against Cognito's hosted sign-in, for a
 * public app client (no client secret), as these pages of the Amazon Cognito developer guide describe it
 * (docs.aws.amazon.com/cognito/latest/developerguide/...):
 * <ul>
 * <li>{@code authorization-endpoint.html}: {@code GET /oauth2/authorize} with {@code response_type=code},
 * {@code client_id}, {@code redirect_uri} (one of the client's callback URLs, exactly), {@code scope},
 * {@code state}, {@code code_challenge} and {@code code_challenge_method=S256} (the only method Cognito takes);
 * Cognito sends the browser back to {@code redirect_uri?code=...&state=...}, or with {@code error=...};</li>
 * <li>{@code using-pkce-in-authorization-code.html}: the challenge is base64url(SHA-256(verifier)), and the
 * verifier goes in plain text to the token endpoint;</li>
 * <li>{@code token-endpoint.html}: {@code POST /oauth2/token}, {@code application/x-www-form-urlencoded}, with
 * {@code grant_type=authorization_code}, {@code client_id}, {@code code}, {@code redirect_uri} (the same as in
 * the authorize request) and {@code code_verifier}; a public client sends no {@code Authorization} header. The
 * answer is JSON with {@code id_token}, {@code access_token}, {@code refresh_token}, {@code token_type} and
 * {@code expires_in}, or an OAuth error such as {@code {"error":"invalid_grant"}} with HTTP 400;</li>
 * <li>{@code logout-endpoint.html}: {@code GET /logout?client_id=...&logout_uri=...} ends the hosted UI's own
 * session and sends the browser to {@code logout_uri}, which must be one of the client's sign-out URLs.</li>
 * </ul>
 * State and verifier are 32 bytes from {@link SecureRandom}, base64url without padding (43 characters, within
 * RFC 7636's 43 to 128). A {@code SecureRandom} made at start-up may be kept: the Lambda guide's "Handling uniqueness
 * with Lambda SnapStart" (docs.aws.amazon.com/lambda/latest/dg/snapstart-uniqueness.html) names
 * {@code java.security.SecureRandom} among the generators that stay unique across environments restored from one
 * snapshot, unlike {@code java.util.Random}.
 */
public final class HostedSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(HostedSignIn.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SignInSettings settings;
    private final java.util.function.Supplier<HttpClient> http;
    private final SecureRandom random;

    public HostedSignIn(SignInSettings settings, HttpClient http, SecureRandom random) {
        this(settings, () -> http, random);
    }

    /** With the HTTP client made when a code is first redeemed ({@link Jwks#lazyHttpClient}). */
    public HostedSignIn(SignInSettings settings, java.util.function.Supplier<HttpClient> http, SecureRandom random) {
        this.settings = settings;
        this.http = http;
        this.random = random;
    }

    /** What one sign-in starts with: the browser goes to {@code authorizeUrl}; state and verifier are kept for the callback. */
    public record Start(String state, String verifier, URI authorizeUrl) {
    }

    /** A new state and verifier, and the authorize URL that carries the state and the verifier's challenge. */
    public Start start(String redirectUri) {
        String state = randomValue();
        String verifier = randomValue();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid email");
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        return new Start(state, verifier, URI.create(settings.signInBase() + "/oauth2/authorize?" + form(query)));
    }

    /**
     * Redeems an authorization code at the token endpoint; the ID token it answers with (not yet verified: the
     * caller verifies it), or empty when the endpoint refused the code or could not be reached.
     */
    public Optional<String> exchange(String code, String redirectUri, String verifier) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("client_id", settings.clientId());
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("code_verifier", verifier);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.signInBase() + "/oauth2/token"))
                .timeout(Jwks.TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body), StandardCharsets.US_ASCII))
                .build();
        try {
            HttpResponse<byte[]> response = http.get().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                // The OAuth error code only (e.g. invalid_grant): it names no person and no secret.
                LOG.warn("The sign-in token endpoint refused the code: HTTP {} {}", response.statusCode(), oauthError(response.body()));
                return Optional.empty();
            }
            if (JsonBody.parse(response.body()) instanceof JsonBody.JsonObject answer && answer.value().get("id_token") instanceof String idToken) {
                return Optional.of(idToken);
            }
            LOG.warn("The sign-in token endpoint answered without an ID token");
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("The sign-in token endpoint could not be reached: {}", e.getClass().getName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Where the browser goes to end the hosted UI's session; it then comes back to {@code logoutUri}. */
    public URI logoutUrl(String logoutUri) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("logout_uri", logoutUri);
        return URI.create(settings.signInBase() + "/logout?" + form(query));
    }

    /** RFC 7636 section 4.2, S256: base64url(SHA-256(ASCII(verifier))) without padding. */
    public static String challenge(String verifier) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private static String oauthError(byte[] body) {
        if (JsonBody.parse(body) instanceof JsonBody.JsonObject answer && answer.value().get("error") instanceof String error
                && error.matches("[a-z_]{1,40}")) {
            return error;
        }
        return "(no OAuth error code)";
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
