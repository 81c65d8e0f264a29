package org.advocacyhub.eligibility;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Optional;
import org.advocacyhub.application.screening.ScreenReferral;
import org.advocacyhub.application.support.FunctionContext;
import org.advocacyhub.application.support.SnapStartPriming;
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

    /** SnapStart's runtime hook, kept as long as the function (see {@link SnapStartPriming}). */
    private SnapStartPriming priming;

    /** As Lambda builds it: configuration from the environment ({@link FunctionContext}), and the SnapStart hook registered. */
    public EligibilityCheckHandler() {
        super(FunctionContext.lambda());
        // Priming event: a message naming a referral that does not exist (read, not found, reported as a failure).
        priming = SnapStartPriming.register(getClass().getSimpleName(), getApplicationContext(),
                () -> execute(primingEvent()));
    }

    public EligibilityCheckHandler(ApplicationContextBuilder context) {
        super(context);
    }

    /** A screening message naming a referral that does not exist: screening reads the table, finds nothing and stops. */
    private static SQSEvent primingEvent() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("snapstart-priming");
        message.setBody("{\"type\": \"ReferralReceived\", \"version\": 1, \"reference\": \"LLR-2000-999999\", \"contract\": \"LLR\","
                + " \"service\": \"IMCA\", \"receivedAt\": \"2000-01-03T00:00:00Z\"}");
        SQSEvent event = new SQSEvent();
        event.setRecords(java.util.List.of(message));
        return event;
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return SqsBatch.process(event, LOG, message -> screenReferral.screen(messages.referenceOf(message.getBody()))
                instanceof ScreenReferral.NoSuchCase ? Optional.of("names a referral that does not exist") : Optional.empty());
    }
}
