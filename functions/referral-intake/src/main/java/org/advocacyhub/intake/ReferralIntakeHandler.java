package org.advocacyhub.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.advocacyhub.application.support.FunctionContext;
import org.advocacyhub.application.support.SnapStartPriming;
import org.advocacyhub.intake.web.IntakeWeb;

/**
 * Lambda entry point for the intake API (template.yaml {@code ReferralIntakeFunction}): the public
 * referral form, JSON intake and the staff case view. One application context is built per
 * execution environment and reused by every invocation.
 */
public class ReferralIntakeHandler
        extends MicronautRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Inject
    IntakeWeb web;

    /** SnapStart's runtime hook, kept as long as the function (see {@link SnapStartPriming}). */
    private SnapStartPriming priming;

    /** As Lambda builds it: configuration from the environment ({@link FunctionContext}), and the SnapStart hook registered. */
    public ReferralIntakeHandler() {
        super(FunctionContext.lambda());
        // Priming event: the referral form, which reads nothing.
        priming = SnapStartPriming.register(getClass().getSimpleName(), getApplicationContext(),
                () -> execute(new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/referrals/new")
                .withResource("/referrals/new").withHeaders(java.util.Map.of())));
    }

    /** For the local stack and tests: the same handler with its configuration given, not read from the environment. */
    public ReferralIntakeHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public APIGatewayProxyResponseEvent execute(APIGatewayProxyRequestEvent request) {
        return web.handle(request);
    }
}
