package org.advocacyhub.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * DynamoDB's time to live for DynamoDB Local, which has none: each table's TTL attribute (template.yaml
 * {@code TimeToLiveSpecification}) read against the local clock, and every item past it deleted, as DynamoDB deletes expired
 * items in AWS (issue 22: an answerphone message's 90 days, a complaint's three years, a request record's day all end on
 * {@code ./run-local} when its clock is moved past them). Each delete is conditional on the item still carrying the time it
 * was read with, so an item given a later time meanwhile stays. A whole-table Scan: a local engine's chore, never a
 * function's read.
 *
 * <p>The local clock can be ahead of the real one; a console session's time is the real clock's (its sign-in is Cognito's,
 * which does not move: {@code ConsoleFactory}), so a session ends on the real clock here too, and moving the local clock
 * signs no one out.
 */
public final class LocalTimeToLive implements AutoCloseable {

    /** The item types whose expiry is on the real clock. */
    static final java.util.Set<String> REAL_TIME_TYPES = java.util.Set.of("SESSION");

    private final DynamoDbClient dynamo;
    private final Map<String, String> attributeByTable;
    private final Clock clock;
    private final ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-ttl");
        thread.setDaemon(true);
        return thread;
    });

    /** @param attributeByTable each table's name to its TTL attribute */
    public LocalTimeToLive(DynamoDbClient dynamo, Map<String, String> attributeByTable, Clock clock) {
        this.dynamo = dynamo;
        this.attributeByTable = Map.copyOf(attributeByTable);
        this.clock = clock;
    }

    /** The template's tables with TTL, by their names on the local stack. */
    public static LocalTimeToLive of(TemplateResources stack, DynamoDbClient dynamo, Clock clock) {
        Map<String, String> tables = new java.util.LinkedHashMap<>();
        for (SamTemplate.TableDefinition table : stack.template().tables()) {
            if (table.ttlAttribute() != null) {
                tables.put(stack.tableName(table.logicalId()), table.ttlAttribute());
            }
        }
        return new LocalTimeToLive(dynamo, tables, clock);
    }

    /** Sweeps every {@code period} in the background (DynamoDB deletes within days; here within a period). */
    public LocalTimeToLive start(java.time.Duration period) {
        every.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                // An engine stopping, or a busy moment: the next sweep tries again.
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Deletes every item past its time now; how many. */
    public synchronized int sweep() {
        long now = clock.instant().getEpochSecond();
        long realNow = java.time.Instant.now().getEpochSecond();
        int deleted = 0;
        for (Map.Entry<String, String> table : attributeByTable.entrySet()) {
            String attribute = table.getValue();
            List<Map<String, AttributeValue>> expired = new ArrayList<>();
            dynamo.scanPaginator(b -> b.tableName(table.getKey()).filterExpression("#ttl < :now")
                            .expressionAttributeNames(Map.of("#ttl", attribute))
                            .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)))))
                    .items().forEach(expired::add);
            for (Map<String, AttributeValue> item : expired) {
                AttributeValue type = item.get("type");
                if (type != null && REAL_TIME_TYPES.contains(type.s()) && Long.parseLong(item.get(attribute).n()) >= realNow) {
                    continue;
                }
                try {
                    dynamo.deleteItem(b -> b.tableName(table.getKey()).key(Map.of("PK", item.get("PK"), "SK", item.get("SK")))
                            .conditionExpression("#ttl = :seen").expressionAttributeNames(Map.of("#ttl", attribute))
                            .expressionAttributeValues(Map.of(":seen", item.get(attribute))));
                    deleted++;
                } catch (ConditionalCheckFailedException renewed) {
                    // Given a later time meanwhile: kept.
                }
            }
        }
        return deleted;
    }

    @Override
    public void close() {
        every.shutdownNow();
    }
}
