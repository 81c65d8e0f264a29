package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.TableKeys.PK;
import static org.advocacyhub.persistence.TableKeys.SK;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.port.AlertLedger;
import org.advocacyhub.domain.time.WorkingCalendar;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link AlertLedger} on the single table: a clock's alert beside its case
 * ({@code CASE#ref / ALERT#clock#kind#due}), a digest under its day ({@code DIGEST#day / STAFF#id},
 * removed by TTL after {@link #DIGEST_KEPT}). Each claim is one conditional write.
 */
public final class DynamoAlertLedger implements AlertLedger {

    /** How long a digest's record is kept: long enough to answer "did I get Monday's digest?". */
    static final Duration DIGEST_KEPT = Duration.ofDays(35);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAlertLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Claim> claim(Alert key, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":claimed", s(Status.CLAIMED.name()));
        values.put(":failed", s(Status.FAILED.name()));
        values.put(":at", s(at.toString()));
        values.put(":one", AttributeValue.fromN("1"));
        String set = "SET #status = :claimed, claimedAt = :at, #type = :type";
        values.put(":type", s("ALERT"));
        if (key instanceof Alert.Digest digest) {
            set += ", expiresAt = :expires";
            Instant dayStart = digest.day().atStartOfDay(WorkingCalendar.ZONE).toInstant();
            values.put(":expires", AttributeValue.fromN(Long.toString(dayStart.plus(DIGEST_KEPT).getEpochSecond())));
        }
        String update = set + " ADD attempts :one";
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression(update)
                    .conditionExpression("attribute_not_exists(PK) OR #status = :failed")
                    .expressionAttributeNames(Map.of("#status", "status", "#type", CaseItemMapper.TYPE))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            Set<String> sentTo = item.containsKey("sentTo") ? Set.copyOf(item.get("sentTo").ss()) : Set.of();
            return Optional.of(new Claim(key, Integer.parseInt(item.get("attempts").n()), sentTo));
        } catch (ConditionalCheckFailedException heldSentOrSkipped) {
            return Optional.empty();
        }
    }

    @Override
    public void sentTo(Alert key, String staffId) {
        dynamo.updateItem(b -> b.tableName(table).key(key(key))
                .updateExpression("ADD sentTo :staff")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":staff", AttributeValue.fromSs(java.util.List.of(staffId)))));
    }

    @Override
    public void finish(Alert key, Status status, Instant at, String note) {
        if (status == Status.CLAIMED) {
            throw new IllegalArgumentException("finish with SENT, FAILED or SKIPPED");
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", s(status.name()));
        values.put(":at", s(at.toString()));
        String update = "SET #status = :status, finishedAt = :at";
        if (note != null) {
            update += ", note = :note";
            values.put(":note", s(note));
        }
        String expression = update;
        dynamo.updateItem(b -> b.tableName(table).key(key(key))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values));
    }

    @Override
    public Optional<Status> status(Alert key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(key))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Status.valueOf(item.get("status").s()));
    }

    private static Map<String, AttributeValue> key(Alert key) {
        if (key instanceof Alert.Deadline alert) {
            return Map.of(PK, s(TableKeys.casePk(alert.reference())),
                    SK, s(TableKeys.alertSk(alert.clock(), alert.kind().name(), alert.dueAt())));
        }
        if (key instanceof Alert.Callback callback) {
            return Map.of(PK, s(TableKeys.messagePk(callback.messageId())),
                    SK, s(TableKeys.alertSk(org.advocacyhub.domain.contract.Contract.ANSWERPHONE_CLOCK, callback.kind().name(), callback.dueAt())));
        }
        if (key instanceof Alert.ReportDue report) {
            return Map.of(PK, s(TableKeys.reportDeadlinePk(report.contract(), report.quarter().key())),
                    SK, s(TableKeys.alertSk(org.advocacyhub.domain.reports.ReportDeadline.CLOCK, report.kind().name(), report.dueAt())));
        }
        Alert.Digest digest = (Alert.Digest) key;
        return Map.of(PK, s(TableKeys.digestPk(digest.day())), SK, s(TableKeys.staffSk(digest.staffId())));
    }
}
