package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The event a function with several triggers was given, read once: Lambda hands a handler of
 * {@code Object} the event as JSON maps, and its shape says which it is ({@code Records} for SQS,
 * else an API Gateway proxy request).
 */
public final class LambdaEvents {

    private LambdaEvents() {
    }

    /**
     * A function's API Gateway and SQS event to its handler of each, whether Lambda handed it over typed or as JSON
     * maps (read by {@link #typed}); anything else is refused naming its class.
     */
    public static Object dispatch(Object event, JsonMapper json, java.util.function.Function<APIGatewayProxyRequestEvent, Object> api,
                                  java.util.function.Function<SQSEvent, Object> queue) {
        Object typed = event instanceof Map<?, ?> map ? typed(json, map) : event;
        if (typed instanceof APIGatewayProxyRequestEvent request) {
            return api.apply(request);
        }
        if (typed instanceof SQSEvent batch) {
            return queue.apply(batch);
        }
        throw new IllegalArgumentException("not an API Gateway or SQS event: " + (event == null ? "null" : event.getClass().getName()));
    }

    /** An {@link SQSEvent} or an {@link APIGatewayProxyRequestEvent}, as the map's shape says. */
    public static Object typed(JsonMapper json, Map<?, ?> map) {
        try {
            byte[] bytes = json.writeValueAsBytes(map);
            return map.containsKey("Records") ? json.readValue(bytes, SQSEvent.class) : json.readValue(bytes, APIGatewayProxyRequestEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
