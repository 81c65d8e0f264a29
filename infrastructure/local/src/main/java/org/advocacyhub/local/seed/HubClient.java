package org.advocacyhub.local.seed;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.advocacyhub.web.JsonText;

/**
 * The seeder's only way into the hub: HTTP requests to a running {@code ./run-local} (or an in-process
 * {@code LocalHub}), with a staff token, JSON both ways. An answer that is not 2xx stops the seeding with the route,
 * the status and the names of the fields the problem names; never a value, since a value may be personal data.
 */
final class HubClient {

    private final URI base;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.createDefault();

    HubClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    URI base() {
        return base;
    }

    /** A refusal the seeder did not expect: route (as a template), status and the problem's field names only. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Sends {@code method} {@code path} with {@code body} (a map written as JSON, or none) and returns the JSON answer.
     *
     * @param route the route as a template ({@code POST /cases/{reference}/allocation}) for the message if it fails
     * @param token a staff token, or null for a public route
     */
    Map<String, Object> send(String route, String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(JsonText.write(json, body), StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Stopped(route + ": no answer from " + base + " (" + e.getClass().getSimpleName() + "). Is ./run-local running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped(route + ": interrupted");
        }
        int status = response.statusCode();
        Map<String, Object> answer = read(response.body());
        if (status < 200 || status > 299) {
            throw new Stopped(route + " answered " + status + problemFields(answer));
        }
        return answer;
    }

    Map<String, Object> send(String route, String method, String path, String token, Object body) {
        return send(route, method, path, token, body, Map.of());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(byte[] body) {
        if (body == null || body.length == 0) {
            return Map.of();
        }
        try {
            Map<String, Object> value = json.readValue(body, Map.class);
            return value == null ? Map.of() : value;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** The problem's title (fixed text), the fields it names and the rules broken with their clauses; no values. */
    @SuppressWarnings("unchecked")
    private static String problemFields(Map<String, Object> problem) {
        if (problem.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add("problem fields " + new TreeSet<>(problem.keySet()));
        if (problem.get("title") instanceof String title) {
            parts.add("title \"" + title + "\"");
        }
        if (problem.get("errors") instanceof List<?> errors) {
            parts.add("fields named " + errors.stream().filter(Map.class::isInstance)
                    .map(e -> String.valueOf(((Map<String, Object>) e).get("field"))).toList());
        }
        if (problem.get("violations") instanceof List<?> violations) {
            parts.add("rules broken " + violations.stream().filter(Map.class::isInstance)
                    .map(v -> ((Map<String, Object>) v).get("rule") + " (" + ((Map<String, Object>) v).get("clause") + ")").toList());
        }
        return ": " + String.join("; ", parts);
    }
}
