package org.advocacyhub.messaging.queue;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.advocacyhub.application.port.Outbox;

/**
 * The mail queue's messages (issue 19): {@code {"type": "MailQueued", "version": 1, "owner": "CASE",
 * "ownerId": "LLR-2026-000042", "key": "ACKNOWLEDGEMENT"}}, the outbox email's id only, never its words.
 * Anything else is refused.
 */
public final class MailMessages {

    static final String TYPE = "MailQueued";
    static final int VERSION = 1;
    /** Thread-safe; one for the process. */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private MailMessages() {
    }

    public static String write(Outbox.MailId id) {
        ByteArrayOutputStream text = new ByteArrayOutputStream(160);
        try (JsonGenerator json = JSON.createGenerator(text, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("type", TYPE);
            json.writeNumberField("version", VERSION);
            json.writeStringField("owner", id.owner().kind());
            json.writeStringField("ownerId", id.owner().id());
            json.writeStringField("key", id.key());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** Whether a message on a queue the mail sender reads is a mail queue message (the others are alerts). */
    public static boolean isMail(String body) {
        try (JsonParser json = JSON.createParser(body)) {
            return json.nextToken() == JsonToken.START_OBJECT && json.nextToken() == JsonToken.FIELD_NAME && "type".equals(json.currentName())
                    && json.nextToken() == JsonToken.VALUE_STRING && TYPE.equals(json.getText());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** @throws ScreeningMessages.UnreadableMessage when the body is not a version-1 MailQueued message: it can never be sent */
    public static Outbox.MailId read(String body) {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new ScreeningMessages.UnreadableMessage("not a MailQueued JSON message");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, json.getText());
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(name, json.getIntValue());
                } else {
                    json.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ScreeningMessages.UnreadableMessage unreadable) {
                throw unreadable;
            }
            throw new ScreeningMessages.UnreadableMessage("not a MailQueued JSON message");
        }
        if (!TYPE.equals(fields.get("type")) || !Integer.valueOf(VERSION).equals(fields.get("version"))) {
            throw new ScreeningMessages.UnreadableMessage("unexpected message type or version");
        }
        try {
            return new Outbox.MailId(Outbox.Owner.of((String) fields.get("owner"), (String) fields.get("ownerId")), (String) fields.get("key"));
        } catch (RuntimeException e) {
            throw new ScreeningMessages.UnreadableMessage("malformed MailQueued message");
        }
    }
}
