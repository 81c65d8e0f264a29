package org.advocacyhub.application.mail;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.application.port.MailFeedbackStore;
import org.advocacyhub.application.port.MailSender;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.Outbox.Claim;
import org.advocacyhub.application.port.Outbox.MailId;
import org.advocacyhub.application.port.Outbox.Settlement;
import org.advocacyhub.application.port.Outbox.Status;
import org.advocacyhub.application.port.Outbox.StoredMail;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.DecisionLetter;
import org.advocacyhub.domain.mail.MailFeedback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail sender's work (issue 19): sends one email from the {@link Outbox}, once, and records on
 * the case what became of it.
 *
 * <ul>
 *   <li>An email is claimed before it is sent (one conditional write): a second delivery of its queue
 *       message, the sweep, or two senders at once find it taken and send nothing.</li>
 *   <li>Sent: the timeline says so.</li>
 *   <li>Refused for now (throttled, unavailable, unreachable: nothing went): it waits and is tried again, from
 *       the outbox, up to {@link #MAX_ATTEMPTS} times; then, as when refused for good, the timeline says it was
 *       not sent and a task asks staff to reach the recipient another way.</li>
 *   <li>Not known (no answer came, or a sender stopped while holding it): never sent again, since SES could have
 *       taken it and a second attempt could deliver it twice. The timeline says it may not have gone, a task asks
 *       staff to check with the recipient, and the duty managers' console lists it until someone marks it checked.</li>
 * </ul>
 */
@Singleton
public final class SendMail {

    private static final Logger LOG = LoggerFactory.getLogger(SendMail.class);
    /**
     * How long a sender holds an email. Far longer than one send may take ({@code SesMailSender}'s call timeout, 10 s,
     * and the functions' 20 s timeout), so a holder that is alive is never taken for one that stopped; shorter than the
     * mail queue's visibility timeout, so the message's next delivery finds the lease over.
     */
    public static final Duration LEASE = Duration.ofSeconds(60);
    /** The note of an email not sent because its recipient reported an earlier one as spam (no address in it). */
    public static final String SUPPRESSED = "recipient reported an earlier email as spam";
    /** Refusals for now before the email is given up as not sent: with {@link #BACKOFF}, about six hours of trying. */
    static final int MAX_ATTEMPTS = 10;
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(90),
            Duration.ofMinutes(120));

    private final Outbox outbox;
    private final MailSender sender;
    private final Clock clock;
    private final Pauses pauses;
    private final MailFeedbackStore feedback;

    @jakarta.inject.Inject
    public SendMail(Outbox outbox, MailSender sender, Clock clock, MailFeedbackStore feedback) {
        this(outbox, sender, clock, Pauses.SLEEP, feedback);
    }

    public SendMail(Outbox outbox, MailSender sender, Clock clock) {
        this(outbox, sender, clock, Pauses.SLEEP, MailFeedbackStore.NONE);
    }

    public SendMail(Outbox outbox, MailSender sender, Clock clock, Pauses pauses) {
        this(outbox, sender, clock, pauses, MailFeedbackStore.NONE);
    }

    public SendMail(Outbox outbox, MailSender sender, Clock clock, Pauses pauses, MailFeedbackStore feedback) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.pauses = pauses;
        this.feedback = feedback;
    }

    /** What one delivery of an email's id did. */
    public sealed interface Outcome permits Sent, NotSent, NotKnown, TryAgainLater, AlreadySettled, Held, NoSuchMail {
    }

    public record Sent(String messageId) implements Outcome {
    }

    /** Refused for good (or for now too often): staff reach the recipient another way. */
    public record NotSent(String reason) implements Outcome {
    }

    /** It may or may not have gone: staff check. */
    public record NotKnown(String reason) implements Outcome {
    }

    /** Refused for now, or not due again yet: the outbox keeps it for another try from {@code at}. */
    public record TryAgainLater(Instant at) implements Outcome {
    }

    /** Its fate was recorded before: nothing to do. */
    public record AlreadySettled(Status status) implements Outcome {
    }

    /** Another sender holds it (until {@code until}), or took it just now. */
    public record Held(Instant until) implements Outcome {
    }

    public record NoSuchMail() implements Outcome {
    }

    public Outcome send(MailId id) {
        Instant now = clock.instant();
        Optional<StoredMail> found = outbox.find(id);
        if (found.isEmpty()) {
            return new NoSuchMail();
        }
        StoredMail mail = found.get();
        switch (mail.status()) {
            case SENT, NOT_SENT, NOT_KNOWN -> {
                return new AlreadySettled(mail.status());
            }
            case SENDING -> {
                if (mail.leaseUntil() != null && mail.leaseUntil().isAfter(now)) {
                    return new Held(mail.leaseUntil());
                }
                return giveUp(mail, now);
            }
            default -> {
                if (mail.retryAt() != null && mail.retryAt().isAfter(now)) {
                    return new TryAgainLater(mail.retryAt());
                }
            }
        }
        Optional<Claim> claim = outbox.claim(mail, now, LEASE);
        if (claim.isEmpty()) {
            return new Held(now.plus(LEASE));
        }
        // A recipient who reported an earlier email as spam gets no more (issue 24): it is not sent, and staff are told.
        boolean suppressed = mail.mail().to().stream().anyMatch(address -> feedback.suppressed(MailFeedback.addressKey(address)));
        MailSender.Delivery delivery = suppressed ? null : sender.send(mail.mail());
        Instant at = clock.instant();
        Outcome outcome;
        Settlement settlement;
        if (suppressed) {
            String why = mail.recipient() + " reported an earlier email from the hub as spam, so no more email goes to that address";
            settlement = settled(mail, Status.NOT_SENT, at, null, SUPPRESSED, null,
                    event(mail, at, mail.kind().notSentEvent(), mail.what() + " to " + mail.recipient() + " was not sent: " + why),
                    task(mail, at, CaseTask.Kind.REACH_ANOTHER_WAY, (mail.kind().toReferrer() ? "Write to " : "Tell ") + mail.recipient()
                            + " another way: " + lower(mail.what()) + " was not emailed (" + why + ")"));
            outcome = new NotSent(SUPPRESSED);
        } else if (delivery instanceof MailSender.Sent sent) {
            settlement = settled(mail, Status.SENT, at, sent.messageId(), null, null,
                    event(mail, at, mail.kind().sentEvent(), mail.what() + " was emailed to " + mail.recipient()), null);
            outcome = new Sent(sent.messageId());
        } else if (delivery instanceof MailSender.Refused refused && refused.retryable() && claim.get().attempt() < MAX_ATTEMPTS) {
            Instant retryAt = at.plus(BACKOFF.get(Math.min(claim.get().attempt(), BACKOFF.size()) - 1));
            // Said once, at the first refusal: the rest is the same story until it goes or is given up.
            List<CaseEvent> events = claim.get().attempt() == 1 ? event(mail, at, mail.kind().notSentEvent(), mail.what() + " to "
                    + mail.recipient() + " not sent yet: the mail service is not taking email now (" + refused.reason()
                    + "); it will be tried again") : List.of();
            settlement = new Settlement(Status.PENDING, at, null, refused.reason(), retryAt, events, List.of(), Optional.empty());
            outcome = new TryAgainLater(retryAt);
        } else if (delivery instanceof MailSender.Refused refused) {
            String why = refused.retryable() ? "the mail service would not take it after " + claim.get().attempt() + " tries ("
                    + refused.reason() + ")" : "the mail service refused it (" + refused.reason() + ")";
            settlement = settled(mail, Status.NOT_SENT, at, null, refused.reason(), null,
                    event(mail, at, mail.kind().notSentEvent(), mail.what() + " to " + mail.recipient() + " could not be sent: " + why),
                    task(mail, at, CaseTask.Kind.REACH_ANOTHER_WAY, (mail.kind().toReferrer() ? "Write to " : "Tell ") + mail.recipient()
                            + " another way: " + lower(mail.what()) + " could not be emailed (" + why + ")"));
            outcome = new NotSent(refused.reason());
        } else {
            String reason = ((MailSender.NotKnown) delivery).reason();
            settlement = notKnown(mail, at, "the mail service did not answer (" + reason + ")", reason);
            outcome = new NotKnown(reason);
        }
        if (!settle(claim.get(), settlement)) {
            // Only a sender that took this one for stopped could have: it recorded the email as not known.
            LOG.warn("Mail {} of {}: its claim was given up by another sender while it was sent; its outcome stays not known",
                    mail.kind(), mail.id().owner().displayName());
            return new NotKnown("claim lost");
        }
        LOG.info("Mail {} of {}: {}", mail.kind(), mail.id().owner().displayName(), outcome.getClass().getSimpleName());
        return outcome;
    }

    /**
     * Records what became of the email. Once SES has answered, that answer is worth keeping: a table that refuses the
     * write for a moment (throttled, unavailable) is asked again a few times, with pauses that add up to about six
     * seconds (well inside a function's timeout), before the error is let through; the email would otherwise end as
     * not known when its fate was known (issue 19's chaos runs, with DynamoDB throttling).
     */
    private boolean settle(Claim claim, Settlement settlement) {
        long pause = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                return outbox.settle(claim, settlement);
            } catch (RuntimeException e) {
                if (attempt >= SETTLE_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Mail of {}: recording its fate failed ({}); trying again", claim.id().owner().displayName(), e.getClass().getSimpleName());
                pauses.pause(java.time.Duration.ofMillis(pause));
                pause *= 2;
            }
        }
    }

    /** How often the fate of an email SES answered is written before the error is let through (see {@link #settle}). */
    static final int SETTLE_ATTEMPTS = 5;

    /** Waits between attempts: real time in the function, none in unit tests. */
    @FunctionalInterface
    public interface Pauses {
        void pause(java.time.Duration duration);

        Pauses SLEEP = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to record an email's fate", e);
            }
        };
    }

    /** A sender stopped while holding it (a crash, a timeout): it may have gone, so it is never sent again. */
    private Outcome giveUp(StoredMail mail, Instant now) {
        Settlement settlement = notKnown(mail, now, "its sender stopped while sending it", "sender stopped");
        if (!outbox.giveUp(mail, settlement)) {
            return new Held(now);
        }
        LOG.warn("Mail {} of {}: its sender stopped while holding it; not known", mail.kind(), mail.id().owner().displayName());
        return new NotKnown("sender stopped");
    }

    private static Settlement notKnown(StoredMail mail, Instant at, String why, String note) {
        return settled(mail, Status.NOT_KNOWN, at, null, note, null,
                event(mail, at, mail.kind().notSentEvent(), mail.what() + " to " + mail.recipient() + " may not have been sent: "
                        + why + ". It is not sent again, so that it never arrives twice: check with " + mail.recipient()),
                task(mail, at, CaseTask.Kind.CHECK_EMAIL_ARRIVED, "Check with " + mail.recipient() + " that " + lower(mail.what())
                        + " arrived: the mail service did not confirm it was sent"));
    }

    private static Settlement settled(StoredMail mail, Status status, Instant at, String messageId, String note, Instant retryAt,
                                      List<CaseEvent> events, CaseTask task) {
        Optional<DecisionLetter> letter = Optional.empty();
        if (mail.kind() == Outbox.Kind.DECISION_LETTER) {
            DecisionLetter.Status letterStatus = switch (status) {
                case SENT -> DecisionLetter.Status.SENT;
                case NOT_SENT -> DecisionLetter.Status.NOT_SENT;
                default -> DecisionLetter.Status.NOT_KNOWN;
            };
            letter = Optional.of(new DecisionLetter(letterStatus, decidedAt(mail), null).settled(letterStatus, at));
        }
        List<CaseTask> tasks = task == null || mail.id().owner().caseReference().isEmpty() ? List.of() : List.of(task);
        return new Settlement(status, at, messageId, note, retryAt, events, tasks, letter);
    }

    /** A decision letter's key names its decision's time ({@link OutboxMails#decisionLetter}). */
    private static Instant decidedAt(StoredMail mail) {
        return OutboxMails.decidedAt(mail.id());
    }

    private static List<CaseEvent> event(StoredMail mail, Instant at, CaseEvent.Type type, String text) {
        return mail.id().owner().caseReference().isPresent() ? List.of(new CaseEvent(at, type, text)) : List.of();
    }

    private static CaseTask task(StoredMail mail, Instant at, CaseTask.Kind kind, String description) {
        return new CaseTask(UUID.randomUUID().toString().substring(0, 8), kind, description, mail.recipient(), at, true);
    }

    private static String lower(String what) {
        return what.isEmpty() ? what : Character.toLowerCase(what.charAt(0)) + what.substring(1);
    }
}
