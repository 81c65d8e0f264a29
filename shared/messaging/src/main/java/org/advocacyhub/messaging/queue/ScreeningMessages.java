package org.advocacyhub.messaging.queue;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.advocacyhub.domain.casework.ReferralReference;

/** Reads screening queue messages; anything that is not a version-1 {@code ReferralReceived} is refused. */
@Singleton
public final class ScreeningMessages {

    private final JsonMapper json;

    public ScreeningMessages(JsonMapper json) {
        this.json = json;
    }

    /** A message that can never be processed: it goes to the dead-letter queue for a person to look at. */
    public static final class UnreadableMessage extends RuntimeException {
        UnreadableMessage(String why) {
            super(why);
        }
    }

    public ReferralReference referenceOf(String body) {
        ReferralReceivedMessage message;
        try {
            message = json.readValue(body, ReferralReceivedMessage.class);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableMessage("not a ReferralReceived JSON message");
        }
        if (message == null || !ReferralReceivedMessage.TYPE.equals(message.type())
                || message.version() != ReferralReceivedMessage.VERSION) {
            throw new UnreadableMessage("unexpected message type or version");
        }
        return ReferralReference.parse(message.reference())
                .orElseThrow(() -> new UnreadableMessage("malformed reference"));
    }
}
