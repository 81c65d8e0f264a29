package org.advocacyhub.casework;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.advocacyhub.application.retention.ApplyRetention;
import org.advocacyhub.application.retention.ExpireCaseloadLists;
import org.advocacyhub.application.support.FunctionContext;
import org.advocacyhub.application.support.SnapStartPriming;

/**
 * Lambda entry point of the daily retention run (template.yaml {@code RetentionFunction}, issue 22): EventBridge Scheduler
 * runs it at 02:30 London, and it deletes the reports' restricted workbooks past their time ({@link ExpireCaseloadLists}) and
 * anonymises every case past its retention period ({@link ApplyRetention}). The input
 * {@code {"dryRun": true}} decides the same and writes nothing; any other payload is a day's run. It stops taking cases a
 * minute before Lambda would stop it, and the next run carries on where it ended.
 */
public class RetentionHandler extends MicronautRequestHandler<Object, String> {

    /** Time kept back at the end of an invocation: one case's writes take well under it. */
    static final long MARGIN_MILLIS = 60_000;

    @Inject
    ApplyRetention retention;

    @Inject
    ExpireCaseloadLists caseloadLists;

    /** SnapStart's runtime hook, kept as long as the function (see {@link SnapStartPriming}). */
    private SnapStartPriming priming;

    /** As Lambda builds it: configuration from the environment ({@link FunctionContext}), and the SnapStart hook registered. */
    public RetentionHandler() {
        super(FunctionContext.lambda());
        priming = SnapStartPriming.register(getClass().getSimpleName(), getApplicationContext(), () -> { });
    }

    public RetentionHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public String execute(Object payload) {
        boolean dryRun = payload instanceof Map<?, ?> input && Boolean.TRUE.equals(input.get("dryRun"));
        Optional<Context> lambda = getApplicationContext().findBean(Context.class);
        BooleanSupplier timeLeft = () -> lambda.map(c -> c.getRemainingTimeInMillis() > MARGIN_MILLIS).orElse(true);
        // The restricted workbooks first: a list goes no later than the first of its cases (ExpireCaseloadLists).
        int workbooks = caseloadLists.run(dryRun).size();
        return retention.run(dryRun, timeLeft).summary() + " restrictedWorkbooks=" + workbooks;
    }
}
