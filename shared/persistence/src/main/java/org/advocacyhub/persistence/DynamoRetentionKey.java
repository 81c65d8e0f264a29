package org.advocacyhub.persistence;

import java.security.SecureRandom;
import java.util.Map;
import org.advocacyhub.application.port.RetentionKey;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The retention key as one item of the table ({@code KEY#RETENTION / KEY}), made on first use by a write that only the first
 * caller wins: two functions starting at once both end with the winner's key. Interpretation (issue 22: the key is to be
 * kept from those who could test a name against a pseudonym): whoever can read the table can already read every person's
 * data still there, so the item adds no reader; it belongs to no contract, so no contract's records include it.
 */
public final class DynamoRetentionKey implements RetentionKey {

    static final String PK_VALUE = "KEY#RETENTION";
    static final String SK_VALUE = "KEY";
    private static final int BYTES = 32;

    private final DynamoDbClient dynamo;
    private final String table;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    public DynamoRetentionKey(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = read();
            if (known == null) {
                byte[] made = new byte[BYTES];
                random.nextBytes(made);
                try {
                    dynamo.putItem(b -> b.tableName(table).item(Map.of(TableKeys.PK, AttributeValue.fromS(PK_VALUE),
                                    TableKeys.SK, AttributeValue.fromS(SK_VALUE), "type", AttributeValue.fromS("RETENTION_KEY"),
                                    "key", AttributeValue.fromB(SdkBytes.fromByteArray(made))))
                            .conditionExpression("attribute_not_exists(PK)"));
                } catch (ConditionalCheckFailedException another) {
                    // Another caller made it first: theirs is the key.
                }
                known = read();
            }
            key = known;
        }
        return known.clone();
    }

    private byte[] read() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, AttributeValue.fromS(PK_VALUE), TableKeys.SK, AttributeValue.fromS(SK_VALUE)))).item();
        return item == null || !item.containsKey("key") ? null : item.get("key").b().asByteArray();
    }
}
