package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.mail.MailFeedback;

/**
 * What the mail service said of the emails it took (issue 24): bounces and complaints, each recorded once, and the
 * addresses no more email may go to (kept by {@link MailFeedback#addressKey}, never in plain).
 */
public interface MailFeedbackStore {

    /** The outbox email the mail service gave {@code sesMessageId} when it took it, if the hub sent it from the outbox. */
    Optional<Outbox.StoredMail> sentAs(String sesMessageId);

    /** Whether a complaint stopped email to the address whose {@link MailFeedback#addressKey} this is. */
    boolean suppressed(String addressKey);

    /**
     * A notification, decided: recorded in one conditional write keyed on the SES message id and the notification
     * ({@code key}), with the case's timeline and tasks, the duty managers' emails (into the outbox), the email marked
     * as bounced, and the addresses to stop sending to. A redelivered notification finds the record and writes nothing.
     *
     * @param mail     the email it is about, or null when the hub does not hold it (a complaint still stops the address)
     * @param suppress the {@link MailFeedback#addressKey}s of the addresses no more email goes to
     */
    record Feedback(String sesMessageId, String key, Outbox.MailId mail, MailFeedback feedback, Instant at,
                    List<CaseEvent> events, List<CaseTask> tasks, List<Outbox.OutboxMail> alerts, List<String> suppress) {
        public Feedback {
            Objects.requireNonNull(sesMessageId, "sesMessageId");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(feedback, "feedback");
            Objects.requireNonNull(at, "at");
            events = List.copyOf(events);
            tasks = List.copyOf(tasks);
            alerts = List.copyOf(alerts);
            suppress = List.copyOf(suppress);
        }
    }

    /** @return false when the same notification was recorded before: nothing written */
    boolean record(Feedback feedback);

    /** For senders with no feedback (tests of other things): nothing is suppressed, nothing is held. */
    MailFeedbackStore NONE = new MailFeedbackStore() {
        @Override
        public Optional<Outbox.StoredMail> sentAs(String sesMessageId) {
            return Optional.empty();
        }

        @Override
        public boolean suppressed(String addressKey) {
            return false;
        }

        @Override
        public boolean record(Feedback feedback) {
            throw new UnsupportedOperationException("no feedback store");
        }
    };
}
