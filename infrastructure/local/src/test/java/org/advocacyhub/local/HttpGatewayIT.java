package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.advocacyhub.testing.ApiRoutes;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SamTemplate;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * run-local's API gateway over real HTTP, in front of template.yaml's functions on the local engines: what reaches
 * the function and what reaches the client must be what API Gateway would pass. Every function call is recorded, so
 * a test compares the bytes on the wire with what the function saw and answered.
 */
@WithLocalAws
class HttpGatewayIT {

    private static final String REFERENCE = "LLR-2026-000001";

    private final LocalAws aws;
    private final LocalJwt jwt = new LocalJwt(Clock.systemUTC());
    private final List<APIGatewayProxyRequestEvent> events = new CopyOnWriteArrayList<>();
    private final List<APIGatewayProxyResponseEvent> answers = new CopyOnWriteArrayList<>();
    private HttpGateway gateway;

    HttpGatewayIT(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void startTheGateway() throws Exception {
        gateway = new HttpGateway(aws.api(), (functionId, event) -> {
            events.add(event);
            APIGatewayProxyResponseEvent answer = aws.function(functionId).invoke(event, APIGatewayProxyResponseEvent.class);
            answers.add(answer);
            return answer;
        }, jwt, "127.0.0.1", 0);
        gateway.start();
    }

    @AfterEach
    void stopTheGateway() {
        gateway.close();
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void aRequestIsAnsweredWhileTwentyOthersAreHeldInsideTheirFunction() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(20);
        try (HttpGateway busy = new HttpGateway(aws.api(), (functionId, event) -> {
            if (event.getPath().equals("/referrals/new")) {
                // Twenty slow reads, as staff pages under load: each holds its gateway thread.
                held.incrementAndGet();
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("ok");
        }, jwt, "127.0.0.1", 0)) {
            busy.start();
            List<java.util.concurrent.Future<RawHttp.Response>> slow = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                slow.add(readers.submit(() -> RawHttp.send(busy.port(), "GET", "/referrals/new", List.of())));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (held.get() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(20, held.get(), "twenty requests inside the function at once");

            RawHttp.Response quick = RawHttp.send(busy.port(), "GET", "/referrals/schema", List.of());

            assertEquals(200, quick.status());
            assertEquals(20, held.get() - (int) slow.stream().filter(java.util.concurrent.Future::isDone).count(),
                    "answered while all twenty were still held");
            release.countDown();
            for (java.util.concurrent.Future<RawHttp.Response> response : slow) {
                assertEquals(200, response.get().status());
            }
        } finally {
            release.countDown();
            readers.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ header names

    @Test
    void responseHeaderNamesAndValuesReachTheClientAsTheFunctionSetThem() throws Exception {
        String manager = "Authorization: Bearer " + jwt.issue("m-1", "manager", Duration.ofMinutes(5));
        List<RawHttp.Response> responses = List.of(
                RawHttp.send(gateway.port(), "GET", "/referrals/new", List.of()),
                RawHttp.send(gateway.port(), "GET", "/referrals/schema", List.of()),
                RawHttp.send(gateway.port(), "POST", "/referrals", List.of("Content-Type: application/json"),
                        "{}".getBytes(StandardCharsets.UTF_8)),
                RawHttp.send(gateway.port(), "GET", "/cases/" + REFERENCE, List.of(manager)));
        assertEquals(responses.size(), answers.size(), "every request reached its function");
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < responses.size(); i++) {
            RawHttp.Response response = responses.get(i);
            APIGatewayProxyResponseEvent answer = answers.get(i);
            assertEquals(answer.getStatusCode(), response.status());
            for (Map.Entry<String, String> header : answer.getHeaders().entrySet()) {
                assertEquals(List.of(header.getValue()), response.exactly(header.getKey()),
                        header.getKey() + " arrived as " + response.namesLike(header.getKey()));
                seen.add(header.getKey());
            }
            // Whatever the gateway adds itself is spelt the usual way too.
            Set<String> expectedNames = new TreeSet<>(answer.getHeaders().keySet());
            expectedNames.addAll(List.of("Date", "Content-Length", "Connection"));
            for (Map.Entry<String, String> header : response.headers()) {
                assertTrue(expectedNames.contains(header.getKey()), header.getKey() + " in " + response.headers());
            }
        }
        assertTrue(seen.containsAll(List.of("Content-Security-Policy", "Content-Type", "X-Content-Type-Options")), seen.toString());
    }

    @Test
    void requestHeaderNamesReachTheFunctionAsTheClientSentThem() throws Exception {
        RawHttp.send(gateway.port(), "POST", "/referrals", List.of("Content-Type: application/json",
                "Idempotency-Key: header-case-1", "X-Correlation-ID: abc-123", "accept-language: en-GB",
                "X-MIXED-case: Yes"), "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, events.size());
        APIGatewayProxyRequestEvent event = events.get(0);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Content-Type", "application/json");
        expected.put("Idempotency-Key", "header-case-1");
        expected.put("X-Correlation-ID", "abc-123");
        expected.put("accept-language", "en-GB");
        expected.put("X-MIXED-case", "Yes");
        expected.forEach((name, value) -> {
            assertEquals(value, event.getHeaders().get(name), name + " among " + event.getHeaders().keySet());
            assertEquals(List.of(value), event.getMultiValueHeaders().get(name), name + " among " + event.getMultiValueHeaders().keySet());
        });
    }

    @Test
    void theRawPathAndQueryReachTheRouterAndTheFunction() throws Exception {
        RawHttp.send(gateway.port(), "GET", "/referrals/receipts/LLR%2D2026%2D000001?token=a%20b&token=c", List.of());
        assertEquals(1, events.size());
        APIGatewayProxyRequestEvent event = events.get(0);
        assertEquals("/referrals/receipts/{receipt}", event.getResource());
        assertEquals(Map.of("receipt", REFERENCE), event.getPathParameters(), "decoded once");
        assertEquals(Map.of("token", List.of("a b", "c")), event.getMultiValueQueryStringParameters());
    }

    @Test
    void aPathOrQueryThatDoesNotDecodeIsABadRequest() throws Exception {
        assertEquals(400, RawHttp.send(gateway.port(), "GET", "/referrals/receipts/LLR%ZZ", List.of()).status());
        assertEquals(400, RawHttp.send(gateway.port(), "GET", "/referrals/new?service=%E", List.of()).status());
        assertEquals(List.of(), events);
    }

    @Test
    void aKeptAliveConnectionIsAnsweredRequestAfterRequest() throws Exception {
        List<RawHttp.Response> responses = RawHttp.getOnOneConnection(gateway.port(),
                List.of("/referrals/schema", "/nowhere", "/referrals/new"));
        assertEquals(List.of(200, 404, 200), responses.stream().map(RawHttp.Response::status).toList());
        assertTrue(responses.get(2).text().contains("<form"), "the third answer is the form page");
    }

    // ------------------------------------------------------------------ 401

    @Test
    void everyAuthorizedRouteAnswers401WithWwwAuthenticateBearerWithoutCallingItsFunction() throws Exception {
        LocalJwt stranger = new LocalJwt(Clock.systemUTC());
        List<List<String>> badCredentials = List.of(
                List.of(),
                List.of("Authorization: Bearer " + stranger.issue("m-1", "manager", Duration.ofMinutes(5))),
                List.of("Authorization: Bearer " + jwt.issue("m-1", "manager", Duration.ofSeconds(-1))),
                List.of("Authorization: Basic bWFuYWdlcjpwYXNzd29yZA=="));
        List<SamTemplate.ApiEvent> authorized = aws.api().routes().stream().filter(SamTemplate.ApiEvent::authorized).toList();
        assertFalse(authorized.isEmpty(), "template.yaml has staff routes");
        for (SamTemplate.ApiEvent route : authorized) {
            for (List<String> credentials : badCredentials) {
                String what = route.method() + " " + route.path() + " with " + credentials;
                RawHttp.Response response = RawHttp.send(gateway.port(), route.method(), samplePath(route.path()),
                        credentials, route.method().equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0]);
                assertEquals(401, response.status(), what);
                assertEquals(List.of("Bearer"), response.exactly("WWW-Authenticate"),
                        what + ": " + response.headers());
                // HEAD gets the same status and headers, never a body.
                assertEquals(route.method().equals("HEAD") ? "" : "{\"message\":\"Unauthorized\"}", response.text(), what);
            }
        }
        assertEquals(List.of(), events, "no function was called");
    }

    // ------------------------------------------------------------------ HEAD

    @Test
    void headOnEveryGetPathAnswersAsTheTemplateSaysAndNeverWithABody() throws Exception {
        String manager = "Authorization: Bearer " + jwt.issue("m-1", "manager", Duration.ofMinutes(5));
        List<SamTemplate.ApiEvent> gets = aws.api().routes().stream().filter(r -> r.method().equals("GET")).toList();
        assertFalse(gets.isEmpty());
        for (SamTemplate.ApiEvent get : gets) {
            String path = samplePath(get.path());
            int calls = answers.size();
            RawHttp.Response response = RawHttp.send(gateway.port(), "HEAD", path, List.of(manager));
            assertArrayEquals(new byte[0], response.body(), "HEAD " + path + " sent a body");
            ApiRoutes.Match match = aws.api().match("HEAD", path);
            if (match instanceof ApiRoutes.Found) {
                // A HEAD route: the function's own status and headers.
                assertEquals(calls + 1, answers.size(), "HEAD " + path + " reached its function");
                APIGatewayProxyResponseEvent answer = answers.get(calls);
                assertEquals(answer.getStatusCode(), response.status(), "HEAD " + path);
                answer.getHeaders().forEach((name, value) -> assertEquals(List.of(value), response.exactly(name), name));
            } else {
                assertEquals(match instanceof ApiRoutes.MethodNotAllowed ? 405 : 404, response.status(), "HEAD " + path);
                assertEquals(calls, answers.size(), "HEAD " + path + " called no function");
            }
        }
    }

    @Test
    void headOnAHeadRouteSendsTheFunctionsStatusAndHeadersWithoutItsBody() throws Exception {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  PagesApi:
                    Type: AWS::Serverless::Api
                    Properties: { StageName: test }
                  PageFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.PageHandler
                      Events:
                        Get: { Type: Api, Properties: { RestApiId: !Ref PagesApi, Path: "/pages/{id}", Method: GET } }
                        Head: { Type: Api, Properties: { RestApiId: !Ref PagesApi, Path: "/pages/{id}", Method: HEAD } }
                """, aws.template().root().resolve("head-routes.yaml"));
        List<String> methods = new CopyOnWriteArrayList<>();
        byte[] page = "<p>Page</p>".getBytes(StandardCharsets.UTF_8);
        try (HttpGateway pages = new HttpGateway(new ApiRoutes(template), (functionId, event) -> {
            methods.add(event.getHttpMethod());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "text/html; charset=utf-8");
            headers.put("Content-Security-Policy", "default-src 'none'");
            headers.put("X-Page-Id", event.getPathParameters().get("id"));
            return new APIGatewayProxyResponseEvent().withStatusCode(203).withHeaders(headers)
                    .withBody(new String(page, StandardCharsets.UTF_8));
        }, jwt, "127.0.0.1", 0)) {
            pages.start();
            RawHttp.Response get = RawHttp.send(pages.port(), "GET", "/pages/p-1", List.of());
            RawHttp.Response head = RawHttp.send(pages.port(), "HEAD", "/pages/p-1", List.of());
            assertEquals(List.of("GET", "HEAD"), methods, "the HEAD route's function got a HEAD event");
            assertArrayEquals(page, get.body());
            assertArrayEquals(new byte[0], head.body());
            assertEquals(203, head.status());
            for (String name : List.of("Content-Type", "Content-Security-Policy", "X-Page-Id")) {
                assertEquals(get.exactly(name), head.exactly(name), name);
                assertEquals(1, head.exactly(name).size(), name + " in " + head.headers());
            }
            assertEquals(List.of("p-1"), head.exactly("X-Page-Id"));
        }
    }

    // ------------------------------------------------------------------ limits

    @Test
    void aBodyOverApiGatewaysLimitIsRefusedWith413AndReachesNoFunction() throws Exception {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) 'a');
        RawHttp.Response response = RawHttp.send(gateway.port(), "POST", "/referrals",
                List.of("Content-Type: application/json"), body);
        assertEquals(413, response.status());
        assertEquals("{\"message\":\"Request Too Long\"}", response.text());
        assertEquals(List.of(), events);
    }

    @Test
    void noRouteIs404AndAnotherMethodOnARoutedPathIs405() throws Exception {
        RawHttp.Response none = RawHttp.send(gateway.port(), "GET", "/nowhere", List.of());
        assertEquals(404, none.status());
        assertTrue(none.text().contains("No route in template.yaml for GET /nowhere"), none.text());
        RawHttp.Response other = RawHttp.send(gateway.port(), "DELETE", "/referrals/new", List.of());
        assertEquals(405, other.status());
        assertTrue(other.text().contains("[GET, HEAD]"), other.text());
        assertEquals(List.of(), events);
    }

    /** A concrete path for a template path: every {parameter} becomes a reference. */
    private static String samplePath(String templatePath) {
        return templatePath.replaceAll("\\{[^}/]+}", REFERENCE);
    }
}
