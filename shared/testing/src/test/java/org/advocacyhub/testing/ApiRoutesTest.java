package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.file.Path;
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

    // ------------------------------------------------------------------ API Gateway's own answers

    @Test
    void the_gateway_response_for_the_type_adds_its_static_headers_to_the_answer() {
        ApiRoutes.GatewayAnswer answer = routes.gatewayAnswer(routes.match("GET", "/items/7"), "UNAUTHORIZED", 401, "Unauthorized");
        assertEquals(401, answer.statusCode());
        assertEquals(Map.of("Content-Type", "application/json", "WWW-Authenticate", "Bearer realm=\"fixture\""), answer.headers());
        assertEquals("{\"message\":\"Unauthorized\"}", answer.body());
    }

    @Test
    void a_type_the_template_does_not_customise_falls_back_to_default_4xx_or_default_5xx() {
        ApiRoutes routes = new ApiRoutes(api("""
                        DEFAULT_4XX:
                          StatusCode: 400
                          ResponseParameters: { Headers: { X-Answer: "'four'" } }
                        DEFAULT_5XX:
                          ResponseParameters: { Headers: { X-Answer: "'five'" } }
                        UNAUTHORIZED:
                          ResponseParameters: { Headers: { WWW-Authenticate: "'Bearer'" } }
                """));
        ApiRoutes.Match found = routes.match("GET", "/things");
        ApiRoutes.GatewayAnswer tooLarge = routes.gatewayAnswer(found, "REQUEST_TOO_LARGE", 413, "Request Too Long");
        assertEquals(400, tooLarge.statusCode(), "DEFAULT_4XX's StatusCode replaces every other 4XX status");
        assertEquals("four", tooLarge.headers().get("X-Answer"));
        ApiRoutes.GatewayAnswer failed = routes.gatewayAnswer(found, "DEFAULT_5XX", 502, "Internal server error");
        assertEquals(502, failed.statusCode());
        assertEquals("five", failed.headers().get("X-Answer"));
        ApiRoutes.GatewayAnswer unauthorized = routes.gatewayAnswer(found, "UNAUTHORIZED", 401, "Unauthorized");
        assertEquals(401, unauthorized.statusCode(), "a type's own entry, without DEFAULT_4XX's status or headers");
        assertEquals(Map.of("Content-Type", "application/json", "WWW-Authenticate", "Bearer"), unauthorized.headers());
        ApiRoutes.GatewayAnswer noRoute = routes.gatewayAnswer(routes.match("GET", "/elsewhere"), "MISSING_AUTHENTICATION_TOKEN",
                403, "Missing Authentication Token");
        assertEquals("four", noRoute.headers().get("X-Answer"), "a request for no route gets the template's only API's answers");
    }

    @Test
    void without_gateway_responses_the_answer_is_the_default_status_and_a_json_message() {
        ApiRoutes routes = new ApiRoutes(SamTemplate.parse(API.replace("GATEWAY_RESPONSES", "{}"), Path.of("template.yaml")));
        ApiRoutes.GatewayAnswer answer = routes.gatewayAnswer(routes.match("GET", "/things"), "UNAUTHORIZED", 401, "Say \"who\"");
        assertEquals(401, answer.statusCode());
        assertEquals(Map.of("Content-Type", "application/json"), answer.headers());
        assertEquals("{\"message\":\"Say \\\"who\\\"\"}", answer.body());
    }

    @Test
    void globals_api_gateway_responses_apply_unless_the_api_overrides_the_type() {
        String template = API.replace("GATEWAY_RESPONSES", "{ UNAUTHORIZED: { ResponseParameters: { Headers: { WWW-Authenticate: \"'Bearer realm=\\\"api\\\"'\" } } } }")
                .replace("Resources:", """
                        Globals:
                          Api:
                            GatewayResponses:
                              UNAUTHORIZED: { ResponseParameters: { Headers: { WWW-Authenticate: "'Bearer'" } } }
                              DEFAULT_4XX: { ResponseParameters: { Headers: { X-From: "'globals'" } } }
                        Resources:""");
        ApiRoutes routes = new ApiRoutes(SamTemplate.parse(template, Path.of("template.yaml")));
        ApiRoutes.Match found = routes.match("GET", "/things");
        assertEquals("Bearer realm=\"api\"", routes.gatewayAnswer(found, "UNAUTHORIZED", 401, "Unauthorized").headers().get("WWW-Authenticate"));
        assertEquals("globals", routes.gatewayAnswer(found, "ACCESS_DENIED", 403, "Forbidden").headers().get("X-From"));
    }

    @Test
    void header_values_that_are_not_static_and_response_templates_are_refused_naming_the_type() {
        IllegalArgumentException dynamic = assertThrows(IllegalArgumentException.class, () -> new ApiRoutes(api("""
                        DEFAULT_4XX:
                          ResponseParameters: { Headers: { Access-Control-Allow-Origin: method.request.header.Origin } }
                """)));
        assertTrue(dynamic.getMessage().contains("GatewayResponses.DEFAULT_4XX header Access-Control-Allow-Origin"), dynamic.getMessage());
        IllegalArgumentException templated = assertThrows(IllegalArgumentException.class, () -> new ApiRoutes(api("""
                        UNAUTHORIZED:
                          ResponseTemplates: { application/json: '{"error": $context.error.messageString}' }
                """)));
        assertTrue(templated.getMessage().contains("GatewayResponses.UNAUTHORIZED has ResponseTemplates"), templated.getMessage());
    }

    /** One API with one GET route; GATEWAY_RESPONSES is replaced by the API's GatewayResponses. */
    private static final String API = """
            Resources:
              ThingsApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: test
                  GatewayResponses: GATEWAY_RESPONSES
              ThingsFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: example.Things
                  Events:
                    List: { Type: Api, Properties: { RestApiId: !Ref ThingsApi, Path: /things, Method: GET } }
            """;

    /** {@link #API} with {@code responses}, a YAML block indented to sit under GatewayResponses. */
    private static SamTemplate api(String responses) {
        return SamTemplate.parse(API.replace(" GATEWAY_RESPONSES", "\n" + responses.stripTrailing()), Path.of("template.yaml"));
    }
}
