package org.advocacyhub.intake;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.advocacyhub.application.intake.RequeueUnscreenedReferrals;

/**
 * Lambda entry point for the scheduled sweep (template.yaml {@code ScreeningSweepFunction}, every
 * five minutes): referrals stored but never screened are handed to screening again. The payload
 * is not read (EventBridge Scheduler sends its own, not a CloudWatch {@code ScheduledEvent}): the
 * work to do is in the table.
 */
public class ScreeningSweepHandler extends MicronautRequestHandler<Object, String> {

    @Inject
    RequeueUnscreenedReferrals requeue;

    public ScreeningSweepHandler() {
    }

    public ScreeningSweepHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public String execute(Object schedulePayload) {
        return "requeued=" + requeue.run();
    }
}
