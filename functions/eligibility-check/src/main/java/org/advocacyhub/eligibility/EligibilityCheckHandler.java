package org.advocacyhub.eligibility;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.application.screening.ScreenReferral;
import org.advocacyhub.messaging.queue.ScreeningMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for screening (template.yaml {@code EligibilityCheckFunction}, triggered by
 * the screening queue). Each message is screened on its own; the ones that fail are reported as
 * batch item failures, so only they come back (and after three receives go to the dead-letter
 * queue), while the rest of the batch is done.
 */
public class EligibilityCheckHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(EligibilityCheckHandler.class);

    @Inject
    ScreeningMessages messages;

    @Inject
    ScreenReferral screenReferral;

    public EligibilityCheckHandler() {
    }

    public EligibilityCheckHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                if (screenReferral.screen(messages.referenceOf(message.getBody())) instanceof ScreenReferral.NoSuchCase) {
                    LOG.warn("Message {} names a referral that does not exist", message.getMessageId());
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            } catch (RuntimeException e) {
                // Message id and exception class only: nothing from the body or the case.
                LOG.warn("Message {} not screened ({})", message.getMessageId(), e.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
