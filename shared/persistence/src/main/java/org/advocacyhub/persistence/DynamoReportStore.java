package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.ReportStore;
import org.advocacyhub.application.reports.QuarterlyReport;
import org.advocacyhub.domain.casework.AuditEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Update;

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
    public boolean claimSend(String reportId, String authority, Instant now) {
        Update claim = claim(table, reportId, authority, now);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(claim.key()).updateExpression(claim.updateExpression())
                    .conditionExpression(claim.conditionExpression()).expressionAttributeNames(claim.expressionAttributeNames())
                    .expressionAttributeValues(claim.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * The claim on one email of a report ({@code SEND#<sendKey>}), written alone ({@link #claimSend}) or in one transaction
     * with the link the email carries ({@link DynamoRestrictedLinks}). Never taken over once claimed (issue 19): only a
     * release after a refusal (nothing sent) lets it be claimed again.
     */
    static Update claim(String table, String reportId, String sendKey, Instant now) {
        return Update.builder().tableName(table).key(key(reportId, TableKeys.reportSendSk(sendKey)))
                .updateExpression("SET claimedAt = :now, #status = :sending")
                .conditionExpression("attribute_not_exists(sentAt) AND attribute_not_exists(claimedAt) AND attribute_not_exists(settledAt)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":now", s(now.toString()), ":sending", s(Outbox.Status.SENDING.name()))).build();
    }

    /** Lets go of a claim whose email did not go (never one that went). */
    static Update release(String table, String reportId, String sendKey) {
        return Update.builder().tableName(table).key(key(reportId, TableKeys.reportSendSk(sendKey))).updateExpression("REMOVE claimedAt, #status")
                .conditionExpression("attribute_not_exists(sentAt)").expressionAttributeNames(Map.of("#status", "status")).build();
    }

    @Override
    public void markSent(String reportId, String authority, String messageId, Instant at) {
        dynamo.updateItem(b -> b.tableName(table).key(key(reportId, TableKeys.reportSendSk(authority)))
                .updateExpression("SET sentAt = :at, messageId = :id, #status = :sent REMOVE claimedAt")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":at", s(at.toString()), ":id", s(messageId), ":sent", s(Outbox.Status.SENT.name()))));
    }

    @Override
    public void releaseSend(String reportId, String authority) {
        Update release = release(table, reportId, authority);
        dynamo.updateItem(b -> b.tableName(table).key(release.key()).updateExpression(release.updateExpression())
                .conditionExpression(release.conditionExpression()).expressionAttributeNames(release.expressionAttributeNames())
                .returnValues("NONE"));
    }

    @Override
    public Optional<SendRecord> sendRecord(String reportId, String authority) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(reportId, TableKeys.reportSendSk(authority)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Outbox.Status status = item.containsKey("sentAt") ? Outbox.Status.SENT : item.containsKey("status")
                ? Outbox.Status.valueOf(item.get("status").s()) : item.containsKey("claimedAt") ? Outbox.Status.SENDING : null;
        if (status == null) {
            return Optional.empty();
        }
        // Before issue 19 a claim was stored in sortable form; both parse as instants.
        Instant claimedAt = item.containsKey("claimedAt") ? Instant.parse(item.get("claimedAt").s()) : null;
        return Optional.of(new SendRecord(status, claimedAt, item.containsKey("messageId") ? item.get("messageId").s() : null));
    }

    @Override
    public boolean settleSend(String reportId, String authority, Instant claimedAt, Outbox.Status status, Instant at, String contract,
                              String what, String note) {
        if (status != Outbox.Status.NOT_SENT && status != Outbox.Status.NOT_KNOWN) {
            throw new IllegalArgumentException("settle a workbook's email as NOT_SENT or NOT_KNOWN");
        }
        Outbox.MailId id = new Outbox.MailId(new Outbox.ReportRequestOwner(reportId), authority);
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":status", s(status.name()));
        values.put(":at", s(at.toString()));
        values.put(":claimed", s(claimedAt.toString()));
        values.put(":note", s(note));
        values.put(":contract", s(contract));
        values.put(":what", s(what));
        values.put(":recipient", s("the council's report recipients"));
        values.put(":kind", s(Outbox.Kind.QUARTERLY_RETURN.name()));
        values.put(":ownerKind", s(id.owner().kind()));
        values.put(":ownerId", s(id.owner().id()));
        values.put(":mailKey", s(authority));
        values.put(":trouble", s(TableKeys.MAIL_TROUBLE));
        values.put(":sk", s(OutboxItems.indexSk(at, id)));
        try {
            // Listed for the duty managers with the outbox's own attributes (OutboxItems.trouble reads it).
            dynamo.updateItem(b -> b.tableName(table).key(key(reportId, TableKeys.reportSendSk(authority)))
                    .updateExpression("SET #status = :status, settledAt = :at, note = :note, contract = :contract, what = :what, "
                            + "recipient = :recipient, kind = :kind, ownerKind = :ownerKind, ownerId = :ownerId, mailKey = :mailKey, "
                            + "GSI1PK = :trouble, GSI1SK = :sk")
                    .conditionExpression("claimedAt = :claimed AND attribute_not_exists(sentAt)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
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

    static Map<String, AttributeValue> key(String reportId, String sk) {
        return Map.of(TableKeys.PK, s(TableKeys.reportRequestPk(reportId)), TableKeys.SK, s(sk));
    }
}
