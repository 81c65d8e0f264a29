package org.advocacyhub.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.advocacyhub.web.FormBody;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.console.signin.HostedSignIn;

/**
 * Cognito's hosted sign-in as {@code ./run-local} serves it under {@value #PATH}, so that the staff console signs in
 * locally exactly as in AWS (the authorization-code grant with PKCE, {@link HostedSignIn}) with no AWS account and no
 * passwords: the sign-in page lists the demo team and each button signs in as one of them. Served by the local API
 * gateway itself, like {@code /_local/clock}: never a route of template.yaml, so it never exists in AWS.
 * <ul>
 * <li>{@code GET .well-known/jwks.json}: the signing key ({@link LocalJwt#jwks()});</li>
 * <li>{@code GET oauth2/authorize}: the sign-in page, after checking {@code client_id} ({@value LocalJwt#CLIENT_ID}),
 * {@code redirect_uri} ({@code http://localhost:<port>/console/callback} or the same on 127.0.0.1),
 * {@code response_type=code} and {@code code_challenge_method=S256}; a bad request gets a 400 page, never a
 * redirect (RFC 6749 section 4.1.2.1: an unchecked redirect_uri must not be followed). When the callback is on the
 * other loopback name than the page was asked on, the browser is first sent to the page on the callback's origin:
 * the page's {@code form-action 'self'} also governs the redirect after the form is sent;</li>
 * <li>{@code POST oauth2/authorize} (a button): a one-use code, good for 5 minutes, bound to the member, client,
 * redirect_uri and challenge; 302 to {@code redirect_uri?code=...&state=...};</li>
 * <li>{@code POST oauth2/token}: redeems a code once (a second attempt, right or wrong, finds no code), checking
 * client, redirect_uri and the PKCE verifier (S256); answers the ID token (8 hours, as template.yaml's client
 * gives), an access token, {@code token_type} and {@code expires_in}; OAuth errors as JSON with 400;</li>
 * <li>{@code GET logout}: 302 to {@code logout_uri}, which must be the console's {@code /console/signed-out} here.</li>
 * </ul>
 * Codes are timed on the real clock, as tokens are ({@link LocalJwt}): moving the hub's clock does not expire them.
 */
final class LocalCognito {

    static final String PATH = "/_local/cognito";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final Duration ID_TOKEN_LIFETIME = Duration.ofHours(8);
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

    private final LocalJwt jwt;
    private final List<DemoTeam.Member> team;
    private final int port;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    /** What a code was issued for. */
    private record Grant(DemoTeam.Member member, String redirectUri, String challenge, Instant expiresAt) {
    }

    LocalCognito(LocalJwt jwt, List<DemoTeam.Member> team, int port, Clock clock) {
        this(jwt, team, port, clock, null);
    }

