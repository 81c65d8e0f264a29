package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.CaseItemMapper.str;
import static org.advocacyhub.persistence.TableKeys.EXPIRES_AT;
import static org.advocacyhub.persistence.TableKeys.PK;
import static org.advocacyhub.persistence.TableKeys.SK;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.CaseActivity;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseRecord;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.Digests;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@link CaseStore} on the single DynamoDB table. Queries only, never a Scan. */
public final class DynamoCaseStore implements CaseStore {

    /** DynamoDB's limit on the items of one transaction. */
    private static final int MAX_TRANSACTION_ITEMS = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final CaseItemMapper mapper;
    private final ContractCatalogue contracts;

    /** @param contracts the calendars that clock due times are counted on */
    public DynamoCaseStore(DynamoDbClient dynamo, String table, CaseItemMapper mapper, ContractCatalogue contracts) {
        this.dynamo = dynamo;
        this.table = table;
        this.mapper = mapper;
        this.contracts = contracts;
    }

    @Override
    public long nextSequence(String contract, int year) {
        Map<String, AttributeValue> attributes = dynamo.updateItem(b -> b.tableName(table)
                .key(key(TableKeys.sequencePk(contract, year), TableKeys.SEQUENCE_SK))
                .updateExpression("ADD lastValue :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return Long.parseLong(attributes.get("lastValue").n());
    }

    @Override
    public Recorded recordNewCase(ReferralCase newCase, CaseEvent received, Optional<IdempotencyRecord> idempotency,
                                  List<org.advocacyhub.application.port.Outbox.OutboxMail> mails) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(mapper.toItem(newCase))
                .conditionExpression("attribute_not_exists(PK)").build()).build());
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(mapper.toItem(newCase.reference(), received, shortId())).build()).build());
        writes.addAll(clockWrites(null, newCase));
        writes.addAll(OutboxItems.puts(table, mails));
        idempotency.ifPresent(record -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(idempotencyItem(record))
                // An expired record may linger until TTL deletes it; it no longer blocks the key.
                .conditionExpression("attribute_not_exists(PK) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(newCase.receivedAt().getEpochSecond()))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build()));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return new Stored();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            CancellationReason last = reasons.isEmpty() ? null : reasons.get(reasons.size() - 1);
            if (idempotency.isPresent() && last != null && "ConditionalCheckFailed".equals(last.code()) && last.hasItem()) {
                return new KeyAlreadyUsed(toIdempotencyRecord(idempotency.get().key(), last.item()));
            }
            throw e;
        }
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TableKeys.idempotencyPk(digest(key)), TableKeys.IDEMPOTENCY_SK))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toIdempotencyRecord(key, item));
    }

    @Override
    public Optional<ReferralCase> findCase(ReferralReference reference) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TableKeys.casePk(reference), TableKeys.CASE_SK))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(mapper.toCase(item));
    }

    @Override
    public List<CaseEvent> timeline(ReferralReference reference) {
        List<CaseEvent> events = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :event)")
                    .expressionAttributeValues(Map.of(":pk", s(TableKeys.casePk(reference)), ":event", s(TableKeys.EVENT_PREFIX)))
                    .exclusiveStartKey(from).build());
            page.items().forEach(item -> events.add(mapper.toEvent(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return events;
    }

    @Override
    public void appendEvent(ReferralReference reference, CaseEvent event) {
        dynamo.putItem(b -> b.tableName(table).item(mapper.toItem(reference, event, shortId())));
    }

    @Override
    public List<ReferralReference> awaitingScreeningSince(Instant cutoff, int limit) {
        return pendingSince(TableKeys.SCREENING_PENDING, cutoff, limit);
    }

    /** Oldest first from one partition of the sparse work index: a Query, never a Scan. */
    private List<ReferralReference> pendingSince(String partition, Instant cutoff, int limit) {
        QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(TableKeys.GSI1)
                .keyConditionExpression("GSI1PK = :pending AND GSI1SK < :before")
                .expressionAttributeValues(Map.of(":pending", s(partition),
                        ":before", s(TableKeys.upperBoundAtOrBefore(cutoff))))
                .limit(limit));
        return page.items().stream().map(item -> ReferralReference.parse(str(item, "reference")).orElseThrow()).toList();
    }

    @Override
    public boolean markRequeued(ReferralReference reference, Instant at, CaseEvent event) {
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().update(u -> u.tableName(table).key(key(TableKeys.casePk(reference), TableKeys.CASE_SK))
                        .updateExpression("SET GSI1SK = :sk, lastQueuedAt = :at ADD queuedCount :one, version :one")
                        // Only while still pending: a referral screened meanwhile stays out of the index, its timeline untouched.
                        .conditionExpression("GSI1PK = :pending")
                        .expressionAttributeValues(Map.of(":sk", s(TableKeys.timeThenReference(at, reference)),
                                ":at", s(at.toString()), ":one", AttributeValue.fromN("1"),
                                ":pending", s(TableKeys.SCREENING_PENDING)))).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(mapper.toItem(reference, event, shortId())).build()).build());
        return Transactions.writeIfFirstHolds(dynamo, writes);
    }

    @Override
    public boolean save(CaseChange change) {
        ReferralCase after = change.after().nextVersion();
        ReferralReference reference = after.reference();
        List<TransactWriteItem> writes = new ArrayList<>();
        long expected = change.before().version();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(mapper.toItem(after))
                // Cases stored before versions existed have none: they count as version 0.
                .conditionExpression(expected == 0 ? "attribute_not_exists(version) OR version = :v" : "version = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected)))).build()).build());
        change.events().forEach(event -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(mapper.toItem(reference, event, shortId())).build()).build()));
        change.tasks().forEach(task -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(mapper.toItem(reference, task)).build()).build()));
        change.records().forEach(record -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(kept(reference, WorkItemMapper.toItem(after, record), record)).build()).build()));
        writes.addAll(clockWrites(change.before(), after));
        change.allocationCount().ifPresent(count -> writes.add(TransactWriteItem.builder()
                .update(StaffItemMapper.countAllocation(table, count)).build()));
        // The emails this change decided on (issue 19): they exist if and only if the change is saved.
        writes.addAll(OutboxItems.puts(table, change.mails()));
        // The staff request's mark (issue 19): the same request run again finds it and changes nothing.
        change.mark().ifPresent(mark -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(requestMarkItem(reference, mark)).conditionExpression("attribute_not_exists(PK)").build()).build()));
        if (writes.size() > MAX_TRANSACTION_ITEMS) {
            throw new IllegalArgumentException("a case change may write at most " + MAX_TRANSACTION_ITEMS + " items");
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            // The case changed meanwhile (its version, first), or the same request saved its change first (its mark, last).
            List<CancellationReason> reasons = e.cancellationReasons();
            boolean lost = !reasons.isEmpty() && ("ConditionalCheckFailed".equals(reasons.get(0).code())
                    || change.mark().isPresent() && "ConditionalCheckFailed".equals(reasons.get(reasons.size() - 1).code()));
            if (lost) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean anonymise(ReferralCase before, ReferralCase after, CaseEvent event, AuditEntry audit, String removed) {
        ReferralReference reference = before.reference();
        Map<String, AttributeValue> caseKey = key(TableKeys.casePk(reference), TableKeys.CASE_SK);
        long expected = before.version();
        List<TransactWriteItem> updates = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(TableKeys.casePk(reference)))))
                .items().forEach(item -> removal(item, removed).ifPresent(update -> updates.add(TransactWriteItem.builder()
                        .update(update.toBuilder().tableName(table).key(Map.of(PK, item.get(PK), SK, item.get(SK))).build()).build())));
        // Each part conditional on the case being as it was read: a case reopened or held meanwhile keeps what is left.
        for (int from = 0; from < updates.size(); from += MAX_TRANSACTION_ITEMS - 1) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(caseKey)
                    .conditionExpression(expected == 0 ? "attribute_not_exists(version) OR version = :v" : "version = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected))))).build());
            writes.addAll(updates.subList(from, Math.min(updates.size(), from + MAX_TRANSACTION_ITEMS - 1)));
            if (!Transactions.writeIfFirstHolds(dynamo, writes)) {
                return false;
            }
        }
        return save(new CaseChange(before, after, List.of(event), List.of(), List.of(audit), Optional.empty(), List.of()));
    }

    /** What anonymising takes from one item of a case's partition, if it still holds words about the person. */
    private static Optional<software.amazon.awssdk.services.dynamodb.model.Update> removal(Map<String, AttributeValue> item,
                                                                                           String removed) {
        String sk = item.get(SK).s();
        Map<String, AttributeValue> value = Map.of(":r", s(removed));
        var update = software.amazon.awssdk.services.dynamodb.model.Update.builder().expressionAttributeValues(value);
        if (sk.startsWith(TableKeys.EVENT_PREFIX) && !removed.equals(str(item, "description"))) {
            return Optional.of(update.updateExpression("SET description = :r").build());
        }
        if (sk.startsWith(TableKeys.TASK_PREFIX) && !removed.equals(str(item, "description"))) {
            return Optional.of(update.updateExpression("SET description = :r, fromWhom = :r").build());
        }
        if (sk.startsWith(TableKeys.MAIL_PREFIX) && !removed.equals(str(item, "recipient"))) {
            // An email's address and words: the item stays (its fate, for the case's history), the words do not.
            return Optional.of(update.updateExpression("SET recipient = :r, #what = :r REMOVE #to, subject, #text, html")
                    .expressionAttributeNames(Map.of("#what", "what", "#to", "to", "#text", "text")).build());
        }
        return Optional.empty();
    }

    @Override
    public boolean changedBy(ReferralReference reference, String requestId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(TableKeys.casePk(reference), TableKeys.requestMarkSk(requestId)))).item();
        return item != null && !item.isEmpty();
    }

    private static Map<String, AttributeValue> requestMarkItem(ReferralReference reference, RequestMark mark) {
        Map<String, AttributeValue> item = new HashMap<>(key(TableKeys.casePk(reference), TableKeys.requestMarkSk(mark.requestId())));
        item.put(CaseItemMapper.TYPE, s("REQUEST_MARK"));
        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(mark.expiresAt().getEpochSecond())));
        return item;
    }

    /** The case's clock items as {@link ClockItems} keeps them. */
    private List<TransactWriteItem> clockWrites(ReferralCase before, ReferralCase after) {
        List<DeadlineAlerts.Watched> was = before == null ? List.of()
                : DeadlineAlerts.watched(before, contracts.contractFor(before.details().service()));
        return ClockItems.writes(table, TableKeys.casePk(after.reference()), was,
                DeadlineAlerts.watched(after, contracts.contractFor(after.details().service())), watched -> mapper.toClockItem(after, watched));
    }

    @Override
    public <T extends CaseRecord> List<T> records(ReferralReference reference, Class<T> kind) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(TableKeys.casePk(reference)),
                                ":prefix", s(WorkItemMapper.prefix(kind)))))
                .items().stream().map(WorkItemMapper::toRecord).map(kind::cast).toList();
    }

    /**
     * One Query per contract, area and quarter of the returns' hours index (GSI2 {@code HOURS#LLR#RUTLAND#FY2026Q3},
     * sorted by the entry's date), narrowed to the dates asked for and to the two attributes the sum needs.
     */
    @Override
    public Map<String, Integer> minutesRecorded(java.time.LocalDate from, java.time.LocalDate to) {
        Map<String, Integer> minutes = new java.util.TreeMap<>();
        for (org.advocacyhub.domain.contract.Contract contract : contracts.contracts()) {
            List<String> areas = new ArrayList<>(contract.authorities().stream()
                    .map(org.advocacyhub.domain.contract.Authority::code).toList());
            areas.add(org.advocacyhub.domain.referral.AuthorityDirectory.OUTSIDE_AREA);
            for (FinancialQuarter q = FinancialQuarter.containing(from); !q.start().isAfter(to.atStartOfDay(
                    java.time.ZoneId.of("Europe/London")).toInstant()); q = q.next()) {
                for (String area : areas) {
                    String pk = TableKeys.hoursPk(contract.code(), area, q.key());
                    dynamo.queryPaginator(b -> b.tableName(table).indexName(TableKeys.GSI2)
                                    .keyConditionExpression("GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to")
                                    .projectionExpression("author, minutes")
                                    // '#' sorts before '~': every entry dated on the last day is inside.
                                    .expressionAttributeValues(Map.of(":pk", s(pk), ":from", s(from.toString()),
                                            ":to", s(to + "~"))))
                            .items().forEach(item -> minutes.merge(item.get("author").s(),
                                    Integer.parseInt(item.get("minutes").n()), Integer::sum));
                }
            }
        }
        return minutes;
    }

    /** One Query of the case's partition (paged), each item sorted into its list by its sort key's prefix. */
    @Override
    public CaseFile caseFile(ReferralReference reference) {
        List<CaseEvent> events = new ArrayList<>();
        List<CaseTask> tasks = new ArrayList<>();
        List<CaseActivity> activities = new ArrayList<>();
        List<TimeEntry> time = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>();
        String activityPrefix = WorkItemMapper.prefix(CaseActivity.class);
        String timePrefix = WorkItemMapper.prefix(TimeEntry.class);
        String auditPrefix = WorkItemMapper.prefix(AuditEntry.class);
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(TableKeys.casePk(reference)))))
                .items().forEach(item -> {
                    String sk = item.get(TableKeys.SK).s();
                    if (sk.startsWith(TableKeys.EVENT_PREFIX)) {
                        events.add(mapper.toEvent(item));
                    } else if (sk.startsWith(TableKeys.TASK_PREFIX)) {
                        tasks.add(mapper.toTask(item));
                    } else if (sk.startsWith(activityPrefix)) {
                        activities.add((CaseActivity) WorkItemMapper.toRecord(item));
                    } else if (sk.startsWith(timePrefix)) {
                        time.add((TimeEntry) WorkItemMapper.toRecord(item));
                    } else if (sk.startsWith(auditPrefix)) {
                        audit.add((AuditEntry) WorkItemMapper.toRecord(item));
                    }
                });
        return new CaseFile(events, tasks, activities, time, audit);
    }

    @Override
    public void audit(ReferralReference reference, AuditEntry entry) {
        dynamo.putItem(b -> b.tableName(table).item(kept(reference, WorkItemMapper.toItem(reference, entry), entry)));
    }

    /**
     * A case's record as it is stored: an audit entry with the table's TTL at the end of its contract's {@code auditEntry}
     * period from the day it was written (issue 22; the day after its last day, London time); other records as they are.
     */
    private Map<String, AttributeValue> kept(ReferralReference reference, Map<String, AttributeValue> item, CaseRecord record) {
        if (record instanceof AuditEntry entry) {
            java.time.LocalDate written = entry.at().atZone(org.advocacyhub.domain.time.WorkingCalendar.ZONE).toLocalDate();
            java.time.LocalDate lastDay = contracts.retention(reference.contract())
                    .period(org.advocacyhub.domain.retention.RetainedKind.AUDIT_ENTRY).keptUntil(written, null);
            Map<String, AttributeValue> withTtl = new HashMap<>(item);
            withTtl.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(lastDay.plusDays(1)
                    .atStartOfDay(org.advocacyhub.domain.time.WorkingCalendar.ZONE).toEpochSecond())));
            return withTtl;
        }
        return item;
    }

    /** One of the time-ordered list indexes: its name and key attributes (each sort key is {@code <received>#<ref>}). */
    private record ListIndex(String name, String pk, String sk) {
    }

    private static final ListIndex STATUS_INDEX = new ListIndex(TableKeys.GSI3, TableKeys.GSI3PK, TableKeys.GSI3SK);
    private static final ListIndex ADVOCATE_INDEX = new ListIndex(TableKeys.GSI4, TableKeys.GSI4PK, TableKeys.GSI4SK);
    private static final ListIndex REPORTS_INDEX = new ListIndex(TableKeys.GSI2, TableKeys.GSI2PK, TableKeys.GSI2SK);
    /** How many items one Query reads at least when a filter may drop some: fewer round trips, same exact pages. */
    private static final int FILTERED_BATCH = 100;

    @Override
    public Page cases(CaseSource source, CaseFilter filter, Instant from, Instant to, String pageToken, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one case");
        }
        List<String> partitions = new ArrayList<>();
        ListIndex index;
        if (source instanceof ByStatus byStatus) {
            index = STATUS_INDEX;
            for (String contract : byStatus.contracts()) {
                byStatus.statuses().forEach(status -> partitions.add(TableKeys.statusPk(contract, status.name())));
            }
        } else if (source instanceof ByAdvocate byAdvocate) {
            index = ADVOCATE_INDEX;
            partitions.add(TableKeys.advocatePk(byAdvocate.advocateId()));
        } else {
            ByAuthority byAuthority = (ByAuthority) source;
            index = REPORTS_INDEX;
            for (FinancialQuarter quarter = FinancialQuarter.containing(from); quarter.start().isBefore(to); quarter = quarter.next()) {
                partitions.add(TableKeys.reportPk(byAuthority.contract(), byAuthority.authority(), quarter.key()));
            }
        }
        return page(index, partitions, filter, from, to, pageToken, limit);
    }

    /**
     * One page of cases from a time-ordered index, over one partition or several in order. Reads
     * until it has one case more than the page holds (so {@code next} is given only when a case
     * follows) or the list ends. The page token carries the partition and the key of the page's
     * last case, base64-encoded: opaque to clients, and checked when it comes back, so a token that
     * was altered or belongs to another list is refused (BadPageToken) rather than sent to DynamoDB.
     */
    private Page page(ListIndex index, List<String> partitions, CaseFilter filter, Instant from, Instant to, String pageToken,
                      int limit) {
        if (!from.isBefore(to)) {
            return new Page(List.of(), null);
        }
        String fromKey = TableKeys.sortable(from);
        String toKey = TableKeys.sortable(to.minusMillis(1)) + "#~";
        PageToken position = position(pageToken, index, partitions, fromKey, toKey);
        boolean filtered = !filter.equals(CaseFilter.ANY);
        List<ReferralCase> cases = new ArrayList<>();
        Map<String, AttributeValue> lastItem = null;
        int lastPartition = 0;
        for (int p = position.partition(); p < partitions.size(); p++) {
            Map<String, AttributeValue> startKey = p == position.partition() ? position.lastKey() : null;
            do {
                int wanted = limit + 1 - cases.size();
                QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).indexName(index.name())
                        .keyConditionExpression(index.pk() + " = :pk AND " + index.sk() + " BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":pk", s(partitions.get(p)), ":from", s(fromKey), ":to", s(toKey)))
                        .exclusiveStartKey(startKey).limit(filtered ? Math.max(wanted, FILTERED_BATCH) : wanted).build());
                for (Map<String, AttributeValue> item : response.items()) {
                    ReferralCase found = mapper.toCase(item);
                    if (!filter.matches(found)) {
                        continue;
                    }
                    if (cases.size() == limit) {
                        // One more case follows: the next page starts after this page's last.
                        return new Page(cases, new PageToken(lastPartition, keyOf(lastItem, index)).encode());
                    }
                    cases.add(found);
                    lastItem = item;
                    lastPartition = p;
                }
                startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            } while (startKey != null);
        }
        return new Page(cases, null);
    }

    /** Where a page starts: the beginning, or just after the case a token names, if it is one of this list's. */
    private static PageToken position(String pageToken, ListIndex index, List<String> partitions, String fromKey, String toKey) {
        if (pageToken == null || pageToken.isBlank()) {
            return new PageToken(0, null);
        }
        PageToken position;
        try {
            position = PageToken.decode(pageToken);
        } catch (IllegalArgumentException e) {
            throw new BadPageToken("not a page token");
        }
        Map<String, AttributeValue> key = position.lastKey();
        if (position.partition() >= partitions.size() || key == null
                || !key.keySet().equals(java.util.Set.of(PK, SK, index.pk(), index.sk()))) {
            throw new BadPageToken("not a page token of this list");
        }
        String sortKey = key.get(index.sk()).s();
        String reference = sortKey.substring(sortKey.indexOf('#') + 1);
        boolean ours = partitions.get(position.partition()).equals(key.get(index.pk()).s())
                && sortKey.compareTo(fromKey) >= 0 && sortKey.compareTo(toKey) <= 0
                && TableKeys.CASE_SK.equals(key.get(SK).s()) && key.get(PK).s().equals("CASE#" + reference);
        if (!ours) {
            throw new BadPageToken("not a page token of this list");
        }
        return position;
    }

    /** The key DynamoDB continues a Query on {@code index} after {@code item} from: the table's and the index's. */
    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, ListIndex index) {
        Map<String, AttributeValue> key = new java.util.LinkedHashMap<>();
        for (String name : List.of(PK, SK, index.pk(), index.sk())) {
            key.put(name, item.get(name));
        }
        return key;
    }

    @Override
    public List<IndexedClock> clocksDueBy(Instant bound, int limit) {
        QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(TableKeys.GSI3)
                .keyConditionExpression("GSI3PK = :clocks AND GSI3SK < :before")
                .expressionAttributeValues(Map.of(":clocks", s(TableKeys.CLOCKS_DUE), ":before", s(TableKeys.upperBoundAtOrBefore(bound))))
                .limit(limit));
        return page.items().stream().map(mapper::toIndexedClock).toList();
    }

    @Override
    public List<IndexedClock> alertsDueBy(Instant now, IndexedClock after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
                .keyConditionExpression("GSI1PK = :alerts AND GSI1SK < :before")
                .expressionAttributeValues(Map.of(":alerts", s(TableKeys.CLOCK_ALERTS), ":before", s(TableKeys.upperBoundAtOrBefore(now))))
                .limit(limit);
        if (after != null) {
            query.exclusiveStartKey(Map.of(PK, s(CaseItemMapper.ownerPk(after)), SK, s(TableKeys.clockSk(after.clock())),
                    TableKeys.GSI1PK, s(TableKeys.CLOCK_ALERTS),
                    TableKeys.GSI1SK, s(TableKeys.clockDueSk(after.alertAt(), after.ownerId(), after.clock()))));
        }
        return dynamo.query(query.build()).items().stream().map(mapper::toIndexedClock).toList();
    }

    @Override
    public boolean advanceAlert(IndexedClock seen, DeadlineAlerts.Kind raised) {
        if (seen.waiting() == null) {
            return false;
        }
        DeadlineAlerts.Next next = raised == DeadlineAlerts.Kind.REMINDER
                ? DeadlineAlerts.next(DeadlineAlerts.Kind.ESCALATION, seen.reminderAt(), seen.dueAt()) : null;
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":due", s(seen.dueAt().toString()));
        values.put(":waiting", s(seen.waiting().name()));
        String update;
        if (next != null) {
            update = "SET GSI1SK = :sk, waiting = :next, alertAt = :at";
            values.put(":sk", s(TableKeys.clockDueSk(next.at(), seen.ownerId(), seen.clock())));
            values.put(":next", s(next.kind().name()));
            values.put(":at", s(next.at().toString()));
        } else {
            // Escalated: nothing more to raise, so the clock leaves the alert index (it stays in the due-time index).
            update = "REMOVE GSI1PK, GSI1SK, waiting, alertAt";
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(CaseItemMapper.ownerPk(seen), TableKeys.clockSk(seen.clock())))
                    .updateExpression(update)
                    .conditionExpression("dueAt = :due AND waiting = :waiting")
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException movedOrTaken) {
            return false;
        }
    }

    @Override
    public List<CaseTask> tasks(ReferralReference reference) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :task)")
                        .expressionAttributeValues(Map.of(":pk", s(TableKeys.casePk(reference)), ":task", s(TableKeys.TASK_PREFIX))))
                .items().stream().map(mapper::toTask).toList();
    }

    private Map<String, AttributeValue> idempotencyItem(IdempotencyRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(key(TableKeys.idempotencyPk(digest(record.key())), TableKeys.IDEMPOTENCY_SK));
        item.put(CaseItemMapper.TYPE, s("IDEMPOTENCY"));
        item.put("fingerprint", s(record.fingerprint()));
        item.put("reference", s(record.reference().value()));
        item.put("receivedAt", s(record.receivedAt().toString()));
        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(record.expiresAt().getEpochSecond())));
        return item;
    }

    private static IdempotencyRecord toIdempotencyRecord(String key, Map<String, AttributeValue> item) {
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(item.get(EXPIRES_AT).n()));
        return new IdempotencyRecord(key, str(item, "fingerprint"), ReferralReference.parse(str(item, "reference")).orElseThrow(),
                // Records from before receivedAt was kept: the window is 24 hours, so this is when it began.
                item.containsKey("receivedAt") ? Instant.parse(str(item, "receivedAt")) : expiresAt.minus(Duration.ofHours(24)),
                expiresAt);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    /** Keys are stored as digests: bounded size, and a client's key text is not kept. */
    private static String digest(String key) {
        return Digests.sha256Hex(key);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
