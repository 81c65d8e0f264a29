package org.advocacyhub.eligibility;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Optional;
import org.advocacyhub.application.screening.ScreenReferral;
import org.advocacyhub.messaging.queue.ScreeningMessages;
import org.advocacyhub.messaging.queue.SqsBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for screening (template.yaml {@code EligibilityCheckFunction}, triggered by
 * the screening queue). Each message is screened on its own ({@link SqsBatch}): the ones that fail
 * come back, and after three receives go to the dead-letter queue, while the rest of the batch is done.
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
        return SqsBatch.process(event, LOG, message -> screenReferral.screen(messages.referenceOf(message.getBody()))
                instanceof ScreenReferral.NoSuchCase ? Optional.of("names a referral that does not exist") : Optional.empty());
    }
}
