package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
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
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.DecisionLetter;
import org.advocacyhub.domain.casework.ReferralReference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link Outbox} on the single table (issue 19). Each step is one conditional write: the claim (pending
 * and at the attempt the sender read), the settlement with the case's timeline, tasks and letter (only
 * while the sender's claim holds), and the giving up on a stopped sender's email (only while that
 * same claim is the one held).
 */
public final class DynamoOutbox implements Outbox {

    private final DynamoDbClient dynamo;
    private final String table;
    private final CaseItemMapper mapper;

    public DynamoOutbox(DynamoDbClient dynamo, String table, CaseItemMapper mapper) {
        this.dynamo = dynamo;
        this.table = table;
        this.mapper = mapper;
    }

    @Override
    public boolean add(List<OutboxMail> mails) {
        if (mails.isEmpty()) {
            return true;
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(OutboxItems.puts(table, mails)));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredMail> find(MailId id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(OutboxItems.key(id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OutboxItems.stored(item));
    }

    @Override
    public List<StoredMail> mailsOf(Owner owner) {
        List<StoredMail> mails = new java.util.ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression("PK = :pk AND begins_with(SK, :mail)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(OutboxItems.pk(owner)),
                                ":mail", AttributeValue.fromS(TableKeys.MAIL_PREFIX))))
                .items().forEach(item -> mails.add(OutboxItems.stored(item)));
        mails.sort(java.util.Comparator.comparing(StoredMail::createdAt));
        return mails;
    }

