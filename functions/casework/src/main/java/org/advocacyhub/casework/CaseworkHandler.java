package org.advocacyhub.casework;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.advocacyhub.application.support.FunctionContext;
import org.advocacyhub.application.support.SnapStartPriming;
import org.advocacyhub.casework.web.CaseworkWeb;

/**
 * Lambda entry point for the staff API (template.yaml {@code CaseworkFunction}): cases, the staff
 * directory, the waiting list, allocation and the casework that follows. One application context
 * is built per execution environment and reused by every invocation.
 */
public class CaseworkHandler extends MicronautRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Inject
    CaseworkWeb web;

    /** SnapStart's runtime hook, kept as long as the function (see {@link SnapStartPriming}). */
    private SnapStartPriming priming;

    /** As Lambda builds it: configuration from the environment ({@link FunctionContext}), and the SnapStart hook registered. */
    public CaseworkHandler() {
        super(FunctionContext.lambda());
        // Priming event: a case asked for without a token, refused before anything is read.
        priming = SnapStartPriming.register(getClass().getSimpleName(), getApplicationContext(),
                () -> execute(new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/cases/LLR-2000-999999")
                .withResource("/cases/{reference}").withPathParameters(java.util.Map.of("reference", "LLR-2000-999999"))
                .withHeaders(java.util.Map.of())));
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
