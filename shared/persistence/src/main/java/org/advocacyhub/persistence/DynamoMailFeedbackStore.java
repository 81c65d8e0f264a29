package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.MailFeedbackStore;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.mail.MailFeedback;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link MailFeedbackStore} on the single table (issue 24; items in {@link MailFeedbackItems}). A notification is one
 * transaction, conditional on its record being new: the record, the case's timeline and task, the duty managers' emails
 * into the outbox, the email marked bounced (and listed for staff with the emails that did not go), the addresses
 * stopped.
 */
public final class DynamoMailFeedbackStore implements MailFeedbackStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final CaseItemMapper mapper;
    private final DynamoOutbox outbox;

    public DynamoMailFeedbackStore(DynamoDbClient dynamo, String table, CaseItemMapper mapper) {
        this.dynamo = dynamo;
        this.table = table;
        this.mapper = mapper;
        this.outbox = new DynamoOutbox(dynamo, table, mapper);
    }

    @Override
    public Optional<Outbox.StoredMail> sentAs(String sesMessageId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(MailFeedbackItems.sentAsKey(sesMessageId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return outbox.find(OutboxItems.id(item));
    }

    @Override
    public boolean suppressed(String addressKey) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(MailFeedbackItems.suppressedKey(addressKey))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public boolean record(Feedback feedback) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> record = new HashMap<>(MailFeedbackItems.feedbackKey(feedback.sesMessageId(), feedback.key()));
        record.put(CaseItemMapper.TYPE, s(MailFeedbackItems.FEEDBACK));
        record.put("feedback", s(feedback.feedback().type().name()));
        if (feedback.feedback().bounceType() != null) {
            record.put("bounceType", s(feedback.feedback().bounceType()));
        }
        if (feedback.feedback().bounceSubType() != null) {
            record.put("bounceSubType", s(feedback.feedback().bounceSubType()));
        }
        record.put("at", s(feedback.at().toString()));
        record.put(TableKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(feedback.at().plus(MailFeedbackItems.KEPT).getEpochSecond())));
        if (feedback.mail() != null) {
            OutboxItems.putOwner(record, feedback.mail());
        }
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(record)
                .conditionExpression("attribute_not_exists(PK)").build()).build());
        if (feedback.mail() != null) {
            writes.add(TransactWriteItem.builder().update(mailUpdate(feedback)).build());
            Optional<ReferralReference> reference = feedback.mail().owner().caseReference();
            if (reference.isPresent()) {
                int n = 0;
                for (CaseEvent event : feedback.events()) {
                    // The same notification gives the same event id: written once with its record.
                    String id = MailFeedback.addressKey(feedback.sesMessageId() + "#" + feedback.key() + "#" + n++).substring(0, 8);
                    writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(mapper.toItem(reference.get(), event, id)).build()).build());
                }
                for (CaseTask task : feedback.tasks()) {
                    writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(mapper.toItem(reference.get(), task))
                            .build()).build());
                }
            }
        }
        writes.addAll(OutboxItems.puts(table, feedback.alerts()));
        for (String addressKey : feedback.suppress()) {
            Map<String, AttributeValue> item = new HashMap<>(MailFeedbackItems.suppressedKey(addressKey));
            item.put(CaseItemMapper.TYPE, s(MailFeedbackItems.SUPPRESSED));
            item.put("reason", s(feedback.feedback().type().name()));
            item.put("at", s(feedback.at().toString()));
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build());
        }
        return Transactions.writeIfFirstHolds(dynamo, writes);
    }

    /**
     * The email as the notification left it: a bounce did not arrive, so it is not sent after all and joins the emails
     * staff look at, with why (no address); a complaint arrived, and only says so.
     */
    private Update mailUpdate(Feedback feedback) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":feedback", s(feedback.feedback().type().name()));
        values.put(":at", s(feedback.at().toString()));
        String set = "SET feedback = :feedback, feedbackAt = :at";
        if (feedback.feedback().type() == MailFeedback.Type.BOUNCE) {
            values.put(":status", s(Outbox.Status.NOT_SENT.name()));
            values.put(":note", s("bounced: " + feedback.feedback().reason()));
            values.put(":trouble", s(TableKeys.MAIL_TROUBLE));
            values.put(":sk", s(OutboxItems.indexSk(feedback.at(), feedback.mail())));
            set += ", #status = :status, note = :note, GSI1PK = :trouble, GSI1SK = :sk";
            return Update.builder().tableName(table).key(OutboxItems.key(feedback.mail())).updateExpression(set)
                    .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(values).build();
        }
        return Update.builder().tableName(table).key(OutboxItems.key(feedback.mail())).updateExpression(set)
                .expressionAttributeValues(values).build();
    }
}
