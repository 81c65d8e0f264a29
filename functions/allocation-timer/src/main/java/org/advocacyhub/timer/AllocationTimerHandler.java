package org.advocacyhub.timer;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;
import org.advocacyhub.application.alerts.QueueDailyDigests;
import org.advocacyhub.application.alerts.RaiseDeadlineAlerts;

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

    public AllocationTimerHandler() {
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
