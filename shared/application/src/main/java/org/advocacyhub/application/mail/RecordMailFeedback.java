package org.advocacyhub.application.mail;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.application.port.DeadlineMetrics;
import org.advocacyhub.application.port.MailFeedbackStore;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.Outbox.StoredMail;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffEmails;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.mail.MailFeedback;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.staff.StaffRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounce or complaint the mail service published for an email the hub sent (issue 24), recorded once.
 *
 * <ul>
 *   <li>The email is found by the message id SES gave it (kept when it was sent). One the hub did not send from the
 *       outbox (a quarterly return to a council) is only logged, by id; a complaint about it still stops the address.</li>
 *   <li>A case's email: the timeline says what happened in words ("The decision letter to the referrer bounced:
 *       mailbox does not exist"); for a letter to the referrer, a task asks the duty manager to reach the referrer
 *       another way (the phone number on the referral).</li>
 *   <li>The contract's duty managers are emailed (initials only), once per bounced email: a bounced staff alert
 *       too, so that someone knows its recipient was not told. An email about a bounce that bounces is only recorded:
 *       it never starts another.</li>
 *   <li>A complaint stops every further email to the address ({@link MailFeedbackStore#suppressed}).</li>
 *   <li>All of it is one conditional write keyed on the SES message id and the notification: a redelivered
 *       notification does nothing twice.</li>
 * </ul>
 */
@Singleton
public final class RecordMailFeedback {

    private static final Logger LOG = LoggerFactory.getLogger(RecordMailFeedback.class);

    private final MailFeedbackStore store;
    private final StaffDirectory staff;
    private final StaffEmails emails;
    private final DispatchMail dispatch;
    private final DeadlineMetrics metrics;
    private final Clock clock;

    public RecordMailFeedback(MailFeedbackStore store, StaffDirectory staff, StaffEmails emails, DispatchMail dispatch,
                              DeadlineMetrics metrics, Clock clock) {
        this.store = store;
        this.staff = staff;
        this.emails = emails;
        this.dispatch = dispatch;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * A notification as the mail service published it.
     *
     * @param sesMessageId the id SES gave the email when it took it
     * @param recipients   the addresses that bounced or complained (never logged)
     */
    public record Notice(MailFeedback feedback, String sesMessageId, List<String> recipients) {
        public Notice {
            Objects.requireNonNull(feedback, "feedback");
            Objects.requireNonNull(sesMessageId, "sesMessageId");
            recipients = List.copyOf(recipients);
        }
    }

    public sealed interface Outcome permits Recorded, AlreadyRecorded, NotOurs {
    }

    /** Recorded now, with {@code alerts} emails to duty managers. */
    public record Recorded(int alerts) implements Outcome {
    }

    /** The same notification was recorded before: nothing written. */
    public record AlreadyRecorded() implements Outcome {
    }

    /** A bounce of an email the outbox does not hold: nothing to record on a case. */
    public record NotOurs() implements Outcome {
    }

    public Outcome record(Notice notice) {
        Instant now = clock.instant();
        MailFeedback feedback = notice.feedback();
        List<String> suppress = feedback.type() == MailFeedback.Type.COMPLAINT
                ? notice.recipients().stream().map(MailFeedback::addressKey).distinct().toList() : List.of();
        String key = feedback.type() + "#" + String.join(",", notice.recipients().stream().map(MailFeedback::addressKey).sorted().toList());
        Optional<StoredMail> found = store.sentAs(notice.sesMessageId());
        if (found.isEmpty()) {
            if (suppress.isEmpty()) {
                LOG.info("Mail {} {}: not an email of the outbox; nothing recorded", notice.sesMessageId(), feedback.type());
                return new NotOurs();
            }
            boolean recorded = store.record(new MailFeedbackStore.Feedback(notice.sesMessageId(), key, null, feedback, now, List.of(),
                    List.of(), List.of(), suppress));
            return recorded ? new Recorded(0) : new AlreadyRecorded();
        }
        StoredMail mail = found.get();
        boolean caseMail = mail.id().owner().caseReference().isPresent();
        String recipient = mail.kind().toReferrer() ? mail.recipient() : initials(mail.recipient());
        String happened = feedback.happened(mail.what(), recipient);
        List<CaseEvent> events = caseMail ? List.of(new CaseEvent(now, mail.kind().notSentEvent(), happened)) : List.of();
        String toDo = mail.kind().toReferrer() ? MailFeedback.REACH_REFERRER
                : "Tell " + recipient + " another way what the email said, and check the address the hub has for them";
        List<CaseTask> tasks = caseMail && mail.kind().toReferrer()
                ? List.of(new CaseTask(taskId(notice.sesMessageId(), feedback), CaseTask.Kind.REACH_ANOTHER_WAY, toDo + ". " + happened,
                "the duty manager", now, true))
                : List.of();
        List<Outbox.OutboxMail> alerts = new ArrayList<>();
        if (mail.kind() != Outbox.Kind.BOUNCE_ALERT) {
            List<String> bouncedKeys = notice.recipients().stream().map(MailFeedback::addressKey).toList();
            for (StaffRecord manager : staff.dutyManagers(mail.contract())) {
                if (manager.email() == null || bouncedKeys.contains(MailFeedback.addressKey(manager.email()))) {
                    continue;
                }
                String alertKey = "BOUNCED#" + notice.sesMessageId() + "#" + feedback.type() + "#" + manager.id();
                alerts.add(OutboxMails.of(mail.id().owner(), alertKey, Outbox.Kind.BOUNCE_ALERT, mail.contract(),
                        "The email saying that " + lower(mail.what()) + " " + (feedback.type() == MailFeedback.Type.BOUNCE ? "bounced"
                                : "was reported as spam"), manager.name(),
                        emails.mailBounced(manager, mail.id().owner().displayName(), mail.id().owner().caseReference()
                                .map(r -> r.value()).orElse(null), happened, toDo), now));
            }
        }
        if (!store.record(new MailFeedbackStore.Feedback(notice.sesMessageId(), key, mail.id(), feedback, now, events, tasks, alerts,
                suppress))) {
            LOG.info("Mail {} {} of {}: recorded before; nothing done", notice.sesMessageId(), feedback.type(), mail.id().owner().displayName());
            return new AlreadyRecorded();
        }
        dispatch.dispatch(alerts);
        if (feedback.type() == MailFeedback.Type.BOUNCE) {
            metrics.letterBounced(mail.contract(), mail.kind().name());
        }
        // Identifiers only: the owner, the email's kind, the notification; no address or name.
        LOG.info("Mail {} {} of {} ({}): recorded, {} duty manager email(s)", notice.sesMessageId(), feedback.type(),
                mail.id().owner().displayName(), mail.kind(), alerts.size());
        return new Recorded(alerts.size());
    }

    /** The same notification gives the same task id. */
    private static String taskId(String sesMessageId, MailFeedback feedback) {
        return MailFeedback.addressKey(sesMessageId + "#" + feedback.type()).substring(0, 8);
    }

    /** A member of staff by initials only ("Ira Imca" is "II"); "the referrer" and the like stay as they are. */
    static String initials(String recipient) {
        if (recipient.startsWith("the ")) {
            return recipient;
        }
        return Person.initialsOf(recipient);
    }

    private static String lower(String what) {
        return what.isEmpty() ? what : Character.toLowerCase(what.charAt(0)) + what.substring(1);
    }
}
