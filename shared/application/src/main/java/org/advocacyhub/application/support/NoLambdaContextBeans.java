package org.advocacyhub.application.support;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Every function's handler ({@code MicronautRequestHandler}) asks this, on every invocation, to make the Lambda
 * {@link Context} and its logger beans. Micronaut's own ({@link DefaultLambdaContextFactory}) registers them as
 * singletons each time, and each registration looks through every bean definition in the jar: over a quarter of the
 * intake handler's own CPU time on a warm request (issue 12, "Warm path"). No bean here injects the Lambda context or
 * its logger (a use case takes its time from the {@code Clock}, its settings from the environment, and logs through
 * SLF4J), so none is registered. A bean that needs the context must be given it by its handler.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
public final class NoLambdaContextBeans implements LambdaContextFactory {

    @Override
    public void registerSingletons(Context context) {
        // Nothing: see the class comment.
    }
}
