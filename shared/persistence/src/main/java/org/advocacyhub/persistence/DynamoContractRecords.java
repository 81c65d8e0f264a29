package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.advocacyhub.application.port.ContractRecords;
import org.advocacyhub.domain.casework.AuditEntry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link ContractRecords} on the single table (issue 22 item 4): a contract's items are those in the partitions
 * {@link TableKeys#contractPartitionPrefixes} names; the handover ledger is {@code HANDOVER#<contract>}.
 *
 * <p>Reading a whole contract is a Scan, page by page, keeping the items whose partition key names the contract: the one
 * Scan of the hub (its README: "nothing Scans" in the work of the day). A handover is a rare, whole-contract administrative
 * read, and no Query finds every kind: a contract's answerphone source keys, returns partitions, report deadlines and
 * sequences are in partitions no index lists. Each page is read strongly consistent and handed on before the next is read.
 */
public final class DynamoContractRecords implements ContractRecords {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    /** Tries of a batch that the table refused for a reason other than an item already there (a conflict, throttling). */
    private static final int ATTEMPTS = 6;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoJsonLines lines;

    public DynamoContractRecords(DynamoDbClient dynamo, String table, DynamoJsonLines lines) {
        this.dynamo = dynamo;
        this.table = table;
        this.lines = lines;
    }

    @Override
    public void read(String contract, Consumer<List<Line>> page) {
        scan(contract, false, items -> {
            List<Line> encoded = new ArrayList<>(items.size());
            for (Map<String, AttributeValue> item : items) {
                encoded.add(new Line(DynamoJsonLines.kind(item), lines.encode(item)));
            }
            page.accept(encoded);
            return true;
        });
    }

    @Override
    public boolean holdsAny(String contract) {
        boolean[] found = {false};
        scan(contract, true, items -> {
            found[0] = true;
            return false;
        });
        return found[0];
    }

    /** Scans the contract's partitions, handing each non-empty page to {@code page} until it answers false. */
    private void scan(String contract, boolean keysOnly, java.util.function.Predicate<List<Map<String, AttributeValue>>> page) {
        List<String> prefixes = TableKeys.contractPartitionPrefixes(contract);
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < prefixes.size(); i++) {
            values.put(":p" + i, s(prefixes.get(i)));
            conditions.add("begins_with(PK, :p" + i + ")");
        }
        ScanRequest.Builder request = ScanRequest.builder().tableName(table).consistentRead(true)
                .filterExpression(String.join(" OR ", conditions)).expressionAttributeValues(values);
        if (keysOnly) {
            request.projectionExpression("PK, SK");
        }
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse response = dynamo.scan(request.exclusiveStartKey(start).build());
            if (response.hasItems() && !response.items().isEmpty() && !page.test(response.items())) {
                return;
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
    }

    @Override
    public String check(String contract, String json) {
        Map<String, AttributeValue> item = lines.decode(json);
        String pk = item.get(TableKeys.PK).s();
        if (TableKeys.contractPartitionPrefixes(contract).stream().noneMatch(pk::startsWith)) {
            throw new IllegalArgumentException("the item " + pk + " is not of the contract " + contract);
        }
        return DynamoJsonLines.kind(item);
    }

    @Override
    public Written putAbsent(List<String> batch) {
        List<Map<String, AttributeValue>> pending = new ArrayList<>();
        for (String line : batch) {
            pending.add(lines.decode(line));
        }
        int written = 0;
        int alreadyThere = 0;
        int attempt = 0;
        while (!pending.isEmpty()) {
            List<TransactWriteItem> puts = pending.stream().map(item -> TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(item).conditionExpression("attribute_not_exists(PK)").build()).build()).toList();
            try {
                dynamo.transactWriteItems(b -> b.transactItems(puts));
                written += pending.size();
                break;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (reasons.size() != pending.size()) {
                    throw e;
                }
                List<Map<String, AttributeValue>> again = new ArrayList<>();
                boolean otherReason = false;
                for (int i = 0; i < reasons.size(); i++) {
                    Map<String, AttributeValue> item = pending.get(i);
                    String code = reasons.get(i).code();
                    if (CONDITION_FAILED.equals(code)) {
                        Map<String, AttributeValue> there = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(item))).item();
                        if (there == null || there.isEmpty()) {
                            again.add(item);
                        } else if (lines.same(there, item)) {
                            alreadyThere++;
                        } else {
                            throw new Differs(item.get(TableKeys.PK).s() + " / " + item.get(TableKeys.SK).s());
                        }
                    } else {
                        // "None": cancelled with the others, not written; any other reason: tried again, a few times.
                        otherReason |= code != null && !"None".equals(code);
                        again.add(item);
                    }
                }
                if (otherReason && ++attempt >= ATTEMPTS) {
                    throw e;
                }
                if (otherReason) {
                    pause(attempt);
                }
                pending = again;
            }
        }
        return new Written(written, alreadyThere);
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of(TableKeys.PK, item.get(TableKeys.PK), TableKeys.SK, item.get(TableKeys.SK));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the table was busy", e);
        }
    }

    @Override
    public void audit(String contract, AuditEntry entry) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(TableKeys.PK, s(TableKeys.handoverPk(contract)),
                TableKeys.SK, s(TableKeys.recordSk("AUDIT#", entry.at(), entry.id())), CaseItemMapper.TYPE, s("AUDIT"),
                "recordId", s(entry.id()), "at", s(entry.at().toString()), "staffId", s(entry.staffId()), "action", s(entry.action()))));
    }

    @Override
    public Optional<ImportState> importState(String contract, String exportId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(importKey(contract, exportId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImportState(exportId, item.get("startedBy").s(), Instant.parse(item.get("startedAt").s()),
                item.containsKey("finishedAt") ? Instant.parse(item.get("finishedAt").s()) : null,
                item.containsKey("items") ? Long.parseLong(item.get("items").n()) : 0));
    }

    @Override
    public boolean startImport(String contract, String exportId, String by, Instant at) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(importKey(contract, exportId));
        item.put(CaseItemMapper.TYPE, s("HANDOVER_IMPORT"));
        item.put("exportId", s(exportId));
        item.put("startedBy", s(by));
        item.put("startedAt", s(at.toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void finishImport(String contract, String exportId, Instant at, long items) {
        dynamo.updateItem(b -> b.tableName(table).key(importKey(contract, exportId))
                .updateExpression("SET finishedAt = :at, #items = :items").conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#items", "items"))
                .expressionAttributeValues(Map.of(":at", s(at.toString()), ":items", AttributeValue.fromN(Long.toString(items)))));
    }

    private static Map<String, AttributeValue> importKey(String contract, String exportId) {
        return Map.of(TableKeys.PK, s(TableKeys.handoverPk(contract)), TableKeys.SK, s(TableKeys.importSk(exportId)));
    }
}
