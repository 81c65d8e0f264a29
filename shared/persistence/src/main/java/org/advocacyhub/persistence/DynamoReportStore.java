package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.ReportStore;
import org.advocacyhub.application.reports.QuarterlyReport;
import org.advocacyhub.domain.casework.AuditEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link ReportStore} on the single table: {@code REPORT#id} holds the request, one {@code SEND#authority} per workbook, and its audit. */
public final class DynamoReportStore implements ReportStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(QuarterlyReport report) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(ReportItemMapper.toItem(report)).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<QuarterlyReport> find(String reportId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(reportId, TableKeys.REPORT_SK))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ReportItemMapper.toReport(item));
    }

    @Override
    public java.util.List<QuarterlyReport> recent(String contract, int limit) {
        // GSI3 is eventually consistent: a report asked for a moment ago may be missing for a moment (its own page reads it by key).
        return dynamo.query(b -> b.tableName(table).indexName(TableKeys.GSI3).keyConditionExpression("GSI3PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(TableKeys.reportListPk(contract)))).scanIndexForward(false).limit(limit))
                .items().stream().map(ReportItemMapper::toReport).toList();
    }

    @Override
    public boolean save(QuarterlyReport report) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(ReportItemMapper.toItem(report.nextVersion())).conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(report.version())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean claimSend(String reportId, String authority, Instant now, Duration lease) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(reportId, TableKeys.reportSendSk(authority)))
                    .updateExpression("SET claimedAt = :now")
                    .conditionExpression("attribute_not_exists(sentAt) AND (attribute_not_exists(claimedAt) OR claimedAt < :stale)")
                    .expressionAttributeValues(Map.of(":now", s(TableKeys.sortable(now)), ":stale", s(TableKeys.sortable(now.minus(lease))))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void markSent(String reportId, String authority, String messageId, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(key(reportId, TableKeys.reportSendSk(authority)))
                .updateExpression("SET sentAt = :at, messageId = :id REMOVE claimedAt")
                .expressionAttributeValues(Map.of(":at", s(at.toString()), ":id", s(messageId))));
    }

    @Override
    public void releaseSend(String reportId, String authority) {
        dynamo.updateItem(b -> b.tableName(table).key(key(reportId, TableKeys.reportSendSk(authority))).updateExpression("REMOVE claimedAt")
                .conditionExpression("attribute_not_exists(sentAt)").returnValues("NONE"));
    }

    @Override
    public Optional<String> sentMessage(String reportId, String authority) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(reportId, TableKeys.reportSendSk(authority)))).item();
        return item == null || !item.containsKey("messageId") ? Optional.empty() : Optional.of(item.get("messageId").s());
    }

    @Override
    public boolean startDeadline(org.advocacyhub.domain.reports.ReportDeadline deadline) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(CaseItemMapper.reportDeadlineItem(deadline))
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void deadlineSent(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter, String authority,
                             java.util.Set<String> all, Instant at) {
        Map<String, AttributeValue> key = deadlineKey(contract, quarter);
        Map<String, AttributeValue> after;
        try {
            after = dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("ADD sentTo :a")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":a", AttributeValue.fromSs(java.util.List.of(authority))))
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)).attributes();
        } catch (ConditionalCheckFailedException noDeadline) {
            return;
        }
        if (after.get("sentTo").ss().containsAll(all) && !after.containsKey("stoppedAt")) {
            // Stopped: out of the alert and due indexes, kept so that it is not started again.
            dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET stoppedAt = :now REMOVE GSI1PK, GSI1SK, GSI3PK, GSI3SK, waiting, alertAt")
                    .expressionAttributeValues(Map.of(":now", s(at.toString()))));
        }
    }

    private static Map<String, AttributeValue> deadlineKey(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter) {
        return Map.of(TableKeys.PK, s(TableKeys.reportDeadlinePk(contract, quarter.key())),
                TableKeys.SK, s(TableKeys.clockSk(org.advocacyhub.domain.reports.ReportDeadline.CLOCK)));
    }

    @Override
    public Optional<Instant> deadlineDue(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(deadlineKey(contract, quarter))).item();
        return item == null || item.isEmpty() || item.containsKey("stoppedAt") ? Optional.empty()
                : Optional.of(Instant.parse(item.get("dueAt").s()));
    }

    @Override
    public void audit(String reportId, AuditEntry entry) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(TableKeys.PK, s(TableKeys.reportRequestPk(reportId)),
                TableKeys.SK, s(TableKeys.recordSk("AUDIT#", entry.at(), entry.id())), CaseItemMapper.TYPE, s("AUDIT"),
                "at", s(entry.at().toString()), "staffId", s(entry.staffId()), "action", s(entry.action()))));
    }

    private static Map<String, AttributeValue> key(String reportId, String sk) {
        return Map.of(TableKeys.PK, s(TableKeys.reportRequestPk(reportId)), TableKeys.SK, s(sk));
    }
}
