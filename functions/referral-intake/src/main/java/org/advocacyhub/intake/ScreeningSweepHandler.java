package org.advocacyhub.intake;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.advocacyhub.application.intake.RequeueUnscreenedReferrals;
import org.advocacyhub.application.mail.RequeueWaitingMail;
import org.advocacyhub.application.support.FunctionContext;
import org.advocacyhub.application.support.SnapStartPriming;

/**
 * Lambda entry point for the scheduled sweep (template.yaml {@code ScreeningSweepFunction}, every
 * five minutes): referrals stored but never screened are handed to screening again, and emails still
 * waiting in the outbox (a lost queue message, a retry due, a sender that stopped) are handed to the
 * mail sender again (issue 19). The payload
 * is not read (EventBridge Scheduler sends its own, not a CloudWatch {@code ScheduledEvent}): the
 * work to do is in the table.
 */
public class ScreeningSweepHandler extends MicronautRequestHandler<Object, String> {

    @Inject
    RequeueUnscreenedReferrals requeue;

    @Inject
    RequeueWaitingMail mail;

    /** SnapStart's runtime hook, kept as long as the function (see {@link SnapStartPriming}). */
    private SnapStartPriming priming;

    /** As Lambda builds it: configuration from the environment ({@link FunctionContext}), and the SnapStart hook registered. */
    public ScreeningSweepHandler() {
        super(FunctionContext.lambda());
        // No priming event: every sweep does real work. The table client is primed.
        priming = SnapStartPriming.register(getClass().getSimpleName(), getApplicationContext(),
                () -> { });
    }

    public ScreeningSweepHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public String execute(Object schedulePayload) {
        return "requeued=" + requeue.run() + " mail=" + mail.run();
    }
}
