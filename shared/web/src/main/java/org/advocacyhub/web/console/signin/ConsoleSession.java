package org.advocacyhub.web.console.signin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.advocacyhub.application.port.ConsoleSessions;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.StaffClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff console's sign-in, the one class its pages use. The console is not behind API Gateway's authorizer:
 * the ID token is verified once, at sign-in ({@link IdTokenVerifier}: signature, issuer, client, token use, expiry),
 * and becomes a server-side session ({@link ConsoleSessions}, issue 20) that the cookie {@code hub_session} names with
 * 256 random bits. Every request reads the session; signing out, a deactivation or a role change ends it for good (a
 * self-contained token in the cookie stayed good for its eight hours after sign-out).
 *
 * <p>Signing in ({@link HostedSignIn}, the authorization-code grant with PKCE): {@link #startSignIn} sends the
 * browser to the hosted sign-in with a fresh state and code challenge, keeping state, verifier and the page to come
 * back to in the short-lived cookie {@code hub_signin} (scoped to the callback path); Cognito sends the browser back
 * to {@code /console/callback}, where {@link #callback} checks the state against the cookie (CSRF on the sign-in
 * itself, RFC 6749 section 10.12), redeems the code with the verifier, verifies the ID token and sets
 * {@code hub_session} for as long as the token is good. {@link #signOut} clears it and ends the hosted UI's session.
 *
 * <p>Cookies: {@code HttpOnly} (no script reads them), {@code Secure} (browsers treat {@code http://localhost} as
 * secure, so {@code ./run-local} works too), {@code SameSite=Lax}: Lax, not Strict, because the way back from
 * Cognito is a cross-site top-level navigation and {@code hub_signin} must come with it; changes still need the
 * console's CSRF token on a POST, which Lax keeps cross-site POSTs from carrying the session for anyway. Paths start
 * with the base URL's path, so that on an {@code execute-api} address ({@code /prod/console/...}) the browser
 * sends them. Several {@code Set-Cookie} headers need API Gateway's {@code multiValueHeaders}, so they go there.
 *
 * <p>Nothing here logs a token, a code, a state or a claim: failures are logged by their kind only.
 */
public final class ConsoleSession {

    public static final String SESSION_COOKIE = "hub_session";
    public static final String SIGN_IN_COOKIE = "hub_signin";
    public static final String CONSOLE_PATH = "/console";
    public static final String SIGN_IN_PATH = "/console/sign-in";
    public static final String CALLBACK_PATH = "/console/callback";
    public static final String SIGNED_OUT_PATH = "/console/signed-out";
    /** How long a started sign-in may take (the hosted UI's own codes last 5 minutes; a person may be slower to type). */
    static final Duration SIGN_IN_LIFETIME = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSession.class);
    /** {@code /console}, or a path below it, with an optional query: printable ASCII, no backslash, no {@code ..} segment. */
    private static final Pattern LOCAL_CONSOLE_PATH = Pattern.compile("/console(?:[/?][\\x21-\\x7E&&[^\\\\]]*)?");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(?:^|/)\\.{1,2}(?:/|\\?|$)");
    private static final int MAX_RETURN_TO = 512;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SignInSettings settings;
    private final IdTokenVerifier verifier;
    private final HostedSignIn hostedSignIn;
    private final ConsoleSessions sessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** What a session cookie's value looks like: 32 random bytes, base64url without padding. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    /**
     * A signed-in member of staff, their session cookie's value (the console's CSRF token is derived from it), when it
     * stops being good, and the directory's role the session was bound to on first use ({@code null} until then).
     */
    public record Session(StaffMember staff, String token, Instant expiresAt, String role) {
    }

    public ConsoleSession(SignInSettings settings, IdTokenVerifier verifier, HostedSignIn hostedSignIn, ConsoleSessions sessions,
                          Clock clock) {
        this.settings = settings;
        this.verifier = verifier;
        this.hostedSignIn = hostedSignIn;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Wired for a function: one HTTP client (3-second timeouts) for the key set and the token endpoint, made when
     * first needed.
     */
    public static ConsoleSession create(SignInSettings settings, ConsoleSessions sessions, Clock clock) {
        var http = Jwks.lazyHttpClient();
        return new ConsoleSession(settings, new IdTokenVerifier(settings, new Jwks(settings.jwks(), http, clock), clock),
                new HostedSignIn(settings, http, new SecureRandom()), sessions, clock);
    }

    /**
     * The session of this request: the first {@code hub_session} cookie that names a session kept and not expired, or
     * empty (no cookie, one signed out or ended, expired, or made up).
     */
    public Optional<Session> session(HttpRequest request) {
        for (String id : Cookies.values(request, SESSION_COOKIE)) {
            if (!SESSION_ID.matcher(id).matches()) {
                continue;
            }
            Optional<ConsoleSessions.Stored> stored = sessions.find(digest(id));
            if (stored.isPresent() && stored.get().expiresAt().isAfter(clock.instant())) {
                Map<String, Object> claims = new HashMap<>();
                claims.put("sub", stored.get().subject());
                if (stored.get().email() != null) {
                    claims.put("email", stored.get().email());
                }
                if (stored.get().groups() != null) {
                    claims.put("cognito:groups", stored.get().groups());
                }
                Optional<StaffMember> staff = StaffClaims.from(claims);
                if (staff.isPresent()) {
                    return Optional.of(new Session(staff.get(), id, stored.get().expiresAt(), stored.get().role()));
                }
            }
        }
        return Optional.empty();
    }

    /** Ends the session (a deactivation, a role change: issue 20); the cookie then names nothing. */
    public void end(String token) {
        sessions.close(digest(token));
    }

    /** Binds the session to the directory's role of its member of staff, checked on every later request. */
    public void bind(String token, String role) {
        sessions.bind(digest(token), role);
    }

    /** The key a session is kept under: the SHA-256 of its cookie's value, so the table never holds a usable cookie. */
    static String digest(String id) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who is signed in, if anyone: {@link #session} without the token. */
    public Optional<StaffMember> signedIn(HttpRequest request) {
        return session(request).map(Session::staff);
    }

    /** The value of this request's session cookie (the console derives its CSRF token from it), or empty. */
    public Optional<String> sessionToken(HttpRequest request) {
        return session(request).map(Session::token);
    }

    /**
     * Starts a sign-in: 303 to the hosted sign-in, setting {@code hub_signin}. {@code returnTo} is where the browser
     * goes once signed in: a path of the console (it must start with {@code /console}); anything else, such as
     * another site's address, becomes {@code /console}, so the sign-in cannot be used to send staff elsewhere.
     */
    public APIGatewayProxyResponseEvent startSignIn(HttpRequest request, String returnTo) {
        Optional<String> base = settings.baseUrl(request);
        if (base.isEmpty()) {
            return noAddress();
        }
        HostedSignIn.Start start = hostedSignIn.start(base.get() + CALLBACK_PATH);
        String value = start.state() + "." + start.verifier() + "."
                + BASE64URL.encodeToString(safeReturnTo(returnTo).getBytes(StandardCharsets.UTF_8));
        return withCookies(HttpResponses.seeOther(start.authorizeUrl().toString()),
                cookie(SIGN_IN_COOKIE, value, path(base.get()) + CALLBACK_PATH, SIGN_IN_LIFETIME.toSeconds()));
    }

    /**
     * {@code GET /console/callback?code=...&state=...}: on success sets {@code hub_session}, clears
     * {@code hub_signin} and sends the browser (303) to the page the sign-in started from. On any failure (an
     * {@code error} from Cognito, no or another state, a code the token endpoint refuses, a token that does not
     * verify) a 400 page says the sign-in failed and links to {@code /console/sign-in}; it repeats nothing from the
     * request.
     */
    public APIGatewayProxyResponseEvent callback(HttpRequest request) {
        Optional<String> base = settings.baseUrl(request);
        if (base.isEmpty()) {
            return noAddress();
        }
        String basePath = path(base.get());
        if (request.queryParameter("error").isPresent()) {
            return failed(basePath, "the hosted sign-in answered with an error");
        }
        Optional<String> code = request.queryParameter("code").filter(c -> !c.isBlank() && c.length() <= 2048);
        Optional<String> state = request.queryParameter("state").filter(s -> !s.isBlank() && s.length() <= 256);
        if (code.isEmpty() || state.isEmpty()) {
            return failed(basePath, "no code or state");
        }
        Optional<String[]> started = Optional.empty();
        for (String value : Cookies.values(request, SIGN_IN_COOKIE)) {
            String[] parts = value.split("\\.", -1);
            if (parts.length == 3 && MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.US_ASCII),
                    state.get().getBytes(StandardCharsets.US_ASCII))) {
                started = Optional.of(parts);
                break;
            }
        }
        if (started.isEmpty()) {
            return failed(basePath, "the state does not match a sign-in this browser started");
        }
        String returnTo;
        try {
            returnTo = safeReturnTo(new String(Base64.getUrlDecoder().decode(started.get()[2]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            returnTo = CONSOLE_PATH;
        }
        Optional<String> idToken = hostedSignIn.exchange(code.get(), base.get() + CALLBACK_PATH, started.get()[1]);
        if (idToken.isEmpty()) {
            return failed(basePath, "the code was not redeemed");
        }
        Optional<Map<String, Object>> claims = verifier.verify(idToken.get());
        if (claims.isEmpty() || StaffClaims.from(claims.get()).isEmpty()) {
            return failed(basePath, "the ID token did not verify");
        }
        long maxAge = Math.max(1, expiry(claims.get()) - clock.instant().getEpochSecond());
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = BASE64URL.encodeToString(bytes);
        Object email = claims.get().get("email");
        Object groups = claims.get().get("cognito:groups");
        sessions.open(digest(id), new ConsoleSessions.Stored(claims.get().get("sub").toString(),
                email == null ? null : email.toString(), groups == null ? null : groups.toString(), null,
                Instant.ofEpochSecond(expiry(claims.get()))));
        return withCookies(HttpResponses.seeOther(basePath + returnTo),
                cookie(SESSION_COOKIE, id, basePath + CONSOLE_PATH, maxAge),
                cookie(SIGN_IN_COOKIE, "", basePath + CALLBACK_PATH, 0));
    }

    /**
     * Signs out: ends the session, clears {@code hub_session} and sends the browser (303) to the hosted UI's logout, which ends its
     * own session and comes back to {@code /console/signed-out}. Route it as a POST with the console's CSRF
     * check, so another site cannot sign staff out.
     */
    public APIGatewayProxyResponseEvent signOut(HttpRequest request) {
        Optional<String> base = settings.baseUrl(request);
        if (base.isEmpty()) {
            return noAddress();
        }
        // The session itself ends, not only the browser's cookie: the cookie replayed names nothing (issue 20).
        Cookies.values(request, SESSION_COOKIE).stream().filter(id -> SESSION_ID.matcher(id).matches()).forEach(this::end);
        return withCookies(HttpResponses.seeOther(hostedSignIn.logoutUrl(base.get() + SIGNED_OUT_PATH).toString()),
                cookie(SESSION_COOKIE, "", path(base.get()) + CONSOLE_PATH, 0));
    }

    /** {@code returnTo} if it is a path of the console (see {@link #startSignIn}), else {@code /console}. */
    public static String safeReturnTo(String returnTo) {
        if (returnTo == null || returnTo.length() > MAX_RETURN_TO || !LOCAL_CONSOLE_PATH.matcher(returnTo).matches()
                || DOT_SEGMENT.matcher(returnTo).find() || returnTo.contains("//")) {
            return CONSOLE_PATH;
        }
        return returnTo;
    }

    /** The failure page, clearing {@code hub_signin}: a failed sign-in is never retried with the same state. */
    private APIGatewayProxyResponseEvent failed(String basePath, String why) {
        LOG.warn("Console sign-in failed: {}", why);
        return withCookies(failurePage(basePath), cookie(SIGN_IN_COOKIE, "", basePath + CALLBACK_PATH, 0));
    }

    /** No address to send the browser back to, so no sign-in can start or finish (a request without Host). */
    private APIGatewayProxyResponseEvent noAddress() {
        LOG.warn("Console sign-in failed: no console address (no Host header and no CONSOLE_BASE_URL)");
        return failurePage("");
    }

    private static APIGatewayProxyResponseEvent failurePage(String basePath) {
        String page = """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign-in failed - Advocacy Hub</title>
                <style>
                body { font-family: Arial, sans-serif; font-size: 1.1875rem; line-height: 1.3; color: #0b0c0c; margin: 0 auto; padding: 1rem; max-width: 40rem; }
                a { color: #1d70b8; } a:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }
                </style>
                </head>
                <body>
                <main>
                <h1>Sign-in failed</h1>
                <p>We could not sign you in to the staff console. The sign-in may have taken too long, or been started in another browser window.</p>
                <p><a href="%s">Sign in again</a></p>
                </main>
                </body>
                </html>
                """.formatted(escape(basePath + SIGN_IN_PATH));
        return HttpResponses.html(400, page);
    }

    /** A {@code Set-Cookie} value; {@code maxAge} 0 deletes the cookie (RFC 6265 section 5.2.2). */
    private static String cookie(String name, String value, String path, long maxAge) {
        return name + "=" + value + "; HttpOnly; Secure; SameSite=Lax; Path=" + path + "; Max-Age=" + maxAge;
    }

    private static APIGatewayProxyResponseEvent withCookies(APIGatewayProxyResponseEvent response, String... cookies) {
        return response.withMultiValueHeaders(Map.of("Set-Cookie", List.of(cookies)));
    }

    /** The path part of the base URL: empty for a custom domain, {@code /prod} on an execute-api address. */
    private static String path(String baseUrl) {
        String path = URI.create(baseUrl).getRawPath();
        return path == null ? "" : path;
    }

    private static long expiry(Map<String, Object> claims) {
        return ((BigDecimal) claims.get("exp")).longValue();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
