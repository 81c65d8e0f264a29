package org.advocacyhub.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.advocacyhub.testing.ApiRoutes;
import org.advocacyhub.testing.FunctionInvoker;

/**
 * A local stand-in for API Gateway's REST API: matches each request against the routes
 * template.yaml declares, applies the route's authorizer, turns the request into a REST proxy
 * event for the function behind the route and the function's answer back into HTTP.
 */
final class HttpGateway implements AutoCloseable {

    /** API Gateway's own limit on a request payload. */
    private static final int MAX_PAYLOAD = 10 * 1024 * 1024;

    private final ApiRoutes routes;
    private final Map<String, FunctionInvoker> functions;
    private final LocalJwt jwt;
    private final HttpServer server;
    private final ExecutorService workers;

    HttpGateway(ApiRoutes routes, Map<String, FunctionInvoker> functions, LocalJwt jwt, String host, int port)
            throws IOException {
        this.routes = routes;
        this.functions = functions;
        this.jwt = jwt;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        this.workers = Executors.newFixedThreadPool(8);
        server.setExecutor(workers);
        server.createContext("/", this::exchange);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status;
        try (exchange) {
            status = respond(exchange);
        }
        // Method, path and status only: paths hold references, never personal data.
        System.out.printf("%s %s -> %d (%d ms)%n", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                status, (System.nanoTime() - started) / 1_000_000);
    }

    private int respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String pathAndQuery = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        ApiRoutes.Match match = routes.match(method, exchange.getRequestURI().getRawPath());
        if (match instanceof ApiRoutes.NoRoute) {
            return send(exchange, 404, json(), "{\"message\":\"No route in template.yaml for " + method + " "
                    + exchange.getRequestURI().getRawPath().replace("\"", "") + "\"}");
        }
        if (match instanceof ApiRoutes.MethodNotAllowed notAllowed) {
            return send(exchange, 405, json(), "{\"message\":\"Method not allowed; allowed: " + notAllowed.allowedMethods() + "\"}");
        }
        ApiRoutes.Found found = (ApiRoutes.Found) match;
        byte[] body = read(exchange.getRequestBody());
        if (body == null) {
            return send(exchange, 413, json(), "{\"message\":\"Request Too Long\"}");
        }
        ApiRoutes.Request request = routes.request(method, pathAndQuery)
                .headers(headers(exchange))
                .sourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
        if (body.length > 0) {
            request.body(body);
        }
        if (found.route().authorized()) {
            Optional<Map<String, String>> claims = jwt.verify(exchange.getRequestHeaders().getFirst("Authorization"));
            if (claims.isEmpty()) {
                // What API Gateway answers when a Cognito authorizer rejects or misses the token.
                return send(exchange, 401, json(), "{\"message\":\"Unauthorized\"}");
            }
            request.claims(claims.get());
        }
        APIGatewayProxyRequestEvent event = routes.event(found, request);
        FunctionInvoker function = functions.get(found.functionId());
        APIGatewayProxyResponseEvent response;
        try {
            response = function.invoke(event, APIGatewayProxyResponseEvent.class);
        } catch (RuntimeException e) {
            System.err.println("Function " + found.functionId() + " failed: " + e.getClass().getName());
            e.printStackTrace();
            return send(exchange, 502, json(), "{\"message\":\"Internal server error\"}");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> headers.put(k, List.of(v)));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
        }
        byte[] out = response.getBody() == null ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        return send(exchange, response.getStatusCode() == null ? 200 : response.getStatusCode(), headers, out);
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        return headers;
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PAYLOAD + 1);
        return bytes.length > MAX_PAYLOAD ? null : bytes;
    }

    private static Map<String, List<String>> json() {
        return Map.of("Content-Type", List.of("application/json"));
    }

    private static int send(HttpExchange exchange, int status, Map<String, List<String>> headers, String body) throws IOException {
        return send(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static int send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().put(k, new ArrayList<>(v)));
        boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
