package org.advocacyhub.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a write to DynamoDB Local on disk durable before it is acknowledged (issue 19: "a kill -9 loses nothing that was
 * acknowledged"). Measured here: DynamoDB Local 2.6.1 with {@code -dbPath} answers a write before its SQLite commit has
 * reached the file, and a {@code kill -9} just after the answer lost that acknowledged write in about one kill in three
 * (see the README's Reliability section). Its store runs its work one job after another, so a read of the same table made
 * after the write's answer returns only once that write's commit is done. The DynamoDB proxy of a stack that keeps its
 * data ({@link LocalEngines.Builder#dataDirectory}) makes that read after every successful write, before the client is
 * answered: the acknowledgement then means what it says. A barrier that fails fails the write's answer (500), as the
 * proxy does for any write it cannot vouch for.
 */
final class DurableWrites implements FaultProxy.Observer {

    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");
    private static final Pattern TABLE = Pattern.compile("\"TableName\"\\s*:\\s*\"([^\"]+)\"");

    private final URI engine;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    DurableWrites(URI engine) {
        this.engine = engine;
    }

    @Override
    public void answered(FaultProxy.Forwarded request) throws IOException {
        String target = request.header("x-amz-target");
        if (target == null || !WRITES.contains(target.substring(target.indexOf('.') + 1))) {
            return;
        }
        Matcher table = TABLE.matcher(new String(request.body(), StandardCharsets.UTF_8));
        if (!table.find()) {
            return;
        }
        HttpRequest.Builder barrier = HttpRequest.newBuilder(engine).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.Scan")
                .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\":\"" + table.group(1) + "\",\"Limit\":1,\"Select\":\"COUNT\"}"));
        // DynamoDB Local reads the account from the credential in the signature; it does not check the signature.
        List<String> authorization = request.headers().getOrDefault("authorization", List.of());
        if (!authorization.isEmpty()) {
            barrier.header("Authorization", authorization.get(0));
        }
        try {
            HttpResponse<Void> answer = http.send(barrier.build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                throw new IOException("the durability barrier was answered " + answer.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
