package org.advocacyhub.web.console.signin;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.web.JsonBody;

/**
 * Checks a Cognito ID token the way Amazon Cognito's guide "Verifying JSON web tokens"
 * (docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html)
 * and OpenID Connect Core 1.0 section 3.1.3.7 ask, with no library:
 * <ul>
 * <li>three base64url parts; the header's {@code alg} is {@code RS256} exactly (Cognito signs with nothing else, so
 * {@code none}, {@code HS256} and every other algorithm are refused before any key is looked at: the classic
 * algorithm-confusion attacks need the verifier to honour the header's choice) and it has no {@code crit}
 * extension we would have to understand;</li>
 * <li>the signature, with the pool's key named by {@code kid} ({@link Jwks});</li>
 * <li>{@code iss} is the pool, {@code aud} the console's client (a string, as Cognito writes it; a list is accepted
 * only with {@code azp} naming the client, as OpenID Connect says), {@code token_use} is {@code id} (an access
 * token of the same pool is not a sign-in);</li>
 * <li>{@code exp} is after now and {@code iat} is not more than 5 minutes ahead of now (clock skew between
 * Cognito and Lambda); {@code nbf}, if present, likewise.</li>
 * </ul>
 * Claims come back with their JSON types ({@code cognito:groups} is a JSON array in a Cognito ID token; numbers
 * are {@link BigDecimal}). A refusal is an empty answer and is never logged: the token and its claims are personal
 * data and a credential.
 */
public final class IdTokenVerifier {

    /** Clock skew allowed for {@code iat} and {@code nbf}. */
    static final Duration SKEW = Duration.ofMinutes(5);
    /** Far longer than any Cognito ID token (about 1 to 2 KB, more with many groups); a longer value is not read. */
    private static final int MAX_LENGTH = 16 * 1024;

    private final SignInSettings settings;
    private final Jwks jwks;
    private final Clock clock;

    public IdTokenVerifier(SignInSettings settings, Jwks jwks, Clock clock) {
        this.settings = settings;
        this.jwks = jwks;
        this.clock = clock;
    }

    /** The token's claims if it is a good, current ID token of our pool for the console's client; else empty. */
    public Optional<Map<String, Object>> verify(String jwt) {
        if (jwt == null || jwt.isEmpty() || jwt.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            Optional<Map<String, Object>> header = object(decoder.decode(parts[0]));
            if (header.isEmpty() || !"RS256".equals(header.get().get("alg")) || header.get().containsKey("crit")
                    || !(header.get().get("kid") instanceof String kid)) {
                return Optional.empty();
            }
            Optional<RSAPublicKey> key = jwks.key(kid);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key.get());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(decoder.decode(parts[2]))) {
                return Optional.empty();
            }
            Optional<Map<String, Object>> claims = object(decoder.decode(parts[1]));
            return claims.filter(this::acceptable).map(Collections::unmodifiableMap);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // Not base64url, or a signature of the wrong length for the key: not a token of ours.
            return Optional.empty();
        }
    }

    private boolean acceptable(Map<String, Object> claims) {
        long now = clock.instant().getEpochSecond();
        return settings.issuer().equals(claims.get("iss"))
                && audienceIsClient(claims)
                && "id".equals(claims.get("token_use"))
                && claims.get("sub") instanceof String subject && !subject.isBlank()
                && seconds(claims.get("exp")).filter(exp -> exp > now).isPresent()
                && seconds(claims.get("iat")).filter(iat -> iat <= now + SKEW.toSeconds()).isPresent()
                && (!claims.containsKey("nbf") || seconds(claims.get("nbf")).filter(nbf -> nbf <= now + SKEW.toSeconds()).isPresent());
    }

    private boolean audienceIsClient(Map<String, Object> claims) {
        Object audience = claims.get("aud");
        if (audience instanceof String single) {
            return settings.clientId().equals(single);
        }
        return audience instanceof List<?> several && several.contains(settings.clientId())
                && settings.clientId().equals(claims.get("azp"));
    }

    /** A NumericDate (RFC 7519): seconds since the epoch, a JSON number. */
    private static Optional<Long> seconds(Object value) {
        if (value instanceof BigDecimal number) {
            try {
                return Optional.of(number.setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
            } catch (ArithmeticException tooLarge) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, Object>> object(byte[] json) {
        return JsonBody.parse(json) instanceof JsonBody.JsonObject object ? Optional.of(object.value()) : Optional.empty();
    }
}
