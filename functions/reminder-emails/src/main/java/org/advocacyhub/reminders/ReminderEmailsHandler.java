package org.advocacyhub.reminders;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Optional;
import org.advocacyhub.application.alerts.SendAlert;
import org.advocacyhub.application.mail.RecordMailFeedback;
import org.advocacyhub.application.mail.SendMail;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.support.FunctionContext;
import org.advocacyhub.application.support.SnapStartPriming;
import org.advocacyhub.messaging.queue.AlertMessages;
import org.advocacyhub.messaging.queue.MailFeedbackMessages;
import org.advocacyhub.messaging.queue.MailMessages;
import org.advocacyhub.messaging.queue.SqsBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the hub's mail sender (template.yaml {@code ReminderEmailsFunction}, issues 9,
 * 19 and 24), triggered by three queues: the reminder queue, whose alerts are decided once each and their
 * emails written into the outbox ({@link SendAlert}), the mail queue, whose outbox emails are sent
 * once each ({@link SendMail}), and the mail feedback queue, whose bounces and complaints from SES are
 * recorded once each ({@link RecordMailFeedback}). Each message is handled on its own; one that fails is reported as a
 * batch item failure, so only it comes back (and after three receives goes to the dead-letter queue and
 * its alarm), while the rest of the batch is done.
 */
public class ReminderEmailsHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderEmailsHandler.class);

    @Inject
    AlertMessages messages;

    @Inject
    SendAlert sendAlert;

    @Inject
    SendMail sendMail;

    @Inject
    RecordMailFeedback recordFeedback;

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
            if (MailFeedbackMessages.isNotification(message.getBody())) {
                // A bounce or complaint SES published (issue 24): recorded once, whatever number of times it comes.
                Optional<RecordMailFeedback.Notice> notice = MailFeedbackMessages.read(message.getBody());
                RecordMailFeedback.Outcome outcome = notice.map(recordFeedback::record).orElse(null);
                // Identifiers only: the SES message id and what became of it; never an address.
                LOG.info("Message {}: mail service notification {} {}", message.getMessageId(),
                        notice.map(n -> n.sesMessageId() + " " + n.feedback().type()).orElse("(not a bounce or complaint)"),
                        outcome == null ? "ignored" : outcome.getClass().getSimpleName());
                return Optional.empty();
            }
            if (MailMessages.isMail(message.getBody())) {
                Outbox.MailId id = MailMessages.read(message.getBody());
                SendMail.Outcome outcome = sendMail.send(id);
                // Identifiers only: the owner and the email's kind of key; no one's name or address.
                LOG.info("Message {}: mail of {} {}", message.getMessageId(), id.owner().displayName(), outcome.getClass().getSimpleName());
                return Optional.empty();
            }
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
        if (alert instanceof Alert.DataRequestDue q) {
            return q.kind() + " data request " + q.requestId() + " due " + q.dueAt();
        }
        if (alert instanceof Alert.CaseStudiesDue c) {
            return "CASE STUDIES " + c.contract() + " " + c.quarter().key() + " due " + c.dueAt();
        }
        Alert.Digest d = (Alert.Digest) alert;
        return "DIGEST " + d.day() + " " + d.staffId();
    }
}
