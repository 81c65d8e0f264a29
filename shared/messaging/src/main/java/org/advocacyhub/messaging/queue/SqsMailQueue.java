package org.advocacyhub.messaging.queue;

import java.util.List;
import org.advocacyhub.application.port.MailQueue;
import org.advocacyhub.application.port.Outbox;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link MailQueue} on SQS (template.yaml {@code MailQueue}): one message per outbox email, its id only. */
public final class SqsMailQueue implements MailQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsMailQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void queued(List<Outbox.MailId> ids) {
        SqsSend.batches(sqs, queueUrl, ids.stream().map(MailMessages::write).toList(), "email(s)");
    }
}
