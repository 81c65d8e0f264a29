package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.CaseStudyStore;
import org.advocacyhub.domain.casestudy.CaseStudy;
import org.advocacyhub.domain.casestudy.ServiceSummary;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.time.FinancialQuarter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link CaseStudyStore} on the single table: a quarter's case studies and summaries in its contract's returns partition
 * (issue 23), each write conditional on the revision it was made from. A selection is written in one transaction with its
 * service's selection item, a string set of the ids selected whose size the condition holds to the contract's number: two
 * managers choosing a fifth at once cannot both succeed.
 */
public final class DynamoCaseStudyStore implements CaseStudyStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final ContractCatalogue contracts;

    /** @param contracts whose retention periods set each item's TTL (issue 22) */
    public DynamoCaseStudyStore(DynamoDbClient dynamo, String table, ContractCatalogue contracts) {
        this.dynamo = dynamo;
        this.table = table;
        this.contracts = contracts;
    }

    @Override
    public List<CaseStudy> caseStudies(String contract, FinancialQuarter quarter) {
        return query(contract, quarter, TableKeys.CASE_STUDY_PREFIX).stream().map(CaseStudyItemMapper::toCaseStudy)
                .sorted(Comparator.comparing((CaseStudy s) -> s.service().ordinal()).thenComparing(CaseStudy::id)).toList();
    }

    @Override
    public Optional<CaseStudy> caseStudy(String contract, FinancialQuarter quarter, String id) {
        return caseStudies(contract, quarter).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public Write save(CaseStudy before, CaseStudy after) {
        return put(CaseStudyItemMapper.toItem(after, contracts.retention(after.contract())), before == null ? null : before.revision());
    }

    @Override
    public Write select(CaseStudy before, CaseStudy after, int perService) {
        Put study = conditional(CaseStudyItemMapper.toItem(after, contracts.retention(after.contract())), before.revision());
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":id", AttributeValue.fromSs(List.of(after.id())));
        values.put(":expires", CaseStudyItemMapper.expiresAt(after.keptUntil(contracts.retention(after.contract()))));
        Update.Builder selection = Update.builder().tableName(table).key(CaseStudyItemMapper.selectionKey(after))
                .expressionAttributeNames(Map.of("#type", CaseItemMapper.TYPE, "#expires", TableKeys.EXPIRES_AT));
        values.put(":type", s(CaseStudyItemMapper.SELECTION));
        if (after.selected()) {
            // LLR Appendix One: at most perService of a service; choosing one already in the set is no new one.
            values.put(":limit", AttributeValue.fromN(Integer.toString(perService)));
            values.put(":one", s(after.id()));
            selection.updateExpression("ADD selected :id SET #type = :type, #expires = :expires")
                    .conditionExpression("attribute_not_exists(selected) OR size(selected) < :limit OR contains(selected, :one)");
        } else {
            selection.updateExpression("DELETE selected :id SET #type = :type, #expires = :expires");
        }
        selection.expressionAttributeValues(values);
        try {
            dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(study).build(),
                    TransactWriteItem.builder().update(selection.build()).build()));
            return Write.WRITTEN;
        } catch (TransactionCanceledException e) {
            if (failed(e, 0)) {
                return Write.STALE;
            }
            if (failed(e, 1)) {
                return Write.LIMIT;
            }
            throw e;
        }
    }

    @Override
    public List<ServiceSummary> serviceSummaries(String contract, FinancialQuarter quarter) {
        return query(contract, quarter, TableKeys.SERVICE_SUMMARY_PREFIX).stream().map(CaseStudyItemMapper::toServiceSummary).toList();
    }

    @Override
    public Write save(ServiceSummary before, ServiceSummary after) {
        return put(CaseStudyItemMapper.toItem(after, contracts.retention(after.contract())), before == null ? null : before.revision());
    }

    private List<Map<String, AttributeValue>> query(String contract, FinancialQuarter quarter, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(TableKeys.returnsPk(contract, quarter.key())), ":prefix", s(prefix))))
                .items().forEach(items::add);
        return items;
    }

    /** One conditional Put: new when {@code seen} is null, else only over the revision it was read at. */
    private Write put(Map<String, AttributeValue> item, Integer seen) {
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(item);
                if (seen == null) {
                    b.conditionExpression("attribute_not_exists(PK)");
                } else {
                    b.conditionExpression("revision = :seen").expressionAttributeValues(Map.of(":seen",
                            AttributeValue.fromN(Integer.toString(seen))));
                }
            });
            return Write.WRITTEN;
        } catch (ConditionalCheckFailedException changed) {
            return Write.STALE;
        }
    }

    private Put conditional(Map<String, AttributeValue> item, Integer seen) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (seen == null) {
            put.conditionExpression("attribute_not_exists(PK)");
        } else {
            put.conditionExpression("revision = :seen").expressionAttributeValues(Map.of(":seen",
                    AttributeValue.fromN(Integer.toString(seen))));
        }
        return put.build();
    }

    private static boolean failed(TransactionCanceledException e, int index) {
        return e.cancellationReasons().size() > index && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }
}
