package org.advocacyhub.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the Cognito user pool authorizer of template.yaml: signs RS256 tokens with a key
 * made at start-up (so a token never outlives the run) and checks signature, issuer and expiry the
 * way API Gateway does before a staff route is invoked. Claims reach the handler as strings under
 * {@code requestContext.authorizer.claims}, as the REST API's authorizer passes them.
 */
final class LocalJwt {

    static final String ISSUER = "urn:advocacy-hub:local-user-pool";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final Pattern CLAIM = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d+)");

    private final KeyPair keys;
    private final Clock clock;

    LocalJwt(Clock clock) {
        this.clock = clock;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ID token for a local member of staff in one Cognito group. */
    String issue(String subject, String group, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"local\"}";
        String payload = "{\"sub\":\"" + subject + "\",\"cognito:groups\":\"" + group + "\",\"token_use\":\"id\","
                + "\"iss\":\"" + ISSUER + "\",\"iat\":" + now + ",\"exp\":" + (now + lifetime.toSeconds()) + "}";
        String signingInput = encode(header) + "." + encode(payload);
        return signingInput + "." + B64.encodeToString(sign(signingInput));
    }

    /** The token's claims as strings, or empty when the token is missing, malformed, forged, expired or foreign. */
    Optional<Map<String, String>> verify(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        // Cognito authorizers accept the bare token or "Bearer <token>".
        String token = authorizationHeader.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(keys.getPublic());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(B64D.decode(parts[2]))) {
                return Optional.empty();
            }
            if (!new String(B64D.decode(parts[0]), StandardCharsets.UTF_8).contains("\"RS256\"")) {
                return Optional.empty();
            }
            Map<String, String> claims = claims(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8));
            long exp = Long.parseLong(claims.getOrDefault("exp", "0"));
            if (!ISSUER.equals(claims.get("iss")) || exp <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Flat claims only (strings and integers): all this issuer ever writes. */
    private static Map<String, String> claims(String json) {
        Map<String, String> claims = new LinkedHashMap<>();
        Matcher m = CLAIM.matcher(json);
        while (m.find()) {
            claims.put(m.group(1), m.group(3) != null ? m.group(3).replace("\\\"", "\"") : m.group(2));
        }
        return claims;
    }

    private byte[] sign(String input) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
