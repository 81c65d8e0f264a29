package org.advocacyhub.messaging.queue;

import java.util.List;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.port.AlertQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link AlertQueue} on SQS: batches of ten, and any entry SQS refused is an error, never dropped. */
public final class SqsAlertQueue implements AlertQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final AlertMessages messages;

    public SqsAlertQueue(SqsClient sqs, String queueUrl, AlertMessages messages) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.messages = messages;
    }

    @Override
    public void send(List<? extends Alert> alerts) {
        SqsSend.batches(sqs, queueUrl, alerts.stream().map(messages::write).toList(), "alert(s)");
    }
}
