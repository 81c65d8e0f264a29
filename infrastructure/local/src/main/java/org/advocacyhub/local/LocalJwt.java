package org.advocacyhub.local;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the Cognito user pool of template.yaml: signs RS256 ID tokens with a key made at start-up (so a token
 * never outlives the run), shaped as Cognito's are ({@code iss} the pool, {@code aud} the console's client
 * {@value #CLIENT_ID}, {@code token_use} {@code id}, {@code cognito:groups} a JSON array, {@code email} when known),
 * and publishes its public key as a JSON Web Key Set ({@code kid} {@value #KEY_ID}) for the staff console's
 * verifier ({@link LocalCognito}). For the API it checks signature, issuer and expiry the way API Gateway's
 * authorizer does before a staff route is invoked; claims reach the handler as strings under
 * {@code requestContext.authorizer.claims}, as the REST API's authorizer passes them (one group as {@code manager},
 * several as {@code [manager, advocate]}).
 */
final class LocalJwt {

    /** The console's app client locally (template.yaml's StaffUserPoolClient in AWS). */
    static final String CLIENT_ID = "local-console";
    static final String KEY_ID = "local";
    /** The issuer of a signer made without a port: for tests of the API gateway alone, where no console signs in. */
    static final String ISSUER = "urn:advocacy-hub:local-user-pool";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern CLAIM = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(?:" + STRING + "|(-?\\d+)|\\[([^\\]]*)\\])");
    private static final Pattern ARRAY_ITEM = Pattern.compile(STRING);

    private final KeyPair keys;
    private final Clock clock;
    private final String issuer;

    LocalJwt(Clock clock) {
        this(clock, ISSUER);
    }

    /** A signer for {@code ./run-local} on {@code port}: its issuer is the local sign-in's address there. */
    LocalJwt(Clock clock, int port) {
        this(clock, LocalCognito.issuer(port));
    }

    private LocalJwt(Clock clock, String issuer) {
        this.clock = clock;
        this.issuer = issuer;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return issuer;
    }

    /** An ID token for a local member of staff in one Cognito group. */
    String issue(String subject, String group, Duration lifetime) {
        return issue(subject, group, null, lifetime);
    }

    /** An ID token for a local member of staff in one Cognito group, with their email address if known. */
    String issue(String subject, String group, String email, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        String payload = "{\"sub\":" + json(subject) + ",\"cognito:groups\":[" + json(group) + "]"
                + (email == null ? "" : ",\"email\":" + json(email) + ",\"email_verified\":true")
                + ",\"token_use\":\"id\",\"aud\":" + json(CLIENT_ID) + ",\"iss\":" + json(issuer)
                + ",\"iat\":" + now + ",\"exp\":" + (now + lifetime.toSeconds()) + "}";
        return signed(payload);
    }

    /** An access token as Cognito's token endpoint gives with the ID token (the console does not use it). */
    String issueAccess(String subject, String group, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        return signed("{\"sub\":" + json(subject) + ",\"cognito:groups\":[" + json(group) + "],\"token_use\":\"access\","
                + "\"scope\":\"openid email\",\"client_id\":" + json(CLIENT_ID) + ",\"iss\":" + json(issuer)
                + ",\"iat\":" + now + ",\"exp\":" + (now + lifetime.toSeconds()) + "}");
    }

    /** The public key as a JSON Web Key Set (RFC 7517), as Cognito publishes at {@code <issuer>/.well-known/jwks.json}. */
    String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + B64.encodeToString(unsigned(key.getModulus())) + "\",\"e\":\"" + B64.encodeToString(unsigned(key.getPublicExponent()))
                + "\"}]}";
    }

    private String signed(String payload) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
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
            if (!issuer.equals(claims.get("iss")) || exp <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Claims as API Gateway's REST authorizer flattens them: strings, integers, and arrays of strings (all this issuer
     * writes) with one item as the item, several as {@code [a, b]}.
     */
    private static Map<String, String> claims(String json) {
        Map<String, String> claims = new LinkedHashMap<>();
        Matcher m = CLAIM.matcher(json);
        while (m.find()) {
            String value;
            if (m.group(2) != null) {
                value = unescape(m.group(2));
            } else if (m.group(3) != null) {
                value = m.group(3);
            } else {
                List<String> items = new ArrayList<>();
                Matcher item = ARRAY_ITEM.matcher(m.group(4));
                while (item.find()) {
                    items.add(unescape(item.group(1)));
                }
                value = items.size() == 1 ? items.get(0) : "[" + String.join(", ", items) + "]";
            }
            claims.put(m.group(1), value);
        }
        return claims;
    }

    private static String unescape(String json) {
        return json.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
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
