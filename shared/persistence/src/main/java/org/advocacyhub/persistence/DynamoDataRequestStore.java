package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.CaseItemMapper.str;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.DataRequestStore;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.dataprotection.DataRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link DataRequestStore} on the single table: {@code DATA-REQUEST#<id> / REQUEST} holds the request, {@code AUDIT#at#id}
 * beside it its audit trail; the list index (GSI3) holds the open ones by due day ({@code DATA-REQUESTS#OPEN / <due>#<id>})
 * and the decided ones by when ({@code DATA-REQUESTS#DECIDED / <at>#<id>}).
 */
public final class DynamoDataRequestStore implements DataRequestStore {

    static final String PK_PREFIX = "DATA-REQUEST#";
    static final String SK_VALUE = "REQUEST";
    static final String OPEN = "DATA-REQUESTS#OPEN";
    static final String DECIDED = "DATA-REQUESTS#DECIDED";
    static final int ANSWER_KEPT_YEARS = 6;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDataRequestStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(DataRequest request, Instant reminderAt, AuditEntry audit) {
        return write(List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(request))
                        .conditionExpression("attribute_not_exists(PK)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(auditItem(request.id(), audit)).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(CaseItemMapper.dataRequestClockItem(request,
                        request.recordedAt(), request.dueAt(), reminderAt)).build()).build()));
    }

    @Override
    public Optional<DataRequest> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(request(item));
    }

    @Override
    public boolean save(DataRequest before, DataRequest after, AuditEntry audit) {
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(after.nextVersion()))
                        .conditionExpression("version = :v")
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(before.version())))).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(auditItem(after.id(), audit)).build()).build()));
        if (!after.open()) {
            // Answered: its clock stops, so no reminder or escalation follows.
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(Map.of(TableKeys.PK, s(PK_PREFIX + after.id()),
                    TableKeys.SK, s(TableKeys.clockSk(DataRequest.CLOCK))))).build());
        }
        return write(writes);
    }

    private boolean write(List<TransactWriteItem> writes) {
        return Transactions.writeIfFirstHolds(dynamo, writes);
    }

    @Override
    public void audit(String id, AuditEntry entry) {
        dynamo.putItem(b -> b.tableName(table).item(auditItem(id, entry)));
    }

    @Override
    public List<AuditEntry> audit(String id) {
        List<AuditEntry> entries = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :audit)")
                        .expressionAttributeValues(Map.of(":pk", s(PK_PREFIX + id), ":audit", s("AUDIT#"))))
                .items().forEach(item -> entries.add(new AuditEntry(str(item, "recordId"), Instant.parse(str(item, "at")),
                        str(item, "staffId"), str(item, "action"))));
        return entries;
    }

    @Override
    public List<DataRequest> list(boolean open, int limit) {
        List<DataRequest> found = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).indexName(TableKeys.GSI3).keyConditionExpression("GSI3PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(open ? OPEN : DECIDED))).scanIndexForward(open).limit(limit))
                .items().stream().limit(limit).forEach(item -> found.add(request(item)));
        return found;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(TableKeys.PK, s(PK_PREFIX + id), TableKeys.SK, s(SK_VALUE));
    }

    private static Map<String, AttributeValue> auditItem(String id, AuditEntry entry) {
        return Map.of(TableKeys.PK, s(PK_PREFIX + id), TableKeys.SK, s(TableKeys.recordSk("AUDIT#", entry.at(), entry.id())),
                CaseItemMapper.TYPE, s("AUDIT"), "recordId", s(entry.id()), "at", s(entry.at().toString()),
                "staffId", s(entry.staffId()), "action", s(entry.action()));
    }

    static Map<String, AttributeValue> item(DataRequest r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.id()));
        item.put(CaseItemMapper.TYPE, s("DATA_REQUEST"));
        item.put("id", s(r.id()));
        item.put("kind", s(r.kind().name()));
        item.put("name", s(r.name()));
        item.put("dateOfBirth", s(r.dateOfBirth().toString()));
        item.put("details", s(r.details()));
        item.put("receivedOn", s(r.receivedOn().toString()));
        item.put("dueOn", s(r.dueOn().toString()));
        item.put("recordedAt", s(r.recordedAt().toString()));
        item.put("recordedBy", s(r.recordedBy()));
        item.put("version", AttributeValue.fromN(Long.toString(r.version())));
        if (r.decision() == null) {
            item.put(TableKeys.GSI3PK, s(OPEN));
            item.put(TableKeys.GSI3SK, s(r.dueOn() + "#" + r.id()));
        } else {
            DataRequest.Decision d = r.decision();
            Map<String, AttributeValue> decision = new HashMap<>();
            decision.put("outcome", s(d.outcome().name()));
            if (d.ground() != null) {
                decision.put("ground", s(d.ground().name()));
            }
            decision.put("note", s(d.note()));
            decision.put("at", s(d.at().toString()));
            decision.put("by", s(d.by()));
            decision.put("references", AttributeValue.fromL(d.references().stream().map(CaseItemMapper::s).toList()));
            item.put("decision", AttributeValue.fromM(decision));
            item.put(TableKeys.GSI3PK, s(DECIDED));
            item.put(TableKeys.GSI3SK, s(d.at() + "#" + r.id()));
            // Interpretation (a provider's choice, as a closed case's): the record that a request was answered, and how, is
            // kept six years after the answer, the Limitation Act 1980 period for a claim about it; then the table's TTL
            // deletes it. Its audit entries name staff and actions only.
            item.put(TableKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(d.at().atZone(java.time.ZoneOffset.UTC)
                    .plusYears(ANSWER_KEPT_YEARS).toEpochSecond())));
        }
        return item;
    }

    static DataRequest request(Map<String, AttributeValue> item) {
        DataRequest.Decision decision = null;
        if (item.containsKey("decision")) {
            Map<String, AttributeValue> d = item.get("decision").m();
            decision = new DataRequest.Decision(DataRequest.Outcome.valueOf(str(d, "outcome")),
                    d.containsKey("ground") ? DataRequest.Ground.valueOf(str(d, "ground")) : null, str(d, "note"),
                    Instant.parse(str(d, "at")), str(d, "by"), d.get("references").l().stream().map(AttributeValue::s).toList());
        }
        return new DataRequest(str(item, "id"), DataRequest.Kind.valueOf(str(item, "kind")), str(item, "name"),
                LocalDate.parse(str(item, "dateOfBirth")), str(item, "details"), LocalDate.parse(str(item, "receivedOn")),
                LocalDate.parse(str(item, "dueOn")), Instant.parse(str(item, "recordedAt")), str(item, "recordedBy"), decision,
                Long.parseLong(item.get("version").n()));
    }
}