    /** @param dataDirectory where the disabled accounts are kept across restarts ({@code null}: in memory) */
    LocalCognito(LocalJwt jwt, List<DemoTeam.Member> team, int port, Clock clock, java.nio.file.Path dataDirectory) {
        this.jwt = jwt;
        this.team = List.copyOf(team);
        this.port = port;
        this.clock = clock;
        this.disabledFile = dataDirectory == null ? null : dataDirectory.resolve("cognito-disabled-users.txt");
        if (disabledFile != null && java.nio.file.Files.isRegularFile(disabledFile)) {
            try {
                java.nio.file.Files.readAllLines(disabledFile).stream().filter(l -> !l.isBlank()).forEach(disabled::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The accounts disabled by {@code AdminDisableUser} (issue 20): they can no longer sign in. */
    private final java.util.Set<String> disabled = ConcurrentHashMap.newKeySet();
    private final java.nio.file.Path disabledFile;

    /** Whether the account {@code subject} names has been disabled. */
    boolean isDisabled(String subject) {
        return disabled.contains(subject);
    }

    /** The issuer, and base of the hosted sign-in, of {@code ./run-local} on {@code port}. */
    static String issuer(int port) {
        return "http://localhost:" + port + PATH;
    }

    /** Whether {@code path} is one of ours. */
    static boolean serves(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    /** The answer to a request for a path under {@value #PATH}; {@code target} is the path and query as sent. */
    APIGatewayProxyResponseEvent answer(String method, String target, String host, byte[] body) {
        return answer(method, target, host, null, body);
    }

    /** As above, with the request's {@code X-Amz-Target}: the user pool's admin calls the casework function makes. */
    APIGatewayProxyResponseEvent answer(String method, String target, String host, String amzTarget, byte[] body) {
        int question = target.indexOf('?');
        String path = (question < 0 ? target : target.substring(0, question)).substring(PATH.length());
        if (amzTarget != null && method.equals("POST") && (path.isEmpty() || path.equals("/"))) {
            return admin(amzTarget, body);
        }
        Optional<Map<String, String>> query = single(question < 0 ? Map.of() : decode(target.substring(question + 1)));
        boolean get = method.equals("GET") || method.equals("HEAD");
        return switch (path) {
            case "/.well-known/jwks.json" -> get ? HttpResponses.json(200, jwt.jwks()) : notAllowed("GET, HEAD");
            case "/oauth2/authorize" -> get ? authorizePage(query, target, host)
                    : method.equals("POST") ? authorize(form(body)) : notAllowed("GET, HEAD, POST");
            case "/oauth2/token" -> method.equals("POST") ? token(form(body)) : notAllowed("POST");
            case "/logout" -> get ? logout(query) : notAllowed("GET, HEAD");
            default -> HttpResponses.json(404, "{\"message\":\"No local sign-in endpoint at " + PATH + path.replaceAll("[^A-Za-z0-9/._-]", "")
                    + "\"}");
        };
    }

    // ------------------------------------------------------------------ the user pool's admin calls

    /** What a Cognito admin call's JSON body names: the pool and the user. */
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("\"Username\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * {@code AdminDisableUser} and {@code AdminUserGlobalSignOut} (issue 20), as Cognito answers them, the two calls a
     * deactivation makes: a disabled account cannot sign in here any more (its button says so, its codes are refused);
     * a global sign-out has nothing to end here (no refresh tokens). {@code AdminEnableUser} is an administrator's step
     * (the hub's role may not make it), answered so that a demo can be undone. Anything else is refused.
     */
    private APIGatewayProxyResponseEvent admin(String amzTarget, byte[] body) {
        java.util.regex.Matcher user = USERNAME.matcher(new String(body, StandardCharsets.UTF_8));
        if (!user.find()) {
            return amzError(400, "InvalidParameterException", "Username is required");
        }
        String subject = user.group(1);
        switch (amzTarget) {
            case "AWSCognitoIdentityProviderService.AdminDisableUser" -> {
                return kept(disabled.add(subject), "could not keep the disabled account");
            }
            case "AWSCognitoIdentityProviderService.AdminUserGlobalSignOut" -> {
                return HttpResponses.json(200, "{}");
            }
            case "AWSCognitoIdentityProviderService.AdminEnableUser" -> {
                // An administrator's step in the pool (never the hub's: its role may not), so a demo can be undone.
                return kept(disabled.remove(subject), "could not keep the enabled account");
            }
            default -> {
                return amzError(400, "AccessDeniedException", "the local user pool answers AdminDisableUser, AdminUserGlobalSignOut and AdminEnableUser only");
            }
        }
    }

    /**
     * Cognito's answer to a change of the disabled accounts, once it is kept across restarts (when it changed anything):
     * written whole to a new file, then moved over the old one, so a stop mid-write leaves the old list or the new.
     */
    private APIGatewayProxyResponseEvent kept(boolean changed, String failure) {
        if (changed && disabledFile != null) {
            try {
                java.nio.file.Files.createDirectories(disabledFile.getParent());
                java.nio.file.Path next = disabledFile.resolveSibling(disabledFile.getFileName() + ".new");
                java.nio.file.Files.write(next, List.copyOf(disabled));
                java.nio.file.Files.move(next, disabledFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException e) {
                return amzError(500, "InternalErrorException", failure);
            }
        }
        return HttpResponses.json(200, "{}");
    }

    private static APIGatewayProxyResponseEvent amzError(int status, String type, String message) {
        return HttpResponses.withHeader(HttpResponses.json(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}"),
                "x-amzn-ErrorType", type);
    }

    // ------------------------------------------------------------------ authorize

    private APIGatewayProxyResponseEvent authorizePage(Optional<Map<String, String>> query, String target, String host) {
        Optional<String> problem = query.map(this::authorizeProblem).orElse(Optional.of("a parameter is given more than once"));
        if (problem.isPresent()) {
            return page(400, "Sign-in request not valid", "<p>The sign-in request is not valid: " + escape(problem.get())
                    + ". Start again from the <a href=\"/console\">staff console</a>.</p>");
        }
        Map<String, String> parameters = query.get();
        String callbackAuthority = URI.create(parameters.get("redirect_uri")).getRawAuthority();
        if (host != null && !host.equalsIgnoreCase(callbackAuthority)) {
            return redirect(302, "http://" + callbackAuthority + target);
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method")) {
            if (parameters.containsKey(name)) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(parameters.get(name))).append("\">\n");
            }
        }
        StringBuilder buttons = new StringBuilder();
        for (DemoTeam.Member member : team) {
            String id = "who-" + member.staffId();
            buttons.append("<li><button type=\"submit\" name=\"subject\" value=\"").append(escape(member.subject()))
                    .append("\" aria-describedby=\"").append(id).append("\">Sign in as ").append(escape(member.name())).append("</button>\n")
                    .append("<p id=\"").append(id).append("\">").append(escape(capitalised(member.description())))
                    .append(disabled.contains(member.subject()) ? " (account disabled: their staff record was deactivated)" : "")
                    .append("</p></li>\n");
        }
        return page(200, "Sign in (local demo)", """
                <p>This page stands in for the hub's Cognito sign-in on this computer only. There are no passwords: \
                choose who to sign in as.</p>
                <form method="post" action="%s/oauth2/authorize">
                %s<ul class="team">
                %s</ul>
                </form>
                """.formatted(PATH, hidden, buttons));
    }

    private APIGatewayProxyResponseEvent authorize(Optional<Map<String, String>> form) {
        Optional<String> problem = form.map(this::authorizeProblem).orElse(Optional.of("a field is given more than once or unreadable"));
        Optional<DemoTeam.Member> member = form.flatMap(f -> team.stream().filter(m -> m.subject().equals(f.get("subject"))).findFirst());
        if (problem.isEmpty() && member.isPresent() && disabled.contains(member.get().subject())) {
            return page(403, "Account disabled", "<p>" + escape(member.get().name()) + "'s account is disabled: a manager deactivated "
                    + "their staff record. Choose someone else from the <a href=\"/console\">staff console</a>.</p>");
        }
        if (problem.isPresent() || member.isEmpty()) {
            return page(400, "Sign-in request not valid", "<p>The sign-in request is not valid: "
                    + escape(problem.orElse("choose a member of the demo team")) + ". Start again from the <a href=\"/console\">staff console</a>.</p>");
        }
        Map<String, String> fields = form.get();
        String code = randomValue();
        codes.put(code, new Grant(member.get(), fields.get("redirect_uri"), fields.get("code_challenge"), clock.instant().plus(CODE_LIFETIME)));
        String location = fields.get("redirect_uri") + "?code=" + code
                + (fields.containsKey("state") ? "&state=" + URLEncoder.encode(fields.get("state"), StandardCharsets.UTF_8) : "");
        return redirect(302, location);
    }

    /** What is wrong with an authorize request (page or button), or empty. */
    private Optional<String> authorizeProblem(Map<String, String> parameters) {
        if (!LocalJwt.CLIENT_ID.equals(parameters.get("client_id"))) {
            return Optional.of("client_id is not the console's (" + LocalJwt.CLIENT_ID + ")");
        }
        if (!ourConsole(parameters.get("redirect_uri"), "/console/callback")) {
            return Optional.of("redirect_uri is not http://localhost:" + port + "/console/callback");
        }
        if (!"code".equals(parameters.get("response_type"))) {
            return Optional.of("response_type is not code");
        }
        if (!"S256".equals(parameters.get("code_challenge_method"))) {
            return Optional.of("code_challenge_method is not S256");
        }
        String challenge = parameters.get("code_challenge");
        if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.of("code_challenge is not a base64url SHA-256 hash");
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ token

    private APIGatewayProxyResponseEvent token(Optional<Map<String, String>> form) {
        if (form.isEmpty()) {
            return oauthError("invalid_request");
        }
        Map<String, String> fields = form.get();
        if (!"authorization_code".equals(fields.get("grant_type"))) {
            return oauthError(fields.containsKey("grant_type") ? "unsupported_grant_type" : "invalid_request");
        }
        String code = fields.get("code");
        if (code == null || fields.get("code_verifier") == null || fields.get("redirect_uri") == null) {
            return oauthError("invalid_request");
        }
        if (!LocalJwt.CLIENT_ID.equals(fields.get("client_id"))) {
            return oauthError("invalid_client");
        }
        // Removed before anything else is checked: a code is good for one attempt, right or wrong.
        Grant grant = codes.remove(code);
        if (grant == null || !clock.instant().isBefore(grant.expiresAt()) || !grant.redirectUri().equals(fields.get("redirect_uri"))
                || !fields.get("code_verifier").matches("[A-Za-z0-9._~-]{43,128}")
                || !MessageDigest.isEqual(HostedSignIn.challenge(fields.get("code_verifier")).getBytes(StandardCharsets.US_ASCII),
                        grant.challenge().getBytes(StandardCharsets.US_ASCII))) {
            return oauthError("invalid_grant");
        }
        DemoTeam.Member member = grant.member();
        if (disabled.contains(member.subject())) {
            return oauthError("invalid_grant");
        }
        String idToken = jwt.issue(member.subject(), member.group(), member.email(), ID_TOKEN_LIFETIME);
        String accessToken = jwt.issueAccess(member.subject(), member.group(), ACCESS_TOKEN_LIFETIME);
        return HttpResponses.withHeader(HttpResponses.json(200, "{\"id_token\":\"" + idToken + "\",\"access_token\":\"" + accessToken
                + "\",\"token_type\":\"Bearer\",\"expires_in\":" + ACCESS_TOKEN_LIFETIME.toSeconds() + "}"), "Pragma", "no-cache");
    }

    private static APIGatewayProxyResponseEvent oauthError(String error) {
        return HttpResponses.withHeader(HttpResponses.json(400, "{\"error\":\"" + error + "\"}"), "Pragma", "no-cache");
    }

    // ------------------------------------------------------------------ logout

    private APIGatewayProxyResponseEvent logout(Optional<Map<String, String>> query) {
        if (query.isEmpty() || !LocalJwt.CLIENT_ID.equals(query.get().get("client_id"))
                || !ourConsole(query.get().get("logout_uri"), "/console/signed-out")) {
            return page(400, "Sign-out request not valid", "<p>The sign-out request is not valid: client_id must be "
                    + LocalJwt.CLIENT_ID + " and logout_uri http://localhost:" + port + "/console/signed-out.</p>");
        }
        return redirect(302, query.get().get("logout_uri"));
    }

    // ------------------------------------------------------------------ helpers

    /** {@code http://localhost:<port><path>} or the same on 127.0.0.1, exactly. */
    private boolean ourConsole(String uri, String path) {
        return ("http://localhost:" + port + path).equals(uri) || ("http://127.0.0.1:" + port + path).equals(uri);
    }

    private static APIGatewayProxyResponseEvent redirect(int status, String location) {
        return HttpResponses.seeOther(location).withStatusCode(status);
    }

    private static APIGatewayProxyResponseEvent notAllowed(String allowed) {
        return HttpResponses.withHeader(HttpResponses.json(405, "{\"message\":\"Method not allowed; allowed: " + allowed + "\"}"), "Allow", allowed);
    }

    /** A page in the hub's plain, GOV.UK-like style, with the hub's Content-Security-Policy ({@link HttpResponses#html}). */
    private static APIGatewayProxyResponseEvent page(int status, String heading, String content) {
        return HttpResponses.html(status, """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s - Advocacy Hub</title>
                <style>
                body { margin: 0; font-family: Arial, sans-serif; font-size: 1.1875rem; line-height: 1.32; color: #0b0c0c; background: #fff; }
                header { background: #0b0c0c; color: #fff; padding: 0.75rem 1rem; }
                header p { margin: 0; font-weight: bold; }
                main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
                h1 { font-size: 2rem; line-height: 1.1; margin: 1rem 0 1.5rem; }
                a { color: #1d70b8; }
                a:focus { outline: 3px solid transparent; background: #ffdd00; color: #0b0c0c; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none; }
                ul.team { list-style: none; margin: 0; padding: 0; }
                ul.team li { margin: 0 0 1.5rem; }
                ul.team p { margin: 0.5rem 0 0; }
                button { font: inherit; font-weight: bold; min-height: 2.75rem; padding: 0.5rem 1rem; border: 2px solid transparent;
                         border-radius: 0; color: #fff; background: #00703c; box-shadow: 0 2px 0 #002d18; cursor: pointer; max-width: 100%%; }
                button:hover { background: #005a30; }
                button:focus { outline: 3px solid transparent; border-color: #ffdd00; color: #0b0c0c; background: #ffdd00; box-shadow: 0 2px 0 #0b0c0c; }
                </style>
                </head>
                <body>
                <header><p>Advocacy Hub</p></header>
                <main>
                <h1>%1$s</h1>
                %2$s</main>
                </body>
                </html>
                """.formatted(escape(heading), content));
    }

    private Optional<Map<String, String>> form(byte[] body) {
        FormBody.Parsed parsed = FormBody.parse(body == null ? new byte[0] : body);
        if (!parsed.complete()) {
            return Optional.empty();
        }
        return single(parsed.values());
    }

    /** Each parameter once (RFC 6749 section 3.1: a parameter sent twice makes the request invalid), or empty. */
    private static Optional<Map<String, String>> single(Map<String, List<String>> values) {
        Map<String, String> single = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> value : values.entrySet()) {
            if (value.getValue().size() != 1) {
                return Optional.empty();
            }
            single.put(value.getKey(), value.getValue().get(0));
        }
        return Optional.of(single);
    }

    private static Map<String, List<String>> decode(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                values.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
