package org.advocacyhub.local.chaos;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The chaos run's client of the hub: HTTP requests as a referrer, a partner system or a member of staff would send
 * them, JSON both ways. A request that gets no answer (a refused connection while the stack is down, a timeout) is an
 * {@link Answer} with status 0, never an exception: the workload decides whether to send it again.
 */
final class HubHttp {

    static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /**
     * A clock move answers once every schedule that fell due has run, in turn: with thousands of cases waiting, the
     * allocation timer's runs (up to 2,000 alerts each) and the daily digest take minutes on a small machine.
     */
    private static final Duration CLOCK_MOVE_TIMEOUT = Duration.ofMinutes(15);

    private final Supplier<URI> base;
    private final HttpClient http;

    HubHttp(Supplier<URI> base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    }

    /** An answer: the status (0 when none came), the body and the headers that matter here. */
    record Answer(int status, String body, String replayed, String etag) {
        boolean answered() {
            return status != 0;
        }

        boolean ok() {
            return status / 100 == 2;
        }

        Map<String, Object> json() {
            return parse(body);
        }
    }

    Answer send(String method, String path, Object body, String token, String idempotencyKey) {
        return send(method, path, body, token, idempotencyKey, TIMEOUT);
    }

    private Answer send(String method, String path, Object body, String token, String idempotencyKey, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.get().resolve(path.startsWith("/") ? path.substring(1) : path)).timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Idempotent-Replayed").orElse(null),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException noAnswer) {
            return new Answer(0, noAnswer.getClass().getSimpleName(), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", null, null);
        }
    }

    /** Switches the stack's faults ({@code POST /_local/faults}); an empty map switches them all off. */
    void faults(Map<String, Object> faults) {
        Answer answer = send("POST", "/_local/faults", faults, null, null);
        if (!answer.ok()) {
            throw new IllegalStateException("POST /_local/faults answered " + answer.status() + ": " + answer.body());
        }
    }

    /** Moves the stack's clock forward by {@code by}; every schedule that falls due fires once. */
    void advance(Duration by) {
        Answer answer = send("POST", "/_local/clock", Map.of("advance", by.toString()), null, null, CLOCK_MOVE_TIMEOUT);
        if (!answer.ok()) {
            throw new IllegalStateException("POST /_local/clock answered " + answer.status() + ": " + answer.body());
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> parse(String text) {
        try {
            return JSON.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
