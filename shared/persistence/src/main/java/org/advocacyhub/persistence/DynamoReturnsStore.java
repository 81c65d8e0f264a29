package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;

import java.util.List;
import java.util.Map;
import org.advocacyhub.application.port.ReturnsStore;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
}
