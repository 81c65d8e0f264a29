package org.advocacyhub.casework;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.advocacyhub.casework.web.CaseworkWeb;

/**
 * Lambda entry point for the staff API (template.yaml {@code CaseworkFunction}): cases, the staff
 * directory, the waiting list, allocation and the casework that follows. One application context
 * is built per execution environment and reused by every invocation.
 */
public class CaseworkHandler extends MicronautRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Inject
    CaseworkWeb web;

    public CaseworkHandler() {
    }

    /** For the local stack and tests: the same handler with its configuration given, not read from the environment. */
    public CaseworkHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public APIGatewayProxyResponseEvent execute(APIGatewayProxyRequestEvent request) {
        return web.handle(request);
    }
}
