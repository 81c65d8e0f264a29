package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.RestrictedLinks;
import org.advocacyhub.domain.reports.RestrictedLink;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link RestrictedLinks} on the single table (issue 23): {@code RESTRICTED-LINK#<sha256 of the token> / RESTRICTED_LINK}
 * with the report, the council, the restricted workbook's key and when it was issued, the TTL attribute {@code expiresAt}
 * its expiry (DynamoDB deletes it some time after; the link is refused from that second on whatever TTL has done). It is
 * put in one transaction with the report's claim on the email that carries it ({@link DynamoReportStore#claim}), the claim
 * first: a claim made before cancels the whole write.
 */
public final class DynamoRestrictedLinks implements RestrictedLinks {

    static final String TYPE = "RESTRICTED_LINK";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRestrictedLinks(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean claimSendWithLink(String reportId, String sendKey, Instant now, RestrictedLink link) {
        return Transactions.writeIfFirstHolds(dynamo, List.of(
                TransactWriteItem.builder().update(DynamoReportStore.claim(table, reportId, sendKey, now)).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(link))
                        .conditionExpression("attribute_not_exists(PK)").build()).build()));
    }

    @Override
    public void releaseSendWithLink(String reportId, String sendKey, String tokenHash) {
        // False only for an email that went meanwhile (never: its sender holds the claim), and then nothing is removed.
        Transactions.writeIfFirstHolds(dynamo, List.of(
                TransactWriteItem.builder().update(DynamoReportStore.release(table, reportId, sendKey)).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(tokenHash)).build()).build()));
    }

    @Override
    public Optional<RestrictedLink> byHash(String tokenHash) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(tokenHash))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String hash = item.get(TableKeys.PK).s().substring(TableKeys.restrictedLinkPk("").length());
        return Optional.of(new RestrictedLink(hash, item.get("reportId").s(), item.get("authority").s(), item.get("archiveKey").s(),
                Instant.parse(item.get("issuedAt").s()), Instant.ofEpochSecond(Long.parseLong(item.get(TableKeys.EXPIRES_AT).n()))));
    }

    static Map<String, AttributeValue> item(RestrictedLink link) {
        Map<String, AttributeValue> item = new HashMap<>(key(link.tokenHash()));
        item.put(CaseItemMapper.TYPE, s(TYPE));
        item.put("reportId", s(link.reportId()));
        item.put("authority", s(link.authority()));
        item.put("archiveKey", s(link.archiveKey()));
        item.put("issuedAt", s(link.issuedAt().toString()));
        // The TTL and the expiry at once: to the second, never later than the link's.
        item.put(TableKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(link.expiresAt().getEpochSecond())));
        return item;
    }

    private static Map<String, AttributeValue> key(String tokenHash) {
        return Map.of(TableKeys.PK, s(TableKeys.restrictedLinkPk(tokenHash)), TableKeys.SK, s(TableKeys.RESTRICTED_LINK_SK));
    }
}
