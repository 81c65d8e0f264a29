package org.advocacyhub.intake;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.advocacyhub.application.intake.RequeueUnscreenedReferrals;

/**
 * Lambda entry point for the scheduled sweep (template.yaml {@code ScreeningSweepFunction}, every
 * five minutes): referrals stored but never screened are handed to screening again.
 */
public class ScreeningSweepHandler extends MicronautRequestHandler<ScheduledEvent, String> {

    @Inject
    RequeueUnscreenedReferrals requeue;

    public ScreeningSweepHandler() {
    }

    public ScreeningSweepHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public String execute(ScheduledEvent event) {
        return "requeued=" + requeue.run();
    }
}
