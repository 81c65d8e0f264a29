package org.advocacyhub.persistence;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.reports.ReturnsSink;
import org.advocacyhub.domain.reports.TimeRow;
import org.advocacyhub.domain.returns.ReturnRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The other direction of {@link DynamoReturnsSource}: writes what a quarter's return reads, item for
 * item as the stores write it (the case with its index keys, each time entry in its hours partition,
 * return records, kept callbacks, case studies and service summaries), in batches of 25. For loading a made-up quarter into a table to
 * time the reader (infrastructure/local's benchmarks); the hub's own writes go through the stores.
 * A time row must follow its case (the owner of its index keys).
 */
public final class BulkReturnsWriter implements ReturnsSink, AutoCloseable {

    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String contract;
    private final org.advocacyhub.domain.retention.RetentionPolicy retention;
    private final CaseItemMapper mapper = new CaseItemMapper();
    private final List<WriteRequest> pending = new ArrayList<>();
    private ReferralCase owner;
    private long entries;
    private long written;

    public BulkReturnsWriter(DynamoDbClient dynamo, String table, String contract) {
        this.dynamo = dynamo;
        this.table = table;
        this.contract = contract;
        this.retention = org.advocacyhub.domain.contract.ContractCatalogue.bundled().retention(contract);
    }

    @Override
    public void addCase(ReferralCase referralCase) {
        owner = referralCase;
        put(mapper.toItem(referralCase));
    }

    @Override
    public void addTime(TimeRow row) {
        if (owner == null || !owner.reference().equals(row.reference())) {
            throw new IllegalStateException("a time row must follow its case");
        }
        TimeEntry entry = new TimeEntry("t" + (++entries), row.date(), row.minutes(), row.kind(), row.activity(), row.meeting(),
                row.recordedBy(),
                row.date().atStartOfDay().toInstant(ZoneOffset.UTC), 0);
        put(WorkItemMapper.toItem(owner, entry));
    }

    @Override
    public void addRecord(ReturnRecord record) {
        put(ReturnsItemMapper.toItem(record, retention));
    }

    @Override
    public void addCallback(CallbackFigures.Kept kept) {
        put(AnswerphoneItemMapper.keptItem(contract, kept));
    }

    @Override
    public void addCaseStudy(org.advocacyhub.domain.casestudy.CaseStudy study) {
        put(CaseStudyItemMapper.toItem(study, retention));
    }

    @Override
    public void addServiceSummary(org.advocacyhub.domain.casestudy.ServiceSummary summary) {
        put(CaseStudyItemMapper.toItem(summary, retention));
    }

    /** Items written so far. */
    public long written() {
        return written;
    }

    private void put(Map<String, AttributeValue> item) {
        pending.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        if (pending.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        List<WriteRequest> sending = new ArrayList<>(pending);
        written += sending.size();
        pending.clear();
        while (!sending.isEmpty()) {
            List<WriteRequest> batch = sending;
            sending = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, batch))).unprocessedItems().getOrDefault(table, List.of());
        }
    }

    @Override
    public void close() {
        if (!pending.isEmpty()) {
            flush();
        }
    }
}
