package org.advocacyhub.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.executor.AbstractExecutor;
import io.micronaut.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cold invocation, timed from outside as a whole process by {@code bench-cold.sh}: a fresh JVM on a function's
 * Lambda jar (this class is the only addition to its classpath), with the function's environment, builds the handler
 * the template names as Lambda does (its no-argument constructor), reads its sample event as the Lambda runtime would
 * hand it over, handles it and exits.
 * Only the JDK and what every Lambda jar holds (Micronaut, the Lambda event classes) are used here.
 *
 * <p>Arguments: handler class, event file, input kind ({@code api},
 * {@code sqs}: the Lambda event class; {@code map}: the JSON as maps, for handlers of {@code Object}).
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        // As the Lambda runtime does: the handler's public no-argument constructor, configuration from the environment.
        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        long built = System.nanoTime();
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> function = (RequestHandler<Object, Object>) handler;
        ApplicationContext context = ((AbstractExecutor<?>) handler).getApplicationContext();
        Object json = context.getBean(JsonMapper.class).readValue(Files.readAllBytes(Path.of(args[1])), Object.class);
        Object event = switch (args[2]) {
            case "api" -> apiGatewayEvent(map(json));
            case "sqs" -> sqsEvent(map(json));
            default -> json;
        };
        Object result = function.handleRequest(event, new Bench.Context(args[0].substring(args[0].lastIndexOf('.') + 1)));
        long handled = System.nanoTime();
        System.out.println(summary(result));
        // Where the time went inside main: the init phase (handler built) and the first event (read and handled).
        System.out.printf("main: init %d ms, first event %d ms%n", (built - begin) / 1_000_000, (handled - built) / 1_000_000);
        // The wall-clock time the first event was handled: the script subtracts the time it started the process, for
        // the whole cold start less the JVM's exit, which Lambda never runs (it freezes the process) and which can wait
        // up to 300 ms for threads in native code (a java.net.http.HttpClient's selector, for one).
        System.out.println("first response at epoch ms: " + System.currentTimeMillis());
        System.exit(0);
    }

    private static String summary(Object result) {
        if (result instanceof APIGatewayProxyResponseEvent response) {
            return "status " + response.getStatusCode();
        }
        if (result instanceof SQSBatchResponse batch) {
            return "batch item failures " + batch.getBatchItemFailures().size();
        }
        return "answered " + (result == null ? "null" : result.getClass().getSimpleName());
    }

    /** The fields of a REST API proxy event that the handlers read, as the Lambda runtime fills them. */
    private static APIGatewayProxyRequestEvent apiGatewayEvent(Map<String, Object> json) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withResource(string(json.get("resource"))).withPath(string(json.get("path")))
                .withHttpMethod(string(json.get("httpMethod"))).withHeaders(strings(json.get("headers")))
                .withQueryStringParameters(strings(json.get("queryStringParameters")))
                .withPathParameters(strings(json.get("pathParameters")))
                .withStageVariables(strings(json.get("stageVariables")))
                .withBody(string(json.get("body")))
                .withIsBase64Encoded(Boolean.TRUE.equals(json.get("isBase64Encoded")));
        Map<String, Object> context = map(json.get("requestContext"));
        if (context != null) {
            APIGatewayProxyRequestEvent.ProxyRequestContext request = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                    .withAccountId(string(context.get("accountId"))).withStage(string(context.get("stage")))
                    .withRequestId(string(context.get("requestId"))).withResourcePath(string(context.get("resourcePath")))
                    .withHttpMethod(string(context.get("httpMethod"))).withPath(string(context.get("path")))
                    .withApiId(string(context.get("apiId"))).withProtocol(string(context.get("protocol")));
            Map<String, Object> identity = map(context.get("identity"));
            if (identity != null) {
                request.setIdentity(new APIGatewayProxyRequestEvent.RequestIdentity()
                        .withSourceIp(string(identity.get("sourceIp"))).withUserAgent(string(identity.get("userAgent"))));
            }
            request.setAuthorizer(map(context.get("authorizer")));
            event.setRequestContext(request);
        }
        return event;
    }

    private static SQSEvent sqsEvent(Map<String, Object> json) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (Object item : (List<?>) json.get("Records")) {
            Map<String, Object> record = map(item);
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(string(record.get("messageId")));
            message.setReceiptHandle(string(record.get("receiptHandle")));
            message.setBody(string(record.get("body")));
            message.setAttributes(strings(record.get("attributes")));
            message.setMessageAttributes(Map.of());
            message.setMd5OfBody(string(record.get("md5OfBody")));
            message.setEventSource(string(record.get("eventSource")));
            message.setEventSourceArn(string(record.get("eventSourceARN")));
            message.setAwsRegion(string(record.get("awsRegion")));
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static Map<String, String> strings(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, String> strings = new LinkedHashMap<>();
        map(value).forEach((name, item) -> strings.put(name, string(item)));
        return strings;
    }
}
