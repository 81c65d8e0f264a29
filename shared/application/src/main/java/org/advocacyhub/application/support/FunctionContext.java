package org.advocacyhub.application.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;

/**
 * The application context a function starts with in Lambda (each handler's no-argument constructor): configuration
 * from the environment variables template.yaml sets ({@code TABLE_NAME} as {@code table.name}), the {@code function}
 * and {@code lambda} environments, and only the beans the handler injects, made when it is built.
 *
 * <p>Not Micronaut's Lambda default ({@code LambdaApplicationContextBuilder}), which also makes every singleton in the
 * jar at start: every use case of the shared modules, most of which a function never calls, so a slower cold start
 * (issue 12), and a failed start in a function that lacks what one of them needs (the screening function has no
 * reminder queue for {@code QueueDailyDigests}). SnapStart still snapshots a function with everything its first event
 * needs: {@link SnapStartPriming} runs that path before the snapshot.
 */
public final class FunctionContext {

    private FunctionContext() {
    }

    public static ApplicationContextBuilder lambda() {
        return ApplicationContext.builder().environments("function", "lambda");
    }
}
