package org.advocacyhub.answerphone;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;
import org.advocacyhub.application.answerphone.AnswerphoneMessages;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.web.JsonBody;
import org.advocacyhub.web.RequestBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message the telephony system put on the answerphone queue: the same JSON as
 * {@code POST /answerphone-messages}, by the same strict reader and the same checks, with its
 * {@code sourceId} as the key that stores it once however often it is sent.
 */
@Singleton
public final class AnswerphoneQueueMessages {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerphoneQueueMessages.class);

    private final AnswerphoneMessages messages;

    public AnswerphoneQueueMessages(AnswerphoneMessages messages) {
        this.messages = messages;
    }

    /** Empty when stored (now or before); else why not, naming fields only, never their values. */
    public Optional<String> handle(SQSEvent.SQSMessage message) {
        byte[] body = message.getBody() == null ? new byte[0] : message.getBody().getBytes(StandardCharsets.UTF_8);
        if (body.length > RequestBodies.MAX_BODY_BYTES) {
            return Optional.of("larger than " + RequestBodies.MAX_BODY_BYTES + " bytes");
        }
        JsonBody.Parsed parsed = JsonBody.parse(body);
        if (!(parsed instanceof JsonBody.JsonObject object)) {
            return Optional.of(parsed instanceof JsonBody.DuplicateKey duplicate ? "a duplicate key '" + duplicate.field() + "'"
                    : "not a JSON object");
        }
        AnswerphoneMessages.Outcome outcome = messages.record(AnswerphoneMessages.TELEPHONY, Optional.empty(),
                SubmittedFields.fromJsonObject(object.value()));
        if (outcome instanceof AnswerphoneMessages.Created created) {
            LOG.info("Message {}: answerphone message {} {}", message.getMessageId(), created.message().id(),
                    created.repeated() ? "was stored before" : "stored");
            return Optional.empty();
        }
        if (outcome instanceof AnswerphoneMessages.Invalid invalid) {
            return Optional.of("invalid " + invalid.errors().stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")));
        }
        return Optional.of(outcome.getClass().getSimpleName());
    }
}
