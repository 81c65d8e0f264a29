package org.advocacyhub.web.console.signin;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.web.JsonBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user pool's signing keys (a JSON Web Key Set, RFC 7517), fetched from {@code jwks} when first needed and kept
 * by key id ({@code kid}). Cognito rotates keys by publishing a new one alongside the old, so a token signed with a
 * key not yet seen makes this fetch the set again, but at most once a minute: a stream of tokens with made-up key
 * ids cannot make every request a fetch. Only RSA signing keys are kept (a key marked for another use or algorithm
 * is ignored). Thread-safe.
 */
public final class Jwks {

    /** How long to wait for the key set: a sign-in check must not hang a request. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** The least time between two fetches. */
    static final Duration REFETCH_AFTER = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(Jwks.class);

    private final URI location;
    private final java.util.function.Supplier<HttpClient> http;
    private final Clock clock;
    private volatile Map<String, RSAPublicKey> keys = Map.of();
    /** When the set was last fetched (or a fetch failed); null before the first. Guarded by {@code this}. */
    private Instant fetchedAt;

    public Jwks(URI location, HttpClient http, Clock clock) {
        this(location, () -> http, clock);
    }

    /** With the HTTP client made when the key set is first fetched ({@link #lazyHttpClient}). */
    public Jwks(URI location, java.util.function.Supplier<HttpClient> http, Clock clock) {
        this.location = location;
        this.http = http;
        this.clock = clock;
    }

    /** An HTTP client with the connect timeout this class expects, for {@link #Jwks} and {@link HostedSignIn}. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * {@link #httpClient()}, made on first use and then shared: a function whose first event needs no sign-in never
     * makes one (a client costs start-up time, and its selector thread holds up the JVM's exit; issue 12).
     */
    public static java.util.function.Supplier<HttpClient> lazyHttpClient() {
        return new java.util.function.Supplier<>() {
            private volatile HttpClient client;

            @Override
            public HttpClient get() {
                HttpClient made = client;
                if (made == null) {
                    synchronized (this) {
                        made = client;
                        if (made == null) {
                            made = httpClient();
                            client = made;
                        }
                    }
                }
                return made;
            }
        };
    }

    /** The RSA key with this id: from the set already fetched, else from a new fetch if the last is a minute old. */
    public Optional<RSAPublicKey> key(String kid) {
        RSAPublicKey known = keys.get(kid);
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (this) {
            known = keys.get(kid);
            if (known == null && (fetchedAt == null || !clock.instant().isBefore(fetchedAt.plus(REFETCH_AFTER)))) {
                fetchedAt = clock.instant();
                fetch().ifPresent(fetched -> keys = fetched);
                known = keys.get(kid);
            }
            return Optional.ofNullable(known);
        }
    }

    private Optional<Map<String, RSAPublicKey>> fetch() {
        try {
            HttpResponse<byte[]> response = http.get().send(HttpRequest.newBuilder(location).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.warn("The sign-in key set answered HTTP {}", response.statusCode());
                return Optional.empty();
            }
            return Optional.of(parse(response.body()));
        } catch (IOException e) {
            LOG.warn("The sign-in key set could not be fetched: {}", e.getClass().getName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The RSA signing keys of a JWKS document by kid; anything unreadable is left out. */
    static Map<String, RSAPublicKey> parse(byte[] document) {
        Map<String, RSAPublicKey> found = new LinkedHashMap<>();
        if (!(JsonBody.parse(document) instanceof JsonBody.JsonObject set) || !(set.value().get("keys") instanceof List<?> list)) {
            LOG.warn("The sign-in key set is not a JSON Web Key Set");
            return found;
        }
        for (Object entry : list) {
            if (entry instanceof Map<?, ?> key && "RSA".equals(key.get("kty")) && key.get("kid") instanceof String kid
                    && key.get("n") instanceof String n && key.get("e") instanceof String e
                    && (key.get("use") == null || "sig".equals(key.get("use")))
                    && (key.get("alg") == null || "RS256".equals(key.get("alg")))) {
                try {
                    Base64.Decoder decoder = Base64.getUrlDecoder();
                    RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, decoder.decode(n)), new BigInteger(1, decoder.decode(e)));
                    found.put(kid, (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec));
                } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
                    LOG.warn("A key of the sign-in key set is unreadable: {}", unreadable.getClass().getName());
                }
            }
        }
        return Map.copyOf(found);
    }
}
