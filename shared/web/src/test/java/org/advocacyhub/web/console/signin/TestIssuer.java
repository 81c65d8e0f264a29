package org.advocacyhub.web.console.signin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in user pool for the tests, on a real HTTP server on loopback (a free port): it publishes its keys at
 * {@code /.well-known/jwks.json} (counting the fetches) and answers {@code /oauth2/token} as {@link #tokenEndpoint}
 * says; it signs tokens with RS256 and any header the test writes.
 */
final class TestIssuer implements AutoCloseable {

    static final String CLIENT_ID = "console-client";
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    final HttpServer server;
    final KeyPair keys = newKeys();
    final AtomicInteger jwksFetches = new AtomicInteger();
    /** The kids the key set publishes for {@link #keys}; tests change it to rotate keys. */
    volatile List<String> publishedKids = List.of("key-1");
    /** Answers each token request: given the form body, a status and a JSON body. */
    volatile Function<String, Answer> tokenEndpoint = body -> new Answer(400, "{\"error\":\"invalid_grant\"}");
    final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    record Answer(int status, String json) {
    }

    TestIssuer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            jwksFetches.incrementAndGet();
            RSAPublicKey key = (RSAPublicKey) keys.getPublic();
            StringBuilder json = new StringBuilder("{\"keys\":[");
            for (int i = 0; i < publishedKids.size(); i++) {
                json.append(i == 0 ? "" : ",").append("{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"").append(publishedKids.get(i))
                        .append("\",\"n\":\"").append(B64.encodeToString(unsigned(key.getModulus().toByteArray())))
                        .append("\",\"e\":\"").append(B64.encodeToString(key.getPublicExponent().toByteArray())).append("\"}");
            }
            respond(exchange, 200, json.append("]}").toString());
        });
        server.createContext("/oauth2/token", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            tokenRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            Answer answer = tokenEndpoint.apply(body);
            respond(exchange, answer.status(), answer.json());
        });
        server.start();
    }

    /** The issuer URL, which is also the base of the key set and the hosted sign-in here. */
    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    SignInSettings settings(String baseUrl) {
        return new SignInSettings(issuer(), CLIENT_ID, URI.create(issuer()), null, baseUrl);
    }

    /** The payload of a good ID token for the test client, issued at {@code now}, good for an hour. */
    String claims(Instant now, String extra) {
        long at = now.getEpochSecond();
        return "{\"sub\":\"sub-123\",\"cognito:groups\":[\"manager\",\"advocate\"],\"email\":\"m@example.test\",\"token_use\":\"id\","
                + "\"iss\":\"" + issuer() + "\",\"aud\":\"" + CLIENT_ID + "\",\"iat\":" + at + ",\"exp\":" + (at + 3600)
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    String token(String header, String payload) {
        return token(header, payload, keys);
    }

    String rs256(String payload) {
        return token("{\"alg\":\"RS256\",\"kid\":\"key-1\",\"typ\":\"JWT\"}", payload);
    }

    static String token(String header, String payload, KeyPair signer) {
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signer.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement[0] == 0 ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
