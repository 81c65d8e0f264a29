package org.advocacyhub.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.ConsoleSessions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ConsoleSessions} on the single table: {@code SESSION#<digest> / SESSION}, removed by TTL ({@code expiresAt})
 * once the session would have expired. Read consistently: a session ended a moment ago is ended.
 */
public final class DynamoConsoleSessions implements ConsoleSessions {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoConsoleSessions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void open(String key, Stored session) {
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put(CaseItemMapper.TYPE, s("SESSION"));
        item.put("subject", s(session.subject()));
        if (session.email() != null) {
            item.put("email", s(session.email()));
        }
        if (session.groups() != null) {
            item.put("groups", s(session.groups()));
        }
        if (session.role() != null) {
            item.put("role", s(session.role()));
        }
        item.put(TableKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(session.expiresAt().getEpochSecond())));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<Stored> find(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(key))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Stored(item.get("subject").s(), text(item, "email"), text(item, "groups"), text(item, "role"),
                Instant.ofEpochSecond(Long.parseLong(item.get(TableKeys.EXPIRES_AT).n()))));
    }

    @Override
    public void bind(String key, String role) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(key)).conditionExpression("attribute_exists(PK)")
                    .updateExpression("SET #role = :role").expressionAttributeNames(Map.of("#role", "role"))
                    .expressionAttributeValues(Map.of(":role", s(role))));
        } catch (ConditionalCheckFailedException ended) {
            // Ended meanwhile (signed out in another tab): nothing to bind.
        }
    }

    @Override
    public void close(String key) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(key)));
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(TableKeys.PK, s(TableKeys.sessionPk(key)), TableKeys.SK, s(TableKeys.SESSION_SK));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
