package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.TableKeys.PK;
import static org.advocacyhub.persistence.TableKeys.SK;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.port.AlertLedger;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.domain.time.WorkingCalendar;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link AlertLedger} on the single table: a clock's alert beside its case
 * ({@code CASE#ref / ALERT#clock#kind#due}), a digest under its day ({@code DIGEST#day / STAFF#id},
 * removed by TTL after {@link #DIGEST_KEPT}). An alert is decided in one conditional write: its
 * record and its emails into the outbox (issue 19).
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
    public boolean record(Alert alert, Status status, Instant at, String note, List<Outbox.OutboxMail> mails) {
        if (status != Status.QUEUED && status != Status.SKIPPED) {
            throw new IllegalArgumentException("record an alert as QUEUED or SKIPPED");
        }
        Map<String, AttributeValue> item = new HashMap<>(key(alert));
        item.put(CaseItemMapper.TYPE, s("ALERT"));
        item.put("status", s(status.name()));
        item.put("decidedAt", s(at.toString()));
        item.put("emails", AttributeValue.fromN(Integer.toString(mails.size())));
        if (note != null) {
            item.put("note", s(note));
        }
        if (alert instanceof Alert.Digest digest) {
            Instant dayStart = digest.day().atStartOfDay(WorkingCalendar.ZONE).toInstant();
            item.put(TableKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(dayStart.plus(DIGEST_KEPT).getEpochSecond())));
        }
        // Never decided, or (before issue 19) its last send failed and said so.
        Put put = Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK) OR #status = :failed")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":failed", s(Status.FAILED.name()))).build();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(put).build());
        writes.addAll(OutboxItems.puts(table, mails));
        return Transactions.writeIfFirstHolds(dynamo, writes);
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
        if (key instanceof Alert.DataRequestDue request) {
            return Map.of(PK, s(TableKeys.dataRequestPk(request.requestId())),
                    SK, s(TableKeys.alertSk(org.advocacyhub.domain.dataprotection.DataRequest.CLOCK, request.kind().name(), request.dueAt())));
        }
        if (key instanceof Alert.CaseStudiesDue studies) {
            // Issue 23: one a contract and quarter, beside its report deadline's alerts.
            return Map.of(PK, s(TableKeys.reportDeadlinePk(studies.contract(), studies.quarter().key())),
                    SK, s(TableKeys.alertSk(org.advocacyhub.application.alerts.SendAlert.CASE_STUDIES_CLOCK, "REMINDER", studies.dueAt())));
        }
        Alert.Digest digest = (Alert.Digest) key;
        return Map.of(PK, s(TableKeys.digestPk(digest.day())), SK, s(TableKeys.staffSk(digest.staffId())));
    }
}
