package org.advocacyhub.timer;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import org.advocacyhub.application.alerts.QueueDailyDigests;
import org.advocacyhub.application.alerts.RaiseDeadlineAlerts;
import org.advocacyhub.application.support.FunctionContext;
import org.advocacyhub.application.support.SnapStartPriming;

/**
 * Lambda entry point of the allocation timer (template.yaml {@code AllocationTimerFunction}, issue 9).
 * EventBridge Scheduler runs it every minute to raise the deadline alerts now due, and at 08:30
 * London with the schedule's input {@code {"digest": true}} to queue the daily digests. Any other
 * payload is a minute's run: the work to do is in the table.
 */
public class AllocationTimerHandler extends MicronautRequestHandler<Object, String> {

    @Inject
    RaiseDeadlineAlerts alerts;

    @Inject
    QueueDailyDigests digests;

    /** SnapStart's runtime hook, kept as long as the function (see {@link SnapStartPriming}). */
    private SnapStartPriming priming;

    /** As Lambda builds it: configuration from the environment ({@link FunctionContext}), and the SnapStart hook registered. */
    public AllocationTimerHandler() {
        super(FunctionContext.lambda());
        // No priming event: every run raises the alerts due. The table client is primed.
        priming = SnapStartPriming.register(getClass().getSimpleName(), getApplicationContext(),
                () -> { });
    }

    public AllocationTimerHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public String execute(Object schedulePayload) {
        if (schedulePayload instanceof Map<?, ?> input && Boolean.TRUE.equals(input.get("digest"))) {
            return "digests=" + digests.run();
        }
        RaiseDeadlineAlerts.Result result = alerts.run();
        return "read=" + result.read() + " raised=" + result.raised();
    }
}
