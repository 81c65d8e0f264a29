package org.advocacyhub.messaging.queue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.mail.RecordMailFeedback;
import org.advocacyhub.domain.mail.MailFeedback;

/**
 * The mail service's bounce and complaint notifications (issue 24), as they reach the mail feedback queue: SES event
 * publishing's event ({@code eventType: Bounce|Complaint}, {@code mail.messageId}, {@code bounce.bounceType},
 * {@code bounce.bounceSubType}, {@code bounce.bouncedRecipients[].emailAddress},
 * {@code complaint.complainedRecipients[].emailAddress}), inside EventBridge's envelope ({@code detail}, as
 * template.yaml's rule delivers it), inside SNS's ({@code Message}), or on its own (the local stand-in may send any).
 * Other events (a delivery, an open) are not feedback: {@link #read} gives nothing.
 */
public final class MailFeedbackMessages {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private MailFeedbackMessages() {
    }

    /** Whether a body is a mail service notification, of any kind (the mail sender's other queues carry the hub's own messages). */
    public static boolean isNotification(String body) {
        try {
            Map<String, Object> event = event(body);
            return event != null && (event.containsKey("eventType") || event.containsKey("notificationType")) && event.get("mail") instanceof Map;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The bounce or complaint the body tells of, or empty for other events.
     *
     * @throws ScreeningMessages.UnreadableMessage when the body is no notification at all
     */
    public static Optional<RecordMailFeedback.Notice> read(String body) {
        Map<String, Object> event;
        try {
            event = event(body);
        } catch (RuntimeException e) {
            throw new ScreeningMessages.UnreadableMessage("not a mail service notification");
        }
        if (event == null || !(event.get("mail") instanceof Map<?, ?> mail) || !(mail.get("messageId") instanceof String messageId)) {
            throw new ScreeningMessages.UnreadableMessage("not a mail service notification");
        }
        Object type = event.containsKey("eventType") ? event.get("eventType") : event.get("notificationType");
        if ("Bounce".equals(type) && event.get("bounce") instanceof Map<?, ?> bounce) {
            return Optional.of(new RecordMailFeedback.Notice(MailFeedback.bounce(text(bounce.get("bounceType")), text(bounce.get("bounceSubType"))),
                    messageId, addresses(bounce.get("bouncedRecipients"))));
        }
        if ("Complaint".equals(type) && event.get("complaint") instanceof Map<?, ?> complaint) {
            return Optional.of(new RecordMailFeedback.Notice(MailFeedback.complaint(), messageId,
                    addresses(complaint.get("complainedRecipients"))));
        }
        return Optional.empty();
    }

    /** The SES event itself, out of whichever envelope it came in. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(String body) {
        Object parsed = parse(body);
        if (!(parsed instanceof Map)) {
            return null;
        }
        Map<String, Object> outer = (Map<String, Object>) parsed;
        if (outer.get("detail") instanceof Map<?, ?> detail) {
            return (Map<String, Object>) detail;
        }
        if (outer.get("Message") instanceof String message) {
            Object inner = parse(message);
            return inner instanceof Map ? (Map<String, Object>) inner : null;
        }
        return outer;
    }

    private static List<String> addresses(Object recipients) {
        List<String> addresses = new ArrayList<>();
        if (recipients instanceof List<?> list) {
            for (Object recipient : list) {
                if (recipient instanceof Map<?, ?> map && map.get("emailAddress") instanceof String address) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static Object parse(String body) {
        try (JsonParser json = JSON.createParser(body)) {
            return value(json, json.nextToken());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    private static Object value(JsonParser json, JsonToken token) throws IOException {
        if (token == null) {
            return null;
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    map.put(name, value(json, json.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken next = json.nextToken(); next != JsonToken.END_ARRAY; next = json.nextToken()) {
                    if (next == null) {
                        throw new IOException("cut short");
                    }
                    list.add(value(json, next));
                }
                return list;
            }
            case VALUE_STRING -> {
                return json.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return json.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return json.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }
}
