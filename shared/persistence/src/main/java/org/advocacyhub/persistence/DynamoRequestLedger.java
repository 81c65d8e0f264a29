package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.TableKeys.PK;
import static org.advocacyhub.persistence.TableKeys.SK;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.advocacyhub.application.port.RequestLedger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link RequestLedger} on the single table: one item per request id, {@code REQUEST#<id> / REQUEST}, removed by TTL
 * ({@code expiresAt}) after {@link RequestLedger#KEPT}. The claim is one conditional put; the answer replaces it, only
 * while the claim is still this request's. The body is kept gzip-compressed: a DynamoDB item holds at most 400 KB, and
 * a case's JSON (its timeline and audit trail) compresses about tenfold.
 */
public final class DynamoRequestLedger implements RequestLedger {

    /**
     * The largest compressed body kept, well inside an item's 400 KB with the rest of the item. A larger answer (a case
     * of tens of thousands of entries) is not kept: a repeat is told the request was done, and to read the case again.
     */
    static final int MOST_KEPT_BYTES = 300 * 1024;
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String ANSWERED = "ANSWERED";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRequestLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Claim claim(String requestId, String fingerprint, Instant now, Instant leaseUntil) {
        String token = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new HashMap<>(key(requestId));
        item.put(CaseItemMapper.TYPE, s("REQUEST"));
        item.put("fingerprint", s(fingerprint));
        item.put("state", s(IN_PROGRESS));
        item.put("claim", s(token));
        item.put("leaseUntil", n(leaseUntil.toEpochMilli()));
        item.put(TableKeys.EXPIRES_AT, n(now.plus(KEPT).getEpochSecond()));
        // Three attempts at most: the item can go (released, or its TTL) between a refused put and the read after it.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                dynamo.putItem(b -> b.tableName(table).item(item)
                        // New; or expired but not yet deleted by TTL; or this same request's claim whose lease ran out
                        // (its function stopped before it answered).
                        .conditionExpression("attribute_not_exists(PK) OR expiresAt < :nowSeconds"
                                + " OR (#state = :inProgress AND leaseUntil < :nowMillis AND fingerprint = :fingerprint)")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":nowSeconds", n(now.getEpochSecond()), ":nowMillis", n(now.toEpochMilli()),
                                ":inProgress", s(IN_PROGRESS), ":fingerprint", s(fingerprint))));
                return new Claimed(token);
            } catch (ConditionalCheckFailedException used) {
                Map<String, AttributeValue> found = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(requestId))).item();
                if (found != null && !found.isEmpty()) {
                    return used(found);
                }
            }
        }
        throw new IllegalStateException("request id claimed and released three times over while claiming");
    }

    @Override
    public void answer(String requestId, String token, Answer answer, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":token", s(token));
        values.put(":answered", s(ANSWERED));
        values.put(":none", n(0));
        values.put(":expires", n(now.plus(KEPT).getEpochSecond()));
        values.put(":status", n(answer.status()));
        Map<String, AttributeValue> headers = new LinkedHashMap<>();
        answer.headers().forEach((name, value) -> headers.put(name, s(value)));
        values.put(":headers", AttributeValue.fromM(headers));
        values.put(":base64", AttributeValue.fromBool(answer.base64()));
        byte[] body = answer.body() == null ? null : gzip(answer.body());
        boolean kept = body == null || body.length <= MOST_KEPT_BYTES;
        values.put(":kept", AttributeValue.fromBool(kept));
        String update = "SET #state = :answered, leaseUntil = :none, expiresAt = :expires, answerStatus = :status, "
                + "answerHeaders = :headers, answerBase64 = :base64, answerKept = :kept";
        if (body != null && kept) {
            values.put(":body", AttributeValue.fromB(SdkBytes.fromByteArray(body)));
            update += ", answerBody = :body";
        }
        String expression = update;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(requestId)).updateExpression(expression)
                    .conditionExpression("claim = :token").expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException takenOver) {
            // Another run of the same request took the claim after this one's lease ran out: its answer stands.
        }
    }

    @Override
    public void release(String requestId, String token) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(requestId)).conditionExpression("claim = :token")
                    .expressionAttributeValues(Map.of(":token", s(token))));
        } catch (ConditionalCheckFailedException takenOver) {
            // Not this request's claim any more: leave it to its holder.
        }
    }

    private static Used used(Map<String, AttributeValue> item) {
        boolean inProgress = IN_PROGRESS.equals(item.get("state").s());
        Instant leaseUntil = Instant.ofEpochMilli(Long.parseLong(item.get("leaseUntil").n()));
        Optional<Answer> answer = Optional.empty();
        if (!inProgress && item.get("answerKept").bool()) {
            Map<String, String> headers = new LinkedHashMap<>();
            item.get("answerHeaders").m().forEach((name, value) -> headers.put(name, value.s()));
            AttributeValue body = item.get("answerBody");
            answer = Optional.of(new Answer(Integer.parseInt(item.get("answerStatus").n()), headers,
                    body == null ? null : gunzip(body.b().asByteArray()), item.get("answerBase64").bool()));
        }
        return new Used(item.get("fingerprint").s(), answer, inProgress, leaseUntil);
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String gunzip(byte[] bytes) {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, AttributeValue> key(String requestId) {
        return Map.of(PK, s(TableKeys.requestPk(requestId)), SK, s(TableKeys.REQUEST_SK));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
