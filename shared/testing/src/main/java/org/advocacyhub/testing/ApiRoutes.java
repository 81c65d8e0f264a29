package org.advocacyhub.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.advocacyhub.testing.SamTemplate.ApiEvent;
import org.advocacyhub.testing.SamTemplate.GatewayResponse;

/**
 * The template's {@code Api} events as a router: matches (method, path) to a function as API Gateway does (literal
 * segments before {@code {param}} before {@code {proxy+}}) and builds the REST-proxy
 * {@link APIGatewayProxyRequestEvent} the function receives. The local HTTP server and the tests share it.
 */
public final class ApiRoutes {

    public static final String STAGE = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final List<Route> routes;
    private final String accountId;
    /** Each routed API's gateway responses, by the API's logical id (null for the implicit API). */
    private final Map<String, Map<String, GatewayResponse>> gatewayResponses = new HashMap<>();
    /** {@code Globals.Api}'s gateway responses. */
    private final Map<String, GatewayResponse> globalGatewayResponses;

    public ApiRoutes(SamTemplate template) {
        this(template, AwsEndpoints.DEFAULT_ACCOUNT_ID);
    }

    public ApiRoutes(SamTemplate template, String accountId) {
        this.routes = template.apiEvents().stream().map(Route::new).toList();
        this.accountId = accountId;
        this.globalGatewayResponses = emulated(template.gatewayResponses(null), template);
        for (Route route : routes) {
            String api = route.event.restApiId();
            if (!gatewayResponses.containsKey(api)) {
                gatewayResponses.put(api, emulated(template.gatewayResponses(api), template));
            }
        }
    }

    /** Every API event of the template. */
    public List<ApiEvent> routes() {
        return routes.stream().map(Route::event).toList();
    }

    /** The outcome of matching a request line. */
    public sealed interface Match permits Found, NoRoute, MethodNotAllowed {
    }

    /** A route serves the request; {@code pathParameters} are URL-decoded. */
    public record Found(ApiEvent route, Map<String, String> pathParameters) implements Match {
        public String functionId() {
            return route.functionId();
        }
    }

    /** No route has this path. */
    public record NoRoute(String path) implements Match {
    }

    /** Routes have this path, but none for this method. */
    public record MethodNotAllowed(String path, Set<String> allowedMethods) implements Match {
    }

    /** Matches {@code method} and {@code path} (a query string, if any, is ignored). */
    public Match match(String method, String path) {
        String cleanPath = pathOnly(path);
        List<String> segments = segments(cleanPath);
        List<Candidate> pathMatches = new ArrayList<>();
        for (Route route : routes) {
            Map<String, String> parameters = route.match(segments);
            if (parameters != null) {
                pathMatches.add(new Candidate(route, parameters));
            }
        }
        if (pathMatches.isEmpty()) {
            return new NoRoute(cleanPath);
        }
        String upper = method.toUpperCase(Locale.ROOT);
        return pathMatches.stream()
                .filter(c -> c.route.event.method().equals(upper) || c.route.event.method().equals("ANY"))
                .sorted(Comparator.comparing((Candidate c) -> c.route.specificity(), Comparator.reverseOrder())
                        .thenComparing(c -> c.route.event.method().equals("ANY")))
                .findFirst()
                .<Match>map(c -> new Found(c.route.event, c.parameters))
                .orElseGet(() -> {
                    Set<String> allowed = new TreeSet<>();
                    pathMatches.forEach(c -> allowed.add(c.route.event.method()));
                    return new MethodNotAllowed(cleanPath, allowed);
                });
    }

    /** An answer API Gateway makes itself, instead of a function's: status, headers and body. */
    public record GatewayAnswer(int statusCode, Map<String, String> headers, String body) {
    }

