package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;

import java.util.List;
import java.util.Map;
import org.advocacyhub.application.port.ReturnsStore;
import org.advocacyhub.domain.returns.Complaint;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link ReturnsStore} on the single table: one partition per contract and financial quarter. */
public final class DynamoReturnsStore implements ReturnsStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final org.advocacyhub.domain.contract.ContractCatalogue contracts;

    /** @param contracts whose retention periods set each record's TTL (issue 22) */
    public DynamoReturnsStore(DynamoDbClient dynamo, String table, org.advocacyhub.domain.contract.ContractCatalogue contracts) {
        this.dynamo = dynamo;
        this.table = table;
        this.contracts = contracts;
    }

    @Override
    public boolean save(ReturnRecord record) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(ReturnsItemMapper.toItem(record, contracts.retention(record.contract())))
                    .conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException stored) {
            return false;
        }
    }

    @Override
    public List<ReturnRecord> quarter(String contract, FinancialQuarter quarter, ReturnRecord.Kind kind) {
        String pk = TableKeys.returnsPk(contract, quarter.key());
        return dynamo.queryPaginator(b -> {
            b.tableName(table).consistentRead(true);
            if (kind == null) {
                b.keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s(pk)));
            } else {
                b.keyConditionExpression("PK = :pk AND begins_with(SK, :kind)")
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":kind", s(kind.name() + "#")));
            }
        }).items().stream().map(ReturnsItemMapper::toRecord).toList();
    }

    @Override
    public java.util.Optional<Complaint> complaint(String contract, java.time.LocalDate received, String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                TableKeys.PK, s(TableKeys.returnsPk(contract, FinancialQuarter.containing(received).key())),
                TableKeys.SK, s(TableKeys.returnSk(ReturnRecord.Kind.COMPLAINT.name(), received, id))))).item();
        return item == null || item.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of((Complaint) ReturnsItemMapper.toRecord(item));
    }

    @Override
    public boolean replace(Complaint before, Complaint after) {
        try {
            // The revision it was read at: a change made meanwhile is not overwritten.
            dynamo.putItem(b -> b.tableName(table).item(ReturnsItemMapper.toItem(after, contracts.retention(after.contract())))
                    .conditionExpression("attribute_exists(PK) AND (revision = :seen OR (attribute_not_exists(revision) AND :seen = :one))")
                    .expressionAttributeValues(Map.of(":seen", AttributeValue.fromN(Integer.toString(before.revision())),
                            ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException changed) {
            return false;
        }
    }
}
