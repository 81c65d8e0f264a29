package org.advocacyhub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How every function's router makes staff writes safe to repeat (issue 19), and checks every key one way (issue 20). */
class RouteTableTest {

    private static final Map<String, Object> MANAGER = Map.of("sub", "m-1", "cognito:groups", "manager");
    private final Problems problems = new Problems(JsonMapper.createDefault());
    private final InMemoryRequestLedger ledger = new InMemoryRequestLedger();
    private final RouteTable routes = new RouteTable(problems, RouteTable.NOTHING_CHANGED,
            new IdempotentRequests(ledger, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)));
    private final List<String> done = new ArrayList<>();

    RouteTableTest() {
        routes.add(new ApiOperation("POST", "/complaints", "Record a complaint", "all staff", List.of(), List.of(), this::record));
        routes.add(new ApiOperation("PUT", "/staff/{staffId}", "Replace a member of staff", "managers", List.of(), List.of(), this::record));
        routes.add(new ApiOperation("POST", "/referrals", "Refer someone", ApiOperation.ANYONE, List.of(), List.of(), this::record));
        routes.add(new ApiOperation("GET", "/complaints", "The complaints", "managers", List.of(), null, this::record));
    }

    @Test
    void everyStaffPostAndPutSentAgainWithItsKeyIsDoneOnceAndAnsweredAgain() {
        for (String method : List.of("POST", "PUT")) {
            String path = method.equals("POST") ? "/complaints" : "/staff/{staffId}";
            APIGatewayProxyResponseEvent first = routes.handle(request(method, path, MANAGER, "repeat-" + method));
            APIGatewayProxyResponseEvent again = routes.handle(request(method, path, MANAGER, "repeat-" + method));
            assertEquals(first.getBody(), again.getBody(), method);
            assertEquals("true", again.getHeaders().get(IdempotencyKey.REPLAYED), method);
        }
        assertEquals(2, done.size());
    }

    @Test
    void issue20AKeyOf256CharactersOrWithASpaceIsRefused400OnEveryStaffWriteAndNothingIsDone() {
        for (String key : List.of("k".repeat(256), "two words", "")) {
            APIGatewayProxyResponseEvent refused = routes.handle(request("POST", "/complaints", MANAGER, key));
            assertEquals(400, refused.getStatusCode(), key);
            assertTrue(refused.getBody().contains("1 to 255 printable ASCII characters"), refused.getBody());
        }
        assertEquals(List.of(), done);
        assertEquals(201, routes.handle(request("POST", "/complaints", MANAGER, "k".repeat(255))).getStatusCode());
    }

    @Test
    void theSameKeyForAnotherRequestIs409NamingWhy() {
        routes.handle(request("POST", "/complaints", MANAGER, "k-1"));
        APIGatewayProxyRequestEvent other = request("POST", "/complaints", MANAGER, "k-1");
        other.setBody("{\"summary\":\"another\"}");

        APIGatewayProxyResponseEvent refused = routes.handle(other);

        assertEquals(409, refused.getStatusCode());
        assertTrue(refused.getBody().contains("already used for another request"), refused.getBody());
        assertEquals(1, done.size());
    }

    @Test
    void withoutVerifiedClaimsTheRouteAnswersAsItWouldAndAPublicRouteOrAReadKeepsNoKey() {
        routes.handle(request("POST", "/complaints", Map.of(), "k".repeat(300)));
        routes.handle(request("POST", "/referrals", Map.of(), "public-1"));
        routes.handle(request("POST", "/referrals", Map.of(), "public-1"));
        routes.handle(request("GET", "/complaints", MANAGER, "read-1"));

        assertEquals(4, done.size(), "each done: the operation itself answers 401, intake keeps its own keys, reads change nothing");
        assertEquals(0, ledger.size());
    }

    @Test
    void aStaffWriteCannotBeRoutedWithoutTheLedger() {
        RouteTable publicOnly = new RouteTable(problems, RouteTable.NOTHING_CHANGED);
        assertThrows(IllegalStateException.class, () -> publicOnly.add(
                new ApiOperation("POST", "/complaints", "Record a complaint", "all staff", List.of(), List.of(), this::record)));
    }

    private APIGatewayProxyResponseEvent record(HttpRequest request) {
        done.add(request.route());
        return HttpResponses.json(201, "{\"n\":" + done.size() + "}");
    }

    private static APIGatewayProxyRequestEvent request(String method, String resource, Map<String, Object> claims, String key) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(IdempotencyKey.HEADER, key);
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAuthorizer(claims.isEmpty() ? Map.of() : Map.of("claims", claims));
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource).withPath(resource)
                .withHeaders(headers).withBody("{}").withRequestContext(context);
    }
}
