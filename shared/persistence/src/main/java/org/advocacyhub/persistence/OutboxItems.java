package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.CaseItemMapper.str;
import static org.advocacyhub.persistence.TableKeys.GSI1PK;
import static org.advocacyhub.persistence.TableKeys.GSI1SK;
import static org.advocacyhub.persistence.TableKeys.PK;
import static org.advocacyhub.persistence.TableKeys.SK;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.Outbox.MailId;
import org.advocacyhub.application.port.Outbox.OutboxMail;
import org.advocacyhub.application.port.Outbox.Owner;
import org.advocacyhub.application.port.Outbox.Status;
import org.advocacyhub.application.port.Outbox.StoredMail;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The outbox's items (issue 19), both ways, in one place: an email beside its owner
 * ({@code CASE#ref / MAIL#<key>}), in the work index while it waits ({@code MAIL#WAITING}) and, if it
 * did not go, in the staff's list ({@code MAIL#TROUBLE}) until someone marks it checked.
 */
final class OutboxItems {

    static final String TYPE = "MAIL";
    /** How long a day's digest emails are kept, as the digests' own ledger records are. */
    static final Duration DIGEST_KEPT = DynamoAlertLedger.DIGEST_KEPT;

    private OutboxItems() {
    }

    /** The owner's partition key. */
    static String pk(Owner owner) {
        if (owner instanceof Outbox.CaseOwner c) {
            return TableKeys.casePk(c.reference());
        }
        if (owner instanceof Outbox.MessageOwner m) {
            return TableKeys.messagePk(m.messageId());
        }
        if (owner instanceof Outbox.ReportOwner r) {
            return TableKeys.reportDeadlinePk(r.contract(), r.quarter().key());
        }
        if (owner instanceof Outbox.ReportRequestOwner r) {
            return TableKeys.reportRequestPk(r.reportId());
        }
        if (owner instanceof Outbox.DataRequestOwner d) {
            return TableKeys.dataRequestPk(d.requestId());
        }
        return TableKeys.digestPk(((Outbox.DigestOwner) owner).day());
    }

    /** The email's sort key: {@code MAIL#<key>}; a report's workbook email is its {@code SEND#<authority>} item. */
    static String sk(MailId id) {
        return id.owner() instanceof Outbox.ReportRequestOwner ? TableKeys.reportSendSk(id.key()) : TableKeys.mailSk(id.key());
    }

    static Map<String, AttributeValue> key(MailId id) {
        return Map.of(PK, s(pk(id.owner())), SK, s(sk(id)));
    }

    /** What names the owner in the item, to read its id back from an index. */
    static void putOwner(Map<String, AttributeValue> item, MailId id) {
        item.put("ownerKind", s(id.owner().kind()));
        item.put("ownerId", s(id.owner().id()));
        item.put("mailKey", s(id.key()));
    }

    static MailId id(Map<String, AttributeValue> item) {
        return new MailId(Owner.of(str(item, "ownerKind"), str(item, "ownerId")), str(item, "mailKey"));
    }

    /** The work index's sort key: the time, then the owner and key (unique). */
    static String indexSk(Instant at, MailId id) {
        return TableKeys.sortable(at) + "#" + pk(id.owner()) + "#" + id.key();
    }

    /** A new email, pending, in the work index from its creation. */
    static Map<String, AttributeValue> item(OutboxMail mail) {
        Map<String, AttributeValue> item = new HashMap<>(key(mail.id()));
        item.put(CaseItemMapper.TYPE, s(TYPE));
        putOwner(item, mail.id());
        item.put("kind", s(mail.kind().name()));
        item.put("contract", s(mail.contract()));
        item.put("what", s(mail.what()));
        item.put("recipient", s(mail.recipient()));
        item.put("to", AttributeValue.fromL(mail.mail().to().stream().map(CaseItemMapper::s).toList()));
        item.put("subject", s(mail.mail().subject()));
        item.put("text", s(mail.mail().text()));
        item.put("html", s(mail.mail().html()));
        item.put("createdAt", s(mail.createdAt().toString()));
        item.put("status", s(Status.PENDING.name()));
        item.put("attempts", AttributeValue.fromN("0"));
        item.put(GSI1PK, s(TableKeys.MAIL_WAITING));
        item.put(GSI1SK, s(indexSk(mail.createdAt(), mail.id())));
        if (mail.id().owner() instanceof Outbox.DigestOwner digest) {
            Instant dayStart = digest.day().atStartOfDay(org.advocacyhub.domain.time.WorkingCalendar.ZONE).toInstant();
            item.put(TableKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(dayStart.plus(DIGEST_KEPT).getEpochSecond())));
        }
        return item;
    }

    /** The write of a new email in a transaction: refused when its id is taken, so a decision's email is never written twice. */
    static TransactWriteItem put(String table, OutboxMail mail) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(mail))
                .conditionExpression("attribute_not_exists(PK)").build()).build();
    }

    static List<TransactWriteItem> puts(String table, List<OutboxMail> mails) {
        return mails.stream().map(mail -> put(table, mail)).toList();
    }

    static StoredMail stored(Map<String, AttributeValue> item) {
        Mail mail = item.containsKey("text") ? new Mail(item.get("to").l().stream().map(AttributeValue::s).toList(), str(item, "subject"),
                str(item, "text"), str(item, "html")) : null;
        return new StoredMail(id(item), Outbox.Kind.valueOf(str(item, "kind")), str(item, "contract"), str(item, "what"),
                str(item, "recipient"), mail, Instant.parse(str(item, "createdAt")), Status.valueOf(str(item, "status")),
                Integer.parseInt(item.get("attempts").n()), CaseItemMapper.opt(item, "claim"), instant(item, "leaseUntil"),
                instant(item, "retryAt"), instant(item, "settledAt"), CaseItemMapper.opt(item, "messageId"), CaseItemMapper.opt(item, "note"));
    }

    static Outbox.Trouble trouble(Map<String, AttributeValue> item) {
        return new Outbox.Trouble(id(item), Outbox.Kind.valueOf(str(item, "kind")), str(item, "contract"), str(item, "what"),
                str(item, "recipient"), Status.valueOf(str(item, "status")), CaseItemMapper.opt(item, "note"), instant(item, "settledAt"));
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.parse(str(item, name)) : null;
    }
}
