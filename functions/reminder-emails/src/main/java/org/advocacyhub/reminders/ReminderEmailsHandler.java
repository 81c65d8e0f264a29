package org.advocacyhub.reminders;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Optional;
import org.advocacyhub.application.alerts.SendAlert;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.support.FunctionContext;
import org.advocacyhub.application.support.SnapStartPriming;
import org.advocacyhub.messaging.queue.AlertMessages;
import org.advocacyhub.messaging.queue.SqsBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the reminder emails (template.yaml {@code ReminderEmailsFunction}, issue 9),
 * triggered by the reminder queue. Each alert is sent on its own; one that fails is reported as a
 * batch item failure, so only it comes back (and after three receives goes to the dead-letter
 * queue and its alarm), while the rest of the batch is done. Exactly once is {@link SendAlert}'s.
 */
public class ReminderEmailsHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderEmailsHandler.class);

    @Inject
    AlertMessages messages;

    @Inject
    SendAlert sendAlert;

    /** SnapStart's runtime hook, kept as long as the function (see {@link SnapStartPriming}). */
    private SnapStartPriming priming;

    /** As Lambda builds it: configuration from the environment ({@link FunctionContext}), and the SnapStart hook registered. */
    public ReminderEmailsHandler() {
        super(FunctionContext.lambda());
        // No priming event: sending an alert claims it in the ledger first. The table client is primed.
        priming = SnapStartPriming.register(getClass().getSimpleName(), getApplicationContext(),
                () -> { });
    }

    public ReminderEmailsHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return SqsBatch.process(event, LOG, message -> {
            Alert alert = messages.read(message.getBody());
            SendAlert.Outcome outcome = sendAlert.send(alert);
            // Identifiers only: the case reference, the clock and the kind; no one's name or address.
            LOG.info("Message {}: {} {}", message.getMessageId(), describe(alert), outcome);
            return Optional.empty();
        });
    }

    private static String describe(Alert alert) {
        if (alert instanceof Alert.Deadline d) {
            return d.kind() + " " + d.reference().value() + " " + d.clock() + " due " + d.dueAt();
        }
        if (alert instanceof Alert.Callback c) {
            return c.kind() + " " + c.messageId() + " callback due " + c.dueAt();
        }
        if (alert instanceof Alert.ReportDue r) {
            return r.kind() + " " + r.contract() + " " + r.quarter().key() + " report due " + r.dueAt();
        }
        Alert.Digest d = (Alert.Digest) alert;
        return "DIGEST " + d.day() + " " + d.staffId();
    }
}
