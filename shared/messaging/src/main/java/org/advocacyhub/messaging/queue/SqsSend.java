package org.advocacyhub.messaging.queue;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Puts messages on a queue in batches of ten, written once: any entry SQS refused is an error, never dropped. */
final class SqsSend {

    /** SQS's most entries per SendMessageBatch. */
    private static final int BATCH = 10;

    private SqsSend() {
    }

    /** @param what what the messages are, for the error ("alert(s)") */
    static void batches(SqsClient sqs, String queueUrl, List<String> bodies, String what) {
        for (int from = 0; from < bodies.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(bodies.size(), from + BATCH); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(bodies.get(i)).build());
            }
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(response.failed().size() + " " + what + " not queued: " + response.failed().get(0).code());
            }
        }
    }
}
