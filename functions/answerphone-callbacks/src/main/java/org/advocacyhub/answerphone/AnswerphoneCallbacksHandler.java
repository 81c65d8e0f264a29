package org.advocacyhub.answerphone;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.advocacyhub.application.support.FunctionContext;
import org.advocacyhub.application.support.SnapStartPriming;
import org.advocacyhub.messaging.queue.SqsBatch;
import org.advocacyhub.web.LambdaEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for answerphone messages (template.yaml {@code AnswerphoneCallbacksFunction},
 * issue 10), with two triggers: the staff API's answerphone routes (API Gateway) and the
 * answerphone queue a telephony system writes to (SQS, partial batch failures through
 * {@link SqsBatch}: a bad message goes to the dead-letter queue without holding up the rest).
 * Lambda hands a handler of {@code Object} the event as JSON maps; it is read as the event type
 * its shape says ({@code Records} for SQS).
 */
public class AnswerphoneCallbacksHandler extends MicronautRequestHandler<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerphoneCallbacksHandler.class);

    @Inject
    AnswerphoneWeb web;

    @Inject
    AnswerphoneQueueMessages queue;

    @Inject
    JsonMapper json;

    /** SnapStart's runtime hook, kept as long as the function (see {@link SnapStartPriming}). */
    private SnapStartPriming priming;

    /** As Lambda builds it: configuration from the environment ({@link FunctionContext}), and the SnapStart hook registered. */
    public AnswerphoneCallbacksHandler() {
        super(FunctionContext.lambda());
        // Priming event: the message list asked for without a token, as Lambda hands it over (JSON maps), refused before anything is read.
        priming = SnapStartPriming.register(getClass().getSimpleName(), getApplicationContext(),
                () -> execute(java.util.Map.of("httpMethod", "GET", "path", "/answerphone-messages", "resource", "/answerphone-messages",
                "headers", java.util.Map.of())));
    }

    public AnswerphoneCallbacksHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public Object execute(Object event) {
        return LambdaEvents.dispatch(event, json, web::handle, batch -> SqsBatch.process(batch, LOG, queue::handle));
    }
}
