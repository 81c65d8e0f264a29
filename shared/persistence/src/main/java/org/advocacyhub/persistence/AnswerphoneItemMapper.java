package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.TYPE;
import static org.advocacyhub.persistence.CaseItemMapper.opt;
import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.CaseItemMapper.str;
import static org.advocacyhub.persistence.TableKeys.EXPIRES_AT;
import static org.advocacyhub.persistence.TableKeys.PK;
import static org.advocacyhub.persistence.TableKeys.SK;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import org.advocacyhub.domain.answerphone.CallbackAttempt;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.answerphone.CallbackMethod;
import org.advocacyhub.domain.answerphone.CallbackOutcome;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.time.FinancialQuarter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Answerphone messages, their attempts and audit, and what the returns keep of them, as items (issue 10). Hand-written like {@link CaseItemMapper}. */
final class AnswerphoneItemMapper {

    private AnswerphoneItemMapper() {
    }

    /**
     * The message item, in the list index: open ones by due time, responded ones by when they were left.
     *
     * @param dueAt the callback's due time (a message's clock is never paused)
     */
    static Map<String, AttributeValue> toItem(AnswerphoneMessage m, Instant dueAt, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableKeys.messagePk(m.id())));
        item.put(SK, s(TableKeys.MESSAGE_SK));
        item.put(TYPE, s("MESSAGE"));
        boolean open = !m.responded();
        item.put(TableKeys.GSI3PK, s(TableKeys.messageListPk(m.contract(), (open ? AnswerphoneStore.Listing.OPEN
                : AnswerphoneStore.Listing.RESPONDED).name())));
        item.put(TableKeys.GSI3SK, s(TableKeys.sortable(open ? dueAt : m.leftAt()) + "#" + m.id()));
        item.put("messageId", s(m.id()));
        item.put("contract", s(m.contract()));
        item.put("leftAt", s(m.leftAt().toString()));
        put(item, "callerName", m.callerName());
        put(item, "callbackNumber", m.callbackNumber());
        put(item, "callbackEmail", m.callbackEmail());
        put(item, "preferredMethod", m.preferredMethod() == null ? null : m.preferredMethod().name());
        put(item, "service", m.service() == null ? null : m.service().name());
        put(item, "reference", m.reference() == null ? null : m.reference().value());
        put(item, "summary", m.summary());
        put(item, "accessNeeds", m.accessNeeds());
        item.put("keyedBy", s(m.keyedBy()));
        item.put("keyedAt", s(m.keyedAt().toString()));
        item.put("clock", AttributeValue.fromM(CaseItemMapper.clock(m.clock())));
        item.put("attempts", AttributeValue.fromN(Integer.toString(m.attempts())));
        item.put("version", AttributeValue.fromN(Long.toString(m.version())));
        item.put(EXPIRES_AT, epoch(expiresAt));
        return item;
    }

    static AnswerphoneMessage toMessage(Map<String, AttributeValue> item) {
        return new AnswerphoneMessage(str(item, "messageId"), str(item, "contract"), Instant.parse(str(item, "leftAt")),
                opt(item, "callerName"), opt(item, "callbackNumber"), opt(item, "callbackEmail"),
                item.containsKey("preferredMethod") ? CallbackMethod.valueOf(str(item, "preferredMethod")) : null,
                item.containsKey("service") ? ServiceCode.valueOf(str(item, "service")) : null,
                item.containsKey("reference") ? ReferralReference.parse(str(item, "reference")).orElseThrow() : null,
                opt(item, "summary"), opt(item, "accessNeeds"), str(item, "keyedBy"), Instant.parse(str(item, "keyedAt")),
                CaseItemMapper.toClock(item.get("clock").m()), Integer.parseInt(item.get("attempts").n()),
                Long.parseLong(item.get("version").n()));
    }

    static Map<String, AttributeValue> toItem(String messageId, CallbackAttempt a, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableKeys.messagePk(messageId)));
        item.put(SK, s(TableKeys.recordSk("RESPONSE#", a.at(), a.id())));
        item.put(TYPE, s("RESPONSE"));
        item.put("attemptId", s(a.id()));
        item.put("at", s(a.at().toString()));
        item.put("method", s(a.method().name()));
        item.put("outcome", s(a.outcome().name()));
        put(item, "note", a.note());
        item.put("referralTaken", AttributeValue.fromBool(a.referralTaken()));
        put(item, "reference", a.reference() == null ? null : a.reference().value());
        item.put("staffId", s(a.staffId()));
        item.put("recordedAt", s(a.recordedAt().toString()));
        item.put(EXPIRES_AT, epoch(expiresAt));
        return item;
    }

    static CallbackAttempt toAttempt(Map<String, AttributeValue> item) {
        return new CallbackAttempt(str(item, "attemptId"), Instant.parse(str(item, "at")), CallbackMethod.valueOf(str(item, "method")),
                CallbackOutcome.valueOf(str(item, "outcome")), opt(item, "note"), item.get("referralTaken").bool(),
                item.containsKey("reference") ? ReferralReference.parse(str(item, "reference")).orElseThrow() : null,
                str(item, "staffId"), Instant.parse(str(item, "recordedAt")));
    }

    /** An access to a message, in its own audit trail, deleted with it. */
    static Map<String, AttributeValue> toItem(String messageId, AuditEntry e, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableKeys.messagePk(messageId)));
        item.put(SK, s(TableKeys.recordSk("AUDIT#", e.at(), e.id())));
        item.put(TYPE, s("AUDIT"));
        item.put("recordId", s(e.id()));
        item.put("at", s(e.at().toString()));
        item.put("staffId", s(e.staffId()));
        item.put("action", s(e.action()));
        item.put(EXPIRES_AT, epoch(expiresAt));
        return item;
    }

    /** What the returns keep (no personal data, no TTL): in the contract's returns partition for the quarter the message was left. */
    static Map<String, AttributeValue> keptItem(AnswerphoneMessage m, Instant dueAt) {
        return keptItem(m.contract(), new CallbackFigures.Kept(m.id(), m.leftAt(), dueAt, m.clock().stopped().orElse(null)));
    }

    static Map<String, AttributeValue> keptItem(String contract, CallbackFigures.Kept kept) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableKeys.returnsPk(contract, FinancialQuarter.containing(kept.leftAt()).key())));
        item.put(SK, s(TableKeys.keptCallbackSk(kept.leftAt(), kept.messageId())));
        item.put(TYPE, s("KEPT_CALLBACK"));
        item.put("messageId", s(kept.messageId()));
        item.put("leftAt", s(kept.leftAt().toString()));
        item.put("dueAt", s(kept.dueAt().toString()));
        if (kept.respondedAt() != null) {
            item.put("respondedAt", s(kept.respondedAt().toString()));
        }
        return item;
    }

    static Map<String, AttributeValue> keptKey(AnswerphoneMessage m) {
        return Map.of(PK, s(TableKeys.returnsPk(m.contract(), FinancialQuarter.containing(m.leftAt()).key())),
                SK, s(TableKeys.keptCallbackSk(m.leftAt(), m.id())));
    }

    static CallbackFigures.Kept toKept(Map<String, AttributeValue> item) {
        return new CallbackFigures.Kept(str(item, "messageId"), Instant.parse(str(item, "leftAt")), Instant.parse(str(item, "dueAt")),
                item.containsKey("respondedAt") ? Instant.parse(str(item, "respondedAt")) : null);
    }

    static AttributeValue epoch(Instant at) {
        return AttributeValue.fromN(Long.toString(at.getEpochSecond()));
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
