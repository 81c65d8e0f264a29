package org.advocacyhub.messaging.queue;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.advocacyhub.application.port.ScreeningQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link ScreeningQueue} on SQS: one message per referral, deduplicated by screening itself. */
public final class SqsScreeningQueue implements ScreeningQueue {

    /** Thread-safe; one for the process. */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsScreeningQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void referralReceived(ReferralReceived message) {
        String body = write(new ReferralReceivedMessage(ReferralReceivedMessage.TYPE, ReferralReceivedMessage.VERSION,
                message.reference().value(), message.contract(), message.service().name(),
                message.receivedAt().toString()));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    /**
     * The message as JSON, its fields in the record's order, as the JSON mapper writes it ({@link ScreeningMessages}
     * reads it with the mapper). Written field by field: every referral sends one, and the mapper's look-ups for a
     * record of six fields cost more than the writing (issue 12, "Warm path").
     */
    static String write(ReferralReceivedMessage message) {
        ByteArrayOutputStream text = new ByteArrayOutputStream(192);
        try (JsonGenerator json = JSON.createGenerator(text, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("type", message.type());
            json.writeNumberField("version", message.version());
            json.writeStringField("reference", message.reference());
            json.writeStringField("contract", message.contract());
            json.writeStringField("service", message.service());
            json.writeStringField("receivedAt", message.receivedAt());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