    @Override
    public Optional<Claim> claim(StoredMail seen, Instant now, Duration lease) {
        String token = UUID.randomUUID().toString();
        Instant until = now.plus(lease);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sending", s(Status.SENDING.name()));
        values.put(":pending", s(Status.PENDING.name()));
        values.put(":token", s(token));
        values.put(":until", s(until.toString()));
        values.put(":sk", s(OutboxItems.indexSk(until, seen.id())));
        values.put(":seen", AttributeValue.fromN(Integer.toString(seen.attempts())));
        values.put(":one", AttributeValue.fromN("1"));
        try {
            // Still in the work index, now by the end of its lease: if this sender stops, the sweep finds it then.
            dynamo.updateItem(b -> b.tableName(table).key(OutboxItems.key(seen.id()))
                    .updateExpression("SET #status = :sending, claim = :token, leaseUntil = :until, GSI1SK = :sk ADD attempts :one")
                    .conditionExpression("#status = :pending AND attempts = :seen")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return Optional.of(new Claim(seen.id(), token, seen.attempts() + 1, until));
        } catch (ConditionalCheckFailedException takenMeanwhile) {
            return Optional.empty();
        }
    }

    @Override
    public boolean settle(Claim claim, Settlement settlement) {
        return write(claim.id(), "claim = :token AND #status = :sending", Map.of(":token", s(claim.token())), settlement);
    }

    @Override
    public boolean giveUp(StoredMail seen, Settlement settlement) {
        if (seen.status() != Status.SENDING || seen.claim() == null) {
            return false;
        }
        return write(seen.id(), "claim = :token AND #status = :sending", Map.of(":token", s(seen.claim())), settlement);
    }

    /** The settlement, with the case's timeline, tasks and letter, in one transaction conditional on the claim. */
    private boolean write(MailId id, String condition, Map<String, AttributeValue> conditionValues, Settlement settlement) {
        boolean withLetter = settlement.letter().isPresent();
        while (true) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().update(mailUpdate(id, condition, conditionValues, settlement)).build());
            if (settlement.status() == Status.SENT && settlement.messageId() != null) {
                // Which email SES's bounce or complaint is about (issue 24): found by the id SES gave it.
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                        .item(MailFeedbackItems.sentAs(id, settlement.messageId(), settlement.at())).build()).build());
            }
            Optional<ReferralReference> reference = id.owner().caseReference();
            if (reference.isPresent()) {
                for (CaseEvent event : settlement.events()) {
                    writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(mapper.toItem(reference.get(), event, UUID.randomUUID().toString().substring(0, 8))).build()).build());
                }
                for (CaseTask task : settlement.tasks()) {
                    writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(mapper.toItem(reference.get(), task))
                            .build()).build());
                }
                if (withLetter) {
                    writes.add(TransactWriteItem.builder().update(letterUpdate(reference.get(), settlement.letter().get())).build());
                }
            }
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                    return false;
                }
                if (withLetter && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(reasons.size() - 1).code())) {
                    // The case was decided again since: its letter is about the new decision, and stays as it is.
                    withLetter = false;
                    continue;
                }
                throw e;
            }
        }
    }

    private Update mailUpdate(MailId id, String condition, Map<String, AttributeValue> conditionValues, Settlement settlement) {
        Map<String, AttributeValue> values = new HashMap<>(conditionValues);
        values.put(":sending", s(Status.SENDING.name()));
        values.put(":status", s(settlement.status().name()));
        values.put(":at", s(settlement.at().toString()));
        List<String> set = new ArrayList<>(List.of("#status = :status", "lastAttemptAt = :at"));
        List<String> remove = new ArrayList<>(List.of("claim", "leaseUntil"));
        if (settlement.note() != null) {
            set.add("note = :note");
            values.put(":note", s(settlement.note()));
        }
        switch (settlement.status()) {
            case PENDING -> {
                Instant retryAt = settlement.retryAt() == null ? settlement.at() : settlement.retryAt();
                set.add("retryAt = :retry");
                set.add("GSI1SK = :sk");
                values.put(":retry", s(retryAt.toString()));
                values.put(":sk", s(OutboxItems.indexSk(retryAt, id)));
            }
            case SENT -> {
                set.add("settledAt = :at");
                if (settlement.messageId() != null) {
                    set.add("messageId = :message");
                    values.put(":message", s(settlement.messageId()));
                }
                // Its words are not needed once it went: only what staff need to know of it stays.
                remove.addAll(List.of("GSI1PK", "GSI1SK", "#text", "html", "retryAt"));
            }
            case NOT_SENT, NOT_KNOWN -> {
                set.add("settledAt = :at");
                set.add("GSI1PK = :trouble");
                set.add("GSI1SK = :sk");
                values.put(":trouble", s(TableKeys.MAIL_TROUBLE));
                values.put(":sk", s(OutboxItems.indexSk(settlement.at(), id)));
                remove.addAll(List.of("#text", "html", "retryAt"));
            }
            default -> throw new IllegalArgumentException("settle to PENDING, SENT, NOT_SENT or NOT_KNOWN");
        }
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        if (remove.contains("#text")) {
            names.put("#text", "text");
        }
        return Update.builder().tableName(table).key(OutboxItems.key(id))
                .updateExpression("SET " + String.join(", ", set) + " REMOVE " + String.join(", ", remove))
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values).build();
    }

    /** The case's letter as the email left it; every write of the case item moves its version (see DynamoCaseStore). */
    private Update letterUpdate(ReferralReference reference, DecisionLetter letter) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", s(letter.status().name()));
        values.put(":decided", s(letter.decidedAt().toString()));
        values.put(":one", AttributeValue.fromN("1"));
        String set = "SET letter.#s = :status";
        if (letter.sentAt() != null) {
            set += ", letter.sentAt = :sent";
            values.put(":sent", s(letter.sentAt().toString()));
        }
        return Update.builder().tableName(table).key(Map.of(PK, s(TableKeys.casePk(reference)), SK, s(TableKeys.CASE_SK)))
                .updateExpression(set + " ADD version :one")
                .conditionExpression("letter.decidedAt = :decided")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(values).build();
    }

    @Override
    public List<MailId> waitingSince(Instant cutoff, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(TableKeys.GSI1)
                        .keyConditionExpression("GSI1PK = :waiting AND GSI1SK < :before")
                        .expressionAttributeValues(Map.of(":waiting", s(TableKeys.MAIL_WAITING),
                                ":before", s(TableKeys.upperBoundAtOrBefore(cutoff))))
                        .limit(limit))
                .items().stream().map(OutboxItems::id).toList();
    }

    @Override
    public List<Trouble> troubles(int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(TableKeys.GSI1)
                        .keyConditionExpression("GSI1PK = :trouble")
                        .expressionAttributeValues(Map.of(":trouble", s(TableKeys.MAIL_TROUBLE)))
                        .scanIndexForward(false).limit(limit))
                .items().stream().map(OutboxItems::trouble).toList();
    }

    @Override
    public void checked(MailId id, Instant at, String staffId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(OutboxItems.key(id))
                    .updateExpression("SET checkedAt = :at, checkedBy = :by REMOVE GSI1PK, GSI1SK")
                    .conditionExpression("GSI1PK = :trouble")
                    .expressionAttributeValues(Map.of(":at", s(at.toString()), ":by", s(staffId), ":trouble", s(TableKeys.MAIL_TROUBLE))));
        } catch (ConditionalCheckFailedException alreadyChecked) {
            // Someone else marked it checked first: nothing more to do.
        }
    }
}
