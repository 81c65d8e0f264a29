package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URI;
import java.util.Map;
import org.advocacyhub.testing.fixture.EchoHandler;
import org.junit.jupiter.api.Test;

class FunctionInvokerTest {

    private static final AwsEndpoints ENDPOINTS = AwsEndpoints.of(URI.create("http://127.0.0.1:1001"),
            URI.create("http://127.0.0.1:1002"), URI.create("http://127.0.0.1:1003"), URI.create("http://127.0.0.1:1004"));
    private final SamTemplate template = Fixtures.template();

    @Test
    void environment_variables_become_micronaut_properties_with_the_endpoints() {
        Map<String, Object> properties = FunctionInvoker.micronautProperties(
                Map.of("TABLE_NAME", "FixtureTable", "SCREENING_QUEUE_URL", "http://q", "JAVA_TOOL_OPTIONS", "-Xmx1g"), ENDPOINTS);
        assertEquals("FixtureTable", properties.get("table.name"));
        assertEquals("http://q", properties.get("screening.queue.url"));
        assertFalse(properties.containsKey("java.tool.options"));
        assertEquals("eu-west-2", properties.get("aws.region"));
        assertEquals("http://127.0.0.1:1001", properties.get("aws.endpoints.dynamodb"));
        assertEquals("http://127.0.0.1:1002", properties.get("aws.endpoints.sqs"));
        assertEquals("http://127.0.0.1:1003", properties.get("aws.endpoints.sesv2"));
        assertEquals("http://127.0.0.1:1004", properties.get("aws.endpoints.s3"));
    }

    @Test
    void engines_without_s3_give_no_s3_endpoint_property() {
        AwsEndpoints noS3 = AwsEndpoints.of(URI.create("http://127.0.0.1:1001"), URI.create("http://127.0.0.1:1002"),
                URI.create("http://127.0.0.1:1003"));
        Map<String, Object> properties = FunctionInvoker.micronautProperties(Map.of(), noS3);
        assertFalse(properties.containsKey("aws.endpoints.s3"), "the client factory then uses real S3's endpoint");
        assertEquals("http://127.0.0.1:1003", properties.get("aws.endpoints.sesv2"));
    }

    @Test
    void the_handler_is_built_once_with_its_properties_and_reused_warm() {
        int before = EchoHandler.INSTANCES.get();
        try (FunctionInvoker echo = FunctionInvoker.create(template, "EchoFunction",
                Map.of("TABLE_NAME", "FixtureTable", "JAVA_TOOL_OPTIONS", "-Xmx1g"), ENDPOINTS)) {
            APIGatewayProxyResponseEvent response = echo.invoke(
                    new ApiRoutes(template).request("GET", "/items/1").event(), APIGatewayProxyResponseEvent.class);
            assertEquals("GET /items/{id} table=FixtureTable", response.getBody());
            assertEquals("echo", echo.invoke("second"));
            assertEquals(before + 1, EchoHandler.INSTANCES.get(), "one warm instance");

            EchoHandler handler = (EchoHandler) echo.handler();
            assertEquals("http://127.0.0.1:1002", handler.context().getProperty("aws.endpoints.sqs", String.class).orElseThrow());
            assertFalse(handler.context().getProperty("java.tool.options", String.class).isPresent());
            Context context = handler.lastContext;
            assertEquals("EchoFunction", context.getFunctionName());
            assertEquals(128, context.getMemoryLimitInMB(), "a MemorySize only CloudFormation can resolve falls back to Lambda's default");
            assertTrue(context.getRemainingTimeInMillis() > 6000 && context.getRemainingTimeInMillis() <= 7000);
            assertTrue(context.getInvokedFunctionArn().endsWith(":function:EchoFunction"));
            assertSame(handler, echo.handler());
        }
        assertFalse(EchoHandler.last.context().isRunning(), "closing closes the application context");
    }

    @Test
    void a_missing_handler_class_names_the_function_the_class_and_the_template() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> FunctionInvoker.create(template, "MissingHandlerFunction", Map.of(), ENDPOINTS));
        assertTrue(error.getMessage().contains("MissingHandlerFunction"), error.getMessage());
        assertTrue(error.getMessage().contains("org.advocacyhub.testing.fixture.NoSuchHandler"), error.getMessage());
        assertTrue(error.getMessage().contains("template.yaml"), error.getMessage());
    }
}
