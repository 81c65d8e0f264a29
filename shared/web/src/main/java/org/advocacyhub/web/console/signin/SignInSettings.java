package org.advocacyhub.web.console.signin;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.advocacyhub.web.HttpRequest;

/**
 * Where the staff console signs staff in: the Cognito user pool that issues the ID token ({@code issuer}, as the
 * token's {@code iss} claim names it), the console's app client ({@code clientId}, the token's {@code aud}), the
 * hosted UI's base address ({@code signInBase}: {@code https://<prefix>.auth.<region>.amazoncognito.com} in AWS,
 * {@code http://localhost:<port>/_local/cognito} in {@code ./run-local}), the key set the pool signs with
 * ({@code jwks}: by default {@code <issuer>/.well-known/jwks.json}, where Cognito publishes it) and the console's
 * public base address ({@code baseUrl}, no trailing slash; empty to take it from each request, see
 * {@link #baseUrl(HttpRequest)}).
 */
public record SignInSettings(String issuer, String clientId, URI signInBase, URI jwks, String baseUrl) {

    /** A host name with an optional port: what a {@code Host} header may hold and be put in a URL. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]+");

    public SignInSettings {
        issuer = required("issuer", issuer);
        clientId = required("clientId", clientId);
        if (signInBase == null) {
            throw new IllegalArgumentException("signInBase is required");
        }
        signInBase = URI.create(withoutTrailingSlash(signInBase.toString()));
        jwks = jwks != null ? jwks : URI.create(withoutTrailingSlash(issuer) + "/.well-known/jwks.json");
        baseUrl = baseUrl == null ? "" : withoutTrailingSlash(baseUrl.strip());
    }

    public SignInSettings(String issuer, String clientId, URI signInBase) {
        this(issuer, clientId, signInBase, null, "");
    }

    /**
     * Reads {@code CONSOLE_ISSUER}, {@code CONSOLE_CLIENT_ID}, {@code CONSOLE_SIGN_IN_URL} (each required; the
     * exception names the one missing) and {@code CONSOLE_BASE_URL} (optional: empty or absent means "from the
     * request").
     */
    public static SignInSettings fromEnvironment(Map<String, String> environment) {
        return fromProperties(property -> Optional.ofNullable(environment.get(variableOf(property))));
    }

    /**
     * The same settings as Micronaut properties ({@code console.issuer}, {@code console.client.id},
     * {@code console.sign.in.url}, {@code console.base.url}), the names Micronaut gives the environment variables and
     * {@code ./run-local} starts functions with, e.g. {@code fromProperties(name -> environment.getProperty(name,
     * String.class))}.
     */
    public static SignInSettings fromProperties(Function<String, Optional<String>> property) {
        return new SignInSettings(required(property, "console.issuer"), required(property, "console.client.id"),
                URI.create(required(property, "console.sign.in.url")), null, property.apply("console.base.url").orElse(""));
    }

    /**
     * The console's public base address for this request, without a trailing slash: {@code baseUrl} when set;
     * otherwise the scheme from {@code X-Forwarded-Proto} (API Gateway sets it; {@code http} without it, as
     * {@code ./run-local} is reached), the {@code Host} header, and {@code /<stage>} when the host is an
     * {@code execute-api} host, whose paths begin with the stage. Empty when the request has no usable Host.
     */
    public Optional<String> baseUrl(HttpRequest request) {
        if (!baseUrl.isEmpty()) {
            return Optional.of(baseUrl);
        }
        Optional<String> host = request.header("Host").map(String::strip).filter(h -> HOST.matcher(h).matches());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String scheme = request.header("X-Forwarded-Proto").map(p -> p.split(",", 2)[0].strip().toLowerCase(Locale.ROOT))
                .filter(p -> p.equals("https") || p.equals("http")).orElse("http");
        String base = scheme + "://" + host.get();
        if (host.get().toLowerCase(Locale.ROOT).contains(".execute-api.")) {
            Optional<String> stage = request.stage().filter(s -> STAGE.matcher(s).matches());
            if (stage.isEmpty()) {
                return Optional.empty();
            }
            base += "/" + stage.get();
        }
        return Optional.of(base);
    }

    private static String required(Function<String, Optional<String>> property, String name) {
        String value = property.apply(name).orElse(null);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The environment variable " + variableOf(name) + " (property " + name
                    + ") is not set: the staff console needs it to sign staff in");
        }
        return value.strip();
    }

    /** {@code console.client.id} → {@code CONSOLE_CLIENT_ID}. */
    private static String variableOf(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    private static String withoutTrailingSlash(String value) {
        String v = value;
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }
}
