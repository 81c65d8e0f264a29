package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {

    private final ApiRoutes routes = new ApiRoutes(Fixtures.template());

    @Test
    void a_literal_segment_wins_over_a_path_parameter() {
        ApiRoutes.Found form = assertInstanceOf(ApiRoutes.Found.class, routes.match("GET", "/items/new"));
        assertEquals("Form", form.route().eventName());
        ApiRoutes.Found item = assertInstanceOf(ApiRoutes.Found.class, routes.match("get", "/items/it%20em-42?x=1"));
        assertEquals("Item", item.route().eventName());
        assertEquals(Map.of("id", "it em-42"), item.pathParameters());
    }

    @Test
    void a_greedy_parameter_takes_the_rest_of_the_path_for_any_method() {
        ApiRoutes.Found files = assertInstanceOf(ApiRoutes.Found.class, routes.match("DELETE", "/files/a/b/c.txt"));
        assertEquals(Map.of("path", "a/b/c.txt"), files.pathParameters());
        assertInstanceOf(ApiRoutes.NoRoute.class, routes.match("GET", "/files"));
    }

    @Test
    void unknown_paths_and_wrong_methods_are_told_apart() {
        assertInstanceOf(ApiRoutes.NoRoute.class, routes.match("GET", "/nothing/here"));
        ApiRoutes.MethodNotAllowed notAllowed = assertInstanceOf(ApiRoutes.MethodNotAllowed.class, routes.match("DELETE", "/items"));
        assertEquals(Set.of("POST"), notAllowed.allowedMethods());
        assertThrows(IllegalArgumentException.class, () -> routes.request("PUT", "/items").event());
    }

    @Test
    void the_event_looks_like_a_rest_api_proxy_event() {
        APIGatewayProxyRequestEvent event = routes.request("GET", "/items/42?tag=a&tag=b&empty")
                .header("Accept", "text/html").header("X-Multi", "1").header("X-Multi", "2")
                .header("User-Agent", "curl/8").sourceIp("10.1.2.3")
                .claims(Map.of("sub", "user-1", "cognito:groups", "manager"))
                .event();
        assertEquals("GET", event.getHttpMethod());
        assertEquals("/items/42", event.getPath());
        assertEquals("/items/{id}", event.getResource());
        assertEquals(Map.of("id", "42"), event.getPathParameters());
        assertEquals("2", event.getHeaders().get("X-Multi"));
        assertEquals(List.of("1", "2"), event.getMultiValueHeaders().get("X-Multi"));
        assertEquals("b", event.getQueryStringParameters().get("tag"));
        assertEquals(List.of("a", "b"), event.getMultiValueQueryStringParameters().get("tag"));
        assertEquals("", event.getQueryStringParameters().get("empty"));
        assertNull(event.getBody());
        assertEquals(Boolean.FALSE, event.getIsBase64Encoded());

        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        assertEquals("local", context.getStage());
        assertEquals("/items/{id}", context.getResourcePath());
        assertEquals("/local/items/42", context.getPath());
        assertEquals("10.1.2.3", context.getIdentity().getSourceIp());
        assertEquals("curl/8", context.getIdentity().getUserAgent());
        assertTrue(context.getRequestId().length() > 10);
        assertEquals(Map.of("sub", "user-1", "cognito:groups", "manager"), context.getAuthorizer().get("claims"));
    }

    @Test
    void claims_reach_the_function_only_on_routes_with_an_authorizer() {
        APIGatewayProxyRequestEvent event = routes.request("GET", "/items/new").claims(Map.of("sub", "user-1")).event();
        assertNull(event.getRequestContext().getAuthorizer());
    }

    @Test
    void a_request_without_headers_query_or_claims_has_nulls_as_api_gateway_sends() {
        APIGatewayProxyRequestEvent event = routes.request("POST", "/items").json("{\"a\":1}").event();
        assertEquals("{\"a\":1}", event.getBody());
        assertNull(event.getQueryStringParameters());
        assertNull(event.getPathParameters());
        assertNull(event.getRequestContext().getAuthorizer());
        assertEquals("application/json", event.getHeaders().get("Content-Type"));
    }

    @Test
    void form_and_binary_bodies() {
        APIGatewayProxyRequestEvent form = routes.request("POST", "/items")
                .form(new java.util.LinkedHashMap<>(Map.of("name", "A & B"))).event();
        assertEquals("name=A+%26+B", form.getBody());
        APIGatewayProxyRequestEvent binary = routes.request("POST", "/items").body(new byte[] {1, 2, 3}).event();
        assertEquals(Boolean.TRUE, binary.getIsBase64Encoded());
        assertEquals("AQID", binary.getBody());
        assertEquals(3, Base64.getDecoder().decode(binary.getBody()).length);
    }
}
