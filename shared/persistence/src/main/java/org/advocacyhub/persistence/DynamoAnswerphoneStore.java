package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.CaseItemMapper.str;
import static org.advocacyhub.persistence.TableKeys.EXPIRES_AT;
import static org.advocacyhub.persistence.TableKeys.PK;
import static org.advocacyhub.persistence.TableKeys.SK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import org.advocacyhub.domain.answerphone.CallbackAttempt;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.Digests;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.time.FinancialQuarter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** {@link AnswerphoneStore} on the single table (see {@link TableKeys}). Queries only, never a Scan. */
public final class DynamoAnswerphoneStore implements AnswerphoneStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final ContractCatalogue contracts;

    public DynamoAnswerphoneStore(DynamoDbClient dynamo, String table, ContractCatalogue contracts) {
        this.dynamo = dynamo;
        this.table = table;
        this.contracts = contracts;
    }

    @Override
    public long nextSequence(String contract, int year) {
        Map<String, AttributeValue> attributes = dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of(PK, s(TableKeys.sequencePk(AnswerphoneMessage.PREFIX + contract, year)), SK, s(TableKeys.SEQUENCE_SK)))
                .updateExpression("ADD lastValue :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return Long.parseLong(attributes.get("lastValue").n());
    }

    @Override
    public Recorded record(AnswerphoneMessage message, Optional<SourceKey> source, AuditEntry audit, Instant expiresAt) {
        Contract contract = contract(message);
        Optional<DeadlineAlerts.Watched> watched = DeadlineAlerts.watched(message, contract);
        Instant due = message.clock().dueAt(contract.calendar()).orElseThrow();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(AnswerphoneItemMapper.toItem(message, due, expiresAt), "attribute_not_exists(PK)"));
        writes.addAll(clockWrites(message, List.of(), watched.stream().toList(), expiresAt));
        writes.add(put(AnswerphoneItemMapper.keptItem(message, due), null));
        writes.add(put(AnswerphoneItemMapper.toItem(message.id(), audit, expiresAt), null));
        source.ifPresent(key -> {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(PK, s(TableKeys.messageSourcePk(message.contract(), Digests.sha256Hex(key.key()))));
            item.put(SK, s(TableKeys.MESSAGE_SOURCE_SK));
            item.put("messageId", s(message.id()));
            item.put("fingerprint", s(key.fingerprint()));
            item.put(EXPIRES_AT, AnswerphoneItemMapper.epoch(expiresAt));
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(PK)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build());
        });
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return new Stored();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            CancellationReason last = reasons.isEmpty() ? null : reasons.get(reasons.size() - 1);
            if (source.isPresent() && last != null && "ConditionalCheckFailed".equals(last.code()) && last.hasItem()) {
                return new AlreadyStored(str(last.item(), "messageId"), source.get().fingerprint().equals(str(last.item(), "fingerprint")));
            }
            throw e;
        }
    }

    @Override
    public Optional<AnswerphoneMessage> find(String messageId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(TableKeys.messagePk(messageId)), SK, s(TableKeys.MESSAGE_SK)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(AnswerphoneItemMapper.toMessage(item));
    }

    @Override
    public List<CallbackAttempt> attempts(String messageId) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :response)")
                        .expressionAttributeValues(Map.of(":pk", s(TableKeys.messagePk(messageId)), ":response", s("RESPONSE#"))))
                .items().stream().map(AnswerphoneItemMapper::toAttempt).toList();
    }

    @Override
    public boolean saveAttempt(AnswerphoneMessage before, AnswerphoneMessage after, CallbackAttempt attempt, AuditEntry audit,
                               Instant expiresAt) {
        Contract contract = contract(after);
        AnswerphoneMessage stored = after.nextVersion();
        Instant due = after.clock().dueAt(contract.calendar()).orElseThrow();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(AnswerphoneItemMapper.toItem(stored, due, expiresAt))
                .conditionExpression("version = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(before.version())))).build()).build());
        writes.add(put(AnswerphoneItemMapper.toItem(after.id(), attempt, expiresAt), null));
        writes.add(put(AnswerphoneItemMapper.toItem(after.id(), audit, expiresAt), null));
        writes.addAll(clockWrites(after, DeadlineAlerts.watched(before, contract).stream().toList(),
                DeadlineAlerts.watched(after, contract).stream().toList(), expiresAt));
        if (after.responded() && !before.responded()) {
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(AnswerphoneItemMapper.keptKey(after))
                    .updateExpression("SET respondedAt = :at")
                    .expressionAttributeValues(Map.of(":at", s(after.clock().stopped().orElseThrow().toString()))).build()).build());
        }
        return Transactions.writeIfFirstHolds(dynamo, writes);
    }

    @Override
    public Page list(String contract, List<Listing> listings, String pageToken, int limit) {
        PageToken token = PageToken.decode(pageToken);
        if (token.partition() >= listings.size() || token.lastKey() != null && !s(TableKeys.messageListPk(contract,
                listings.get(token.partition()).name())).equals(token.lastKey().get(TableKeys.GSI3PK))) {
            throw new IllegalArgumentException("not a page token of this list");
        }
        List<AnswerphoneMessage> page = new ArrayList<>();
        int partition = token.partition();
        Map<String, AttributeValue> startKey = token.lastKey();
        Map<String, AttributeValue> lastKey = null;
        int lastPartition = partition;
        boolean more = false;
        while (partition < listings.size()) {
            Listing listing = listings.get(partition);
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(TableKeys.GSI3)
                    .keyConditionExpression("GSI3PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(TableKeys.messageListPk(contract, listing.name()))))
                    // Open: soonest due first. Responded: newest first.
                    .scanIndexForward(listing == Listing.OPEN)
                    // One more than still wanted, so that a next token is given only when another message follows.
                    .limit(limit - page.size() + 1);
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse response = dynamo.query(query.build());
            for (Map<String, AttributeValue> item : response.items()) {
                if (page.size() == limit) {
                    more = true;
                    break;
                }
                page.add(AnswerphoneItemMapper.toMessage(item));
                lastKey = item;
                lastPartition = partition;
            }
            if (more) {
                break;
            }
            if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
                startKey = response.lastEvaluatedKey();
                continue;
            }
            partition++;
            startKey = null;
        }
        String next = null;
        if (more) {
            Map<String, AttributeValue> key = new java.util.LinkedHashMap<>();
            for (String name : List.of(PK, SK, TableKeys.GSI3PK, TableKeys.GSI3SK)) {
                key.put(name, lastKey.get(name));
            }
            next = new PageToken(lastPartition, key).encode();
        }
        return new Page(page, next);
    }

    @Override
    public void audit(List<AnswerphoneMessage> shown, AuditEntry entry, Instant expiresAt) {
        List<WriteRequest> batch = new ArrayList<>();
        for (AnswerphoneMessage message : shown) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(AnswerphoneItemMapper.toItem(message.id(), entry, expiresAt)).build()).build());
            if (batch.size() == 25) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        while (!pending.isEmpty()) {
            List<WriteRequest> sending = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, sending))).unprocessedItems().getOrDefault(table, List.of());
        }
    }

    @Override
    public List<CallbackFigures.Kept> kept(String contract, FinancialQuarter quarter) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :callback)")
                        .expressionAttributeValues(Map.of(":pk", s(TableKeys.returnsPk(contract, quarter.key())), ":callback", s("CALLBACK#"))))
                .items().stream().map(AnswerphoneItemMapper::toKept).toList();
    }

    /** The message's clock item as {@link ClockItems} keeps it, deleted with the message (TTL). */
    private List<TransactWriteItem> clockWrites(AnswerphoneMessage message, List<DeadlineAlerts.Watched> before,
                                                List<DeadlineAlerts.Watched> after, Instant expiresAt) {
        return ClockItems.writes(table, TableKeys.messagePk(message.id()), before, after, watched -> {
            Map<String, AttributeValue> item = CaseItemMapper.clockItem(TableKeys.messagePk(message.id()), message.id(), message.contract(),
                    message.service(), watched);
            item.put("messageId", s(message.id()));
            item.put(EXPIRES_AT, AnswerphoneItemMapper.epoch(expiresAt));
            return item;
        });
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private Contract contract(AnswerphoneMessage message) {
        return contracts.contract(message.contract())
                .orElseThrow(() -> new IllegalArgumentException("no contract " + message.contract()));
    }
}
