package org.advocacyhub.messaging.queue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.advocacyhub.application.port.ScreeningQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link ScreeningQueue} on SQS: one message per referral, deduplicated by screening itself. */
public final class SqsScreeningQueue implements ScreeningQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final JsonMapper json;

    public SqsScreeningQueue(SqsClient sqs, String queueUrl, JsonMapper json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void referralReceived(ReferralReceived message) {
        ReferralReceivedMessage body = new ReferralReceivedMessage(ReferralReceivedMessage.TYPE,
                ReferralReceivedMessage.VERSION, message.reference().value(), message.contract(),
                message.service().name(), message.receivedAt().toString());
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(text));
    }
}
