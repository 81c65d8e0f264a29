package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.TableKeys.PK;
import static org.advocacyhub.persistence.TableKeys.SK;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.advocacyhub.application.port.Outbox.MailId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of what the mail service said of the emails it took (issue 24), in one place:
 * <ul>
 *   <li>{@code SESMSG#<SES message id> / SESMSG}: which outbox email SES gave that id (owner and key only), written
 *       with the email's "sent"; kept {@link #KEPT}, as long as a bounce or complaint may come.</li>
 *   <li>{@code MAILFEEDBACK#<SES message id> / <BOUNCE|COMPLAINT>#<address keys>}: a notification recorded, once; ids,
 *       the kind and the bounce type only.</li>
 *   <li>{@code SUPPRESSED#<SHA-256 of the address> / SUPPRESSED}: no more email to that address (a complaint); the
 *       address itself is not stored.</li>
 * </ul>
 */
final class MailFeedbackItems {

    /** How long a sent email can still be found by its SES message id, and a notification's record is kept. */
    static final Duration KEPT = Duration.ofDays(30);
    static final String SENT_AS = "SESMSG";
    static final String FEEDBACK = "MAILFEEDBACK";
    static final String SUPPRESSED = "SUPPRESSED";

    private MailFeedbackItems() {
    }

    static Map<String, AttributeValue> sentAsKey(String sesMessageId) {
        return Map.of(PK, s(SENT_AS + "#" + sesMessageId), SK, s(SENT_AS));
    }

    static Map<String, AttributeValue> sentAs(MailId id, String sesMessageId, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(sentAsKey(sesMessageId));
        item.put(CaseItemMapper.TYPE, s(SENT_AS));
        OutboxItems.putOwner(item, id);
        item.put("sentAt", s(at.toString()));
        item.put(TableKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(at.plus(KEPT).getEpochSecond())));
        return item;
    }

    static Map<String, AttributeValue> feedbackKey(String sesMessageId, String key) {
        return Map.of(PK, s(FEEDBACK + "#" + sesMessageId), SK, s(key));
    }

    static Map<String, AttributeValue> suppressedKey(String addressKey) {
        return Map.of(PK, s(SUPPRESSED + "#" + addressKey), SK, s(SUPPRESSED));
    }
}
