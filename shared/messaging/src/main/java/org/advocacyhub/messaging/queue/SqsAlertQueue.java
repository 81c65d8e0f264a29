package org.advocacyhub.messaging.queue;

import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.port.AlertQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** {@link AlertQueue} on SQS: batches of ten, and any entry SQS refused is an error, never dropped. */
public final class SqsAlertQueue implements AlertQueue {

    /** SQS's most entries per SendMessageBatch. */
    private static final int BATCH = 10;

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
        for (int from = 0; from < alerts.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(alerts.size(), from + BATCH); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(messages.write(alerts.get(i))).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " alert(s) not queued: " + response.failed().get(0).code());
            }
        }
    }
}
