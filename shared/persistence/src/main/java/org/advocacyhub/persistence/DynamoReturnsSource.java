package org.advocacyhub.persistence;

import org.advocacyhub.domain.reports.ReturnsSink;
import static org.advocacyhub.persistence.CaseItemMapper.s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.advocacyhub.application.port.ReturnsSource;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.Authority;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.reports.CountingRules;
import org.advocacyhub.domain.reports.TimeRow;
import org.advocacyhub.domain.time.FinancialQuarter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link ReturnsSource} on the single table, by Query only (issue 11 item 7). For a contract and a
 * quarter it reads, for each of the contract's authorities and the out-of-area partition:
 * <ol>
 *   <li>the cases received in each quarter of the financial year so far (GSI2 {@code LLR#RUTLAND#FY2026Q3});</li>
 *   <li>the cases received before the year that are still open (GSI3 status partitions of the open
 *       statuses, received before the year began), and those closed since the year began (GSI4
 *       {@code CLOSED#LLR#RUTLAND#FY2026Q3}, from the year's first quarter to {@code through}); for a contract
 *       that counts young people returning after a closure (LEW Appendix 1), from the same quarter a year
 *       earlier ({@link CountingRules#closuresReadFrom});</li>
 *   <li>the time entries dated in the year so far (GSI2 {@code HOURS#LLR#RUTLAND#FY2026Q3});</li>
 *   <li>the contract's returns partitions (awareness sessions, complaints, compliments) of the year so far,
 *       the answerphone messages kept from the quarter and the quarter's case studies and service summaries.</li>
 * </ol>
 * Every page is handed to the sink as it arrives; only the references of cases found in (2) are
 * remembered, so that a case that changes status while it is read is passed once.
 */
public final class DynamoReturnsSource implements ReturnsSource {

    /** Statuses of a case the hub has not finished with (a case received earlier and still in one is carried forward). */
    private static final List<CaseStatus> NOT_FINISHED = List.of(CaseStatus.RECEIVED, CaseStatus.NEEDS_INFORMATION, CaseStatus.REDIRECTED,
            CaseStatus.AWAITING_ALLOCATION, CaseStatus.ALLOCATED, CaseStatus.RESPONDED);

    private final DynamoDbClient dynamo;
    private final String table;
    private final CaseItemMapper mapper;

    public DynamoReturnsSource(DynamoDbClient dynamo, String table, CaseItemMapper mapper) {
        this.dynamo = dynamo;
        this.table = table;
        this.mapper = mapper;
    }

    @Override
    public Read read(Contract contract, FinancialQuarter quarter, FinancialQuarter through, ReturnsSink sink) {
        Counter counter = new Counter();
        List<String> areas = new ArrayList<>(contract.authorities().stream().map(Authority::code).toList());
        // LLR 7.38: a person placed from outside the area is still a referral the hub reports.
        areas.add(AuthorityDirectory.OUTSIDE_AREA);
        List<FinancialQuarter> yearToDate = new ArrayList<>();
        for (FinancialQuarter q = new FinancialQuarter(quarter.financialYear(), 1); q.compareTo(quarter) <= 0; q = q.next()) {
            yearToDate.add(q);
        }
        String yearStart = TableKeys.sortable(yearToDate.get(0).start());
        Set<String> passedEarlier = new HashSet<>();
        Consumer<Map<String, AttributeValue>> earlierCase = item -> {
            ReferralCase found = mapper.toCase(item);
            // A case received in the year is read from its receipt partition; one received earlier once only.
            if (found.receivedAt().isBefore(yearToDate.get(0).start()) && passedEarlier.add(found.reference().value())) {
                counter.cases++;
                sink.addCase(found);
            }
        };
        for (String area : areas) {
            for (FinancialQuarter q : yearToDate) {
                query(TableKeys.GSI2, TableKeys.GSI2PK, TableKeys.reportPk(contract.code(), area, q.key()), null, counter, item -> {
                    counter.cases++;
                    sink.addCase(mapper.toCase(item));
                });
                query(TableKeys.GSI2, TableKeys.GSI2PK, TableKeys.hoursPk(contract.code(), area, q.key()), null, counter, item -> {
                    counter.timeRows++;
                    sink.addTime(timeRow(item));
                });
            }
            // LEW Appendix 1: a return early in the year follows a closure of the previous year, read back a year.
            for (FinancialQuarter q = CountingRules.closuresReadFrom(contract, quarter); q.compareTo(through) <= 0; q = q.next()) {
                query(TableKeys.GSI4, TableKeys.GSI4PK, TableKeys.closedPk(contract.code(), area, q.key()), null, counter, earlierCase);
            }
        }
        for (CaseStatus status : NOT_FINISHED) {
            // Sorted by receipt: only those received before the year began.
            query(TableKeys.GSI3, TableKeys.GSI3PK, TableKeys.statusPk(contract.code(), status.name()), yearStart, counter, earlierCase);
        }
        for (FinancialQuarter q : yearToDate) {
            query(null, TableKeys.PK, TableKeys.returnsPk(contract.code(), q.key()), null, counter, item -> {
                String sk = item.get(TableKeys.SK).s();
                if (sk.startsWith("CALLBACK#")) {
                    if (q.equals(quarter)) {
                        counter.callbacks++;
                        sink.addCallback(AnswerphoneItemMapper.toKept(item));
                    }
                } else if (sk.startsWith(TableKeys.CASE_STUDY_PREFIX) || sk.startsWith(TableKeys.SERVICE_SUMMARY_PREFIX)) {
                    // Issue 23: the quarter's own case studies and summaries (LLR Appendix One; LEW 17.2).
                    if (q.equals(quarter)) {
                        counter.records++;
                        if (sk.startsWith(TableKeys.CASE_STUDY_PREFIX)) {
                            sink.addCaseStudy(CaseStudyItemMapper.toCaseStudy(item));
                        } else {
                            sink.addServiceSummary(CaseStudyItemMapper.toServiceSummary(item));
                        }
                    }
                } else if (sk.startsWith(TableKeys.CASE_STUDY_SELECTION_PREFIX)) {
                    return; // the selection's set: each case study says whether it is selected
                } else {
                    counter.records++;
                    sink.addRecord(ReturnsItemMapper.toRecord(item));
                }
            });
        }
        return new Read(counter.cases, counter.timeRows, counter.records, counter.callbacks, counter.pages);
    }

    private static TimeRow timeRow(Map<String, AttributeValue> item) {
        TimeEntry entry = (TimeEntry) WorkItemMapper.toRecord(item);
        return TimeRow.of(ReferralReference.parse(item.get("reference").s()).orElseThrow(), ServiceCode.valueOf(item.get("service").s()),
                item.get("authority").s(), entry);
    }

    /** Every item of one partition (sort key before {@code sortKeyBefore} when given), page by page. */
    private void query(String index, String pkName, String pk, String sortKeyBefore, Counter counter,
                       Consumer<Map<String, AttributeValue>> each) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table);
        if (index != null) {
            request.indexName(index);
        } else {
            request.consistentRead(true);
        }
        if (sortKeyBefore == null) {
            request.keyConditionExpression(pkName + " = :pk").expressionAttributeValues(Map.of(":pk", s(pk)));
        } else {
            String skName = index == null ? TableKeys.SK : index + "SK";
            request.keyConditionExpression(pkName + " = :pk AND " + skName + " < :before")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":before", s(sortKeyBefore)));
        }
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(request.exclusiveStartKey(start).build());
            counter.pages++;
            page.items().forEach(each);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private static final class Counter {
        long cases;
        long timeRows;
        long records;
        long callbacks;
        long pages;
    }
}
