package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Read-only helpers over an API Gateway REST proxy request. */
public final class HttpRequest {

    private final APIGatewayProxyRequestEvent event;
    private final Optional<String> requestId;

    public HttpRequest(APIGatewayProxyRequestEvent event) {
        this(event, Optional.empty());
    }

    private HttpRequest(APIGatewayProxyRequestEvent event, Optional<String> requestId) {
        this.event = event;
        this.requestId = requestId;
    }

    /** The same request, known by the id its idempotency key gave it ({@link IdempotentRequests}). */
    public HttpRequest withRequestId(String id) {
        return new HttpRequest(event, Optional.of(id));
    }

    /**
     * The id of this request when it came with an idempotency key (a digest of who sent it and the key): what the
     * changes it makes are marked with, so that running it again applies nothing twice (issue 19).
     */
    public Optional<String> requestId() {
        return requestId;
    }

    /** {@code POST}, {@code PUT}...: the method as sent. */
    public String method() {
        return event.getHttpMethod();
    }

    /**
     * {@code GET /cases/{reference}}: the method and the template path API Gateway matched. A HEAD
     * request is routed as its GET: the same answer without the body ({@link HttpResponses#forMethod}).
     */
    public String route() {
        return (isHead() ? "GET" : event.getHttpMethod()) + " " + event.getResource();
    }

    public boolean isHead() {
        return "HEAD".equals(event.getHttpMethod());
    }

    /** A header's value, matched case-insensitively (HTTP header names are case-insensitive). */
    public Optional<String> header(String name) {
        if (event.getHeaders() != null) {
            for (Map.Entry<String, String> e : event.getHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
                    return Optional.of(e.getValue());
                }
            }
        }
        if (event.getMultiValueHeaders() != null) {
            for (Map.Entry<String, List<String>> e : event.getMultiValueHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
                    return Optional.of(e.getValue().get(0));
                }
            }
        }
        return Optional.empty();
    }

    /** The media type of the body, lower case, without parameters such as charset. */
    public String mediaType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(p -> p.get(name));
    }

    /** Every query parameter with all its values, as API Gateway passed them (decoded). */
    public Map<String, List<String>> queryParameters() {
        if (event.getMultiValueQueryStringParameters() != null) {
            return event.getMultiValueQueryStringParameters();
        }
        Map<String, List<String>> single = new java.util.LinkedHashMap<>();
        if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((k, v) -> single.put(k, List.of(v)));
        }
        return single;
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(event.getPathParameters()).map(p -> p.get(name));
    }

    /** The body's bytes, decoded from base64 when API Gateway encoded it. */
    public byte[] body() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        return Boolean.TRUE.equals(event.getIsBase64Encoded())
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The path the site's pages sit under, to put before {@code /console/...} in links: the stage
     * ({@code /Prod}) when the request came to API Gateway's own {@code execute-api} address, and
     * nothing on a custom domain mapped at its root or on {@code ./run-local}.
     */
    public String basePath() {
        var context = event.getRequestContext();
        String host = header("Host").orElse("");
        if (context != null && context.getStage() != null && host.contains(".execute-api.")) {
            return "/" + context.getStage();
        }
        return "";
    }

    /** The request's path as sent (for coming back to it after sign-in), with its query, without the base path. */
    public String pathWithQuery() {
        String path = event.getPath() == null ? "/" : event.getPath();
        String base = basePath();
        if (!base.isEmpty() && path.startsWith(base + "/")) {
            path = path.substring(base.length());
        }
        Map<String, List<String>> query = queryParameters();
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder out = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            for (String value : e.getValue()) {
                out.append(separator).append(encode(e.getKey())).append('=').append(encode(value));
                separator = '&';
            }
        }
        return out.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Claims the API's authorizer verified (Cognito user pool in AWS), or none. */
    public Map<String, Object> claims() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null) {
            return Map.of();
        }
        Object claims = context.getAuthorizer().get("claims");
        if (claims instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        }
        return Map.of();
    }

    /**
     * Every value of a header, in order, matched case-insensitively: {@code multiValueHeaders} when API Gateway
     * passed them (a browser may send a header such as {@code Cookie} more than once), else the single value.
     */
    public List<String> headerValues(String name) {
        if (event.getMultiValueHeaders() != null) {
            List<String> values = new java.util.ArrayList<>();
            for (Map.Entry<String, List<String>> e : event.getMultiValueHeaders().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
                    e.getValue().stream().filter(java.util.Objects::nonNull).forEach(values::add);
                }
            }
            if (!values.isEmpty()) {
                return values;
            }
        }
        return header(name).map(List::of).orElse(List.of());
    }

    /**
     * What makes two requests the same request (issue 19): the method, the route with its path parameters, the query
     * and the body's bytes as sent. Two retries of one request send the same bytes; another body is another request.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder(256).append(method()).append('\n').append(event.getResource()).append('\n');
        new java.util.TreeMap<>(event.getPathParameters() == null ? Map.<String, String>of() : event.getPathParameters())
                .forEach((name, value) -> text.append(name).append('=').append(value).append('&'));
        text.append('\n');
        new java.util.TreeMap<>(queryParameters()).forEach((name, values) -> values.forEach(value ->
                text.append(name).append('=').append(value).append('&')));
        text.append('\n').append(org.advocacyhub.domain.casework.Digests.sha256Hex(body()));
        return org.advocacyhub.domain.casework.Digests.sha256Hex(text.toString());
    }

    /** The API Gateway stage the request came through ({@code requestContext.stage}), or none. */
    public Optional<String> stage() {
        return Optional.ofNullable(event.getRequestContext()).map(c -> c.getStage()).filter(s -> !s.isBlank());
    }
}
