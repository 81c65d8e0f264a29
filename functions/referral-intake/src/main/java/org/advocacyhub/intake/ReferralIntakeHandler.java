package org.advocacyhub.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
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

    public ReferralIntakeHandler() {
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
