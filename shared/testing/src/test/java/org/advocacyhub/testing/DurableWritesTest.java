package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The barrier that makes an acknowledged write to DynamoDB Local on disk durable: a read of the same table after each write. */
class DurableWritesTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private final HttpServer engine;

    DurableWritesTest() throws IOException {
        engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        engine.createContext("/", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + exchange.getRequestHeaders().getFirst("Authorization")
                    + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        engine.start();
    }

    @AfterEach
    void stop() {
        engine.stop(0);
    }

    private DurableWrites barrier() {
        return new DurableWrites(URI.create("http://127.0.0.1:" + engine.getAddress().getPort()));
    }

    private static FaultProxy.Forwarded request(String operation, String body) {
        return new FaultProxy.Forwarded("POST", "/", Map.of("x-amz-target", List.of("DynamoDB_20120810." + operation),
                "authorization", List.of("AWS4-HMAC-SHA256 Credential=local/20270301/eu-west-2/dynamodb/aws4_request")),
                body.getBytes(StandardCharsets.UTF_8), 200, new byte[0]);
    }

    @Test
    void aWriteIsFollowedByAReadOfItsTableUnderTheSameAccountBeforeItIsAnswered() throws IOException {
        barrier().answered(request("TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"HubTable\",\"Item\":{}}}]}"));
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).startsWith("DynamoDB_20120810.Scan AWS4-HMAC-SHA256 Credential=local/"), seen.get(0));
        assertTrue(seen.get(0).contains("\"TableName\":\"HubTable\""), seen.get(0));
    }

    @Test
    void aReadNeedsNoBarrier() throws IOException {
        barrier().answered(request("GetItem", "{\"TableName\":\"HubTable\",\"Key\":{}}"));
        barrier().answered(request("Query", "{\"TableName\":\"HubTable\"}"));
        assertEquals(List.of(), seen);
    }

    @Test
    void aBarrierThatFailsFailsTheWritesAnswer() {
        status = 500;
        assertThrows(IOException.class, () -> barrier().answered(request("PutItem", "{\"TableName\":\"HubTable\",\"Item\":{}}")));
    }
}