    /**
     * API Gateway's own answer of {@code responseType} (such as {@code UNAUTHORIZED}) to a request that matched
     * {@code match}: {@code defaultStatus} and a JSON {@code message}, customised as the API's {@code GatewayResponses}
     * say. As in API Gateway, the entry for the type applies, or else {@code DEFAULT_4XX} or {@code DEFAULT_5XX}; its
     * {@code StatusCode} replaces the status and its headers are added. A request that matched no route is answered
     * as the template's only API would answer it (with several APIs, only {@code Globals.Api} applies).
     */
    public GatewayAnswer gatewayAnswer(Match match, String responseType, int defaultStatus, String message) {
        Map<String, GatewayResponse> responses = match instanceof Found found ? gatewayResponses.get(found.route().restApiId())
                : gatewayResponses.size() == 1 ? gatewayResponses.values().iterator().next()
                : globalGatewayResponses;
        GatewayResponse response = responses.get(responseType);
        if (response == null) {
            response = responses.get(defaultStatus >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        int status = defaultStatus;
        if (response != null) {
            response.headers().forEach((name, value) -> headers.put(name, value.substring(1, value.length() - 1)));
            status = response.statusCode() == null ? defaultStatus : response.statusCode();
        }
        return new GatewayAnswer(status, headers, Json.write(Map.of("message", message)));
    }

    /**
     * Gateway responses as far as they can be emulated here: static header values ({@code 'Bearer'}) and status codes.
     * Mapping expressions and templates would make local answers differ from AWS's, so they are refused.
     */
    private static Map<String, GatewayResponse> emulated(Map<String, GatewayResponse> responses, SamTemplate template) {
        for (GatewayResponse response : responses.values()) {
            response.headers().forEach((name, value) -> {
                if (value == null || value.length() < 2 || !value.startsWith("'") || !value.endsWith("'")) {
                    throw new IllegalArgumentException(template.path() + ": GatewayResponses." + response.responseType()
                            + " header " + name + " is " + value + ": only static values in single quotes, such as"
                            + " \"'Bearer'\", are emulated locally");
                }
            });
            if (!response.responseTemplates().isEmpty()) {
                throw new IllegalArgumentException(template.path() + ": GatewayResponses." + response.responseType()
                        + " has ResponseTemplates, which are not emulated locally");
            }
        }
        return responses;
    }

    /** Starts a request to build an event for; {@code pathAndQuery} may carry a query string. */
    public Request request(String method, String pathAndQuery) {
        return new Request(method, pathAndQuery);
    }

    /** Builds the REST-proxy event for a matched request. */
    public APIGatewayProxyRequestEvent event(Found found, Request request) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        String path = pathOnly(request.pathAndQuery);
        event.setHttpMethod(request.method);
        event.setPath(path);
        event.setResource(found.route().path());
        event.setPathParameters(found.pathParameters().isEmpty() ? null : found.pathParameters());
        // API Gateway's single-value maps hold the last value of each name; absent maps are null, not empty.
        event.setMultiValueHeaders(request.headers.isEmpty() ? null : copy(request.headers));
        event.setHeaders(request.headers.isEmpty() ? null : lastValues(request.headers));
        Map<String, List<String>> query = query(request.pathAndQuery);
        event.setMultiValueQueryStringParameters(query.isEmpty() ? null : query);
        event.setQueryStringParameters(query.isEmpty() ? null : lastValues(query));
        event.setBody(request.body);
        event.setIsBase64Encoded(request.base64Encoded);

        Instant now = Instant.now();
        ProxyRequestContext context = new ProxyRequestContext();
        context.setAccountId(accountId);
        context.setApiId(found.route().restApiId() == null ? "local" : found.route().restApiId());
        context.setStage(STAGE);
        context.setRequestId(UUID.randomUUID().toString());
        context.setExtendedRequestId(context.getRequestId());
        context.setResourceId(Integer.toHexString(found.route().path().hashCode()));
        context.setResourcePath(found.route().path());
        context.setHttpMethod(request.method);
        context.setPath("/" + STAGE + path);
        context.setProtocol("HTTP/1.1");
        context.setDomainName("localhost");
        context.setRequestTime(REQUEST_TIME.format(now));
        context.setRequestTimeEpoch(now.toEpochMilli());
        RequestIdentity identity = new RequestIdentity();
        identity.setSourceIp(request.sourceIp);
        identity.setUserAgent(request.header("User-Agent"));
        context.setIdentity(identity);
        if (request.claims != null && found.route().authorized()) {
            // A Cognito user pool authorizer puts the token's claims here; API Gateway turns every value into a string.
            Map<String, Object> authorizer = new LinkedHashMap<>();
            authorizer.put("claims", new LinkedHashMap<>(request.claims));
            context.setAuthorizer(authorizer);
        }
        event.setRequestContext(context);
        return event;
    }

    private static String pathOnly(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        if (path.isEmpty()) {
            return "/";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static Map<String, List<String>> query(String pathAndQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        int start = pathAndQuery.indexOf('?');
        if (start < 0) {
            return query;
        }
        for (String pair : pathAndQuery.substring(start + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    private static Map<String, String> lastValues(Map<String, List<String>> values) {
        Map<String, String> last = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!v.isEmpty()) {
                last.put(k, v.get(v.size() - 1));
            }
        });
        return last;
    }

    private record Candidate(Route route, Map<String, String> parameters) {
    }

    private static final class Route {
        private final ApiEvent event;
        private final List<String> segments;

        Route(ApiEvent event) {
            this.event = event;
            this.segments = segments(pathOnly(event.path()));
        }

        ApiEvent event() {
            return event;
        }

        /** Literal segments score 2, parameters 1, a greedy parameter 0: API Gateway prefers the most specific. */
        String specificity() {
            StringBuilder score = new StringBuilder();
            for (String segment : segments) {
                score.append(segment.endsWith("+}") ? '0' : segment.startsWith("{") ? '1' : '2');
            }
            return score.toString();
        }

        Map<String, String> match(List<String> request) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (segment.startsWith("{") && segment.endsWith("+}")) {
                    if (i >= request.size()) {
                        return null;
                    }
                    List<String> rest = request.subList(i, request.size()).stream().map(ApiRoutes::decodePath).toList();
                    parameters.put(segment.substring(1, segment.length() - 2), String.join("/", rest));
                    return parameters;
                }
                if (i >= request.size()) {
                    return null;
                }
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    parameters.put(segment.substring(1, segment.length() - 1), decodePath(request.get(i)));
                } else if (!segment.equals(request.get(i))) {
                    return null;
                }
            }
            return segments.size() == request.size() ? parameters : null;
        }
    }

