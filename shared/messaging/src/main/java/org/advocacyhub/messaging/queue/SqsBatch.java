package org.advocacyhub.messaging.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Partial batch responses for every SQS-triggered function (template.yaml
 * {@code FunctionResponseTypes: [ReportBatchItemFailures]}), written once: each message is handled
 * on its own, and only those that failed come back (after three receives they go to the queue's
 * dead-letter queue and its alarm), while the rest of the batch is done.
 */
public final class SqsBatch {

    private SqsBatch() {
    }

    /**
     * Handles each message of {@code event} with {@code handler}, which returns empty when the
     * message is done, or why it failed; an exception fails the message too. Failures are logged
     * with the message id and the reason or exception class only: nothing from the body.
     */
    public static SQSBatchResponse process(SQSEvent event, Logger log, Function<SQSEvent.SQSMessage, Optional<String>> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            Optional<String> failure;
            try {
                failure = handler.apply(message);
            } catch (RuntimeException e) {
                failure = Optional.of(e.getClass().getSimpleName());
            }
            if (failure.isPresent()) {
                log.warn("Message {} not done ({}); it comes back for another try", message.getMessageId(), failure.get());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