    private static String decodePath(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** One request to turn into an event: method, path with query, headers, body, caller and claims. */
    public final class Request {
        private final String method;
        private final String pathAndQuery;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private String body;
        private boolean base64Encoded;
        private String sourceIp = "127.0.0.1";
        private Map<String, ?> claims;

        private Request(String method, String pathAndQuery) {
            this.method = method.toUpperCase(Locale.ROOT);
            this.pathAndQuery = pathAndQuery;
        }

        /** Adds a header value (repeat for several values). */
        public Request header(String name, String value) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        public Request headers(Map<String, List<String>> values) {
            values.forEach((name, list) -> list.forEach(value -> header(name, value)));
            return this;
        }

        public Request body(String text) {
            this.body = text;
            this.base64Encoded = false;
            return this;
        }

        /** A binary body, sent base64-encoded as API Gateway does for binary media types. */
        public Request body(byte[] bytes) {
            this.body = Base64.getEncoder().encodeToString(bytes);
            this.base64Encoded = true;
            return this;
        }

        /** {@code application/json} body. */
        public Request json(String json) {
            return header("Content-Type", "application/json").body(json);
        }

        /** {@code application/x-www-form-urlencoded} body from ordered fields. */
        public Request form(Map<String, String> fields) {
            StringBuilder encoded = new StringBuilder();
            fields.forEach((k, v) -> {
                if (encoded.length() > 0) {
                    encoded.append('&');
                }
                encoded.append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
            });
            return header("Content-Type", "application/x-www-form-urlencoded").body(encoded.toString());
        }

        public Request sourceIp(String ip) {
            this.sourceIp = ip;
            return this;
        }

        /**
         * The verified token's claims, as a Cognito authorizer passes them (put string values here). They reach the
         * function only on routes that have an authorizer, as in API Gateway.
         */
        public Request claims(Map<String, ?> tokenClaims) {
            this.claims = tokenClaims;
            return this;
        }

        public String method() {
            return method;
        }

        public String pathAndQuery() {
            return pathAndQuery;
        }

        public Map<String, ?> claims() {
            return claims;
        }

        /** The first value of a header, case-insensitively, or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }

        public Match match() {
            return ApiRoutes.this.match(method, pathAndQuery);
        }

        /** The event for this request; fails when no route serves it. */
        public APIGatewayProxyRequestEvent event() {
            Match match = match();
            if (match instanceof Found found) {
                return ApiRoutes.this.event(found, this);
            }
            throw new IllegalArgumentException(describe(match));
        }

        String describe(Match match) {
            if (match instanceof MethodNotAllowed notAllowed) {
                return "No " + method + " route for " + notAllowed.path() + " in the template (it has " + notAllowed.allowedMethods() + ")";
            }
            return "No route for " + method + " " + pathOnly(pathAndQuery) + " in the template";
        }
    }
}
