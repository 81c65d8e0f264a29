package org.advocacyhub.application.port;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.DecisionLetter;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * The outbox (issue 19): every email the hub sends is first written here, with a deterministic key,
 * in the same conditional write that decides it (the referral stored, the decision saved, the
 * allocation made, the alert raised). A decision made twice cannot be saved twice, so neither can
 * its email. The mail sender then takes each email once: it claims it (one conditional write),
 * sends it, and records what became of it (sent, refused, not known), with the case's timeline, in
 * one more. A claim is never taken over for a second send: a sender that stopped while holding one
 * leaves an email whose fate is not known, which a person checks.
 */
public interface Outbox {

    /** Whose email it is: the partition it is kept in, beside what it is about. */
    sealed interface Owner permits CaseOwner, MessageOwner, ReportOwner, DigestOwner, ReportRequestOwner, DataRequestOwner {

        /** The case it is about, if it is a case's. */
        default Optional<ReferralReference> caseReference() {
            return this instanceof CaseOwner c ? Optional.of(c.reference()) : Optional.empty();
        }

        /** What staff read: the reference, the message id, the report or the digest. */
        String displayName();

        /** The owner as two words, its kind and its id, that {@link #of} reads back (queue messages, index items). */
        default String kind() {
            return this instanceof CaseOwner ? "CASE" : this instanceof MessageOwner ? "MESSAGE" : this instanceof ReportOwner
                    ? "REPORT_DEADLINE" : this instanceof ReportRequestOwner ? "REPORT" : this instanceof DataRequestOwner ? "DATA_REQUEST"
                    : "DIGEST";
        }

        /** See {@link #kind()}. */
        default String id() {
            if (this instanceof CaseOwner c) {
                return c.reference().value();
            }
            if (this instanceof MessageOwner m) {
                return m.messageId();
            }
            if (this instanceof ReportOwner r) {
                return r.contract() + "#" + r.quarter().key();
            }
            if (this instanceof ReportRequestOwner r) {
                return r.reportId();
            }
            if (this instanceof DataRequestOwner d) {
                return d.requestId();
            }
            return ((DigestOwner) this).day().toString();
        }

        /**
         * The owner {@link #kind()} and {@link #id()} named.
         *
         * @throws IllegalArgumentException when they name none
         */
        static Owner of(String kind, String id) {
            try {
                return switch (kind) {
                    case "CASE" -> new CaseOwner(ReferralReference.parse(id).orElseThrow());
                    case "MESSAGE" -> new MessageOwner(id);
                    case "REPORT_DEADLINE" -> new ReportOwner(id.substring(0, id.indexOf('#')), FinancialQuarter.parseKey(id.substring(id.indexOf('#') + 1)));
                    case "REPORT" -> new ReportRequestOwner(id);
                    case "DIGEST" -> new DigestOwner(LocalDate.parse(id));
                    case "DATA_REQUEST" -> new DataRequestOwner(id);
                    default -> throw new IllegalArgumentException("no such owner kind");
                };
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not an email's owner", e);
            }
        }
    }

    /** A case's email: its acknowledgement, decision letter, allocation email, alerts. */
    record CaseOwner(ReferralReference reference) implements Owner {
        public CaseOwner {
            Objects.requireNonNull(reference, "reference");
        }

        @Override
        public String displayName() {
            return reference.value();
        }
    }

    /** An answerphone message's callback alerts (LLR 9.23). */
    record MessageOwner(String messageId) implements Owner {
        public MessageOwner {
            Objects.requireNonNull(messageId, "messageId");
        }

        @Override
        public String displayName() {
            return "answerphone message " + messageId;
        }
    }

    /** A contract's quarterly report deadline's alerts (LLR 26.12, LEW 17.3). */
    record ReportOwner(String contract, FinancialQuarter quarter) implements Owner {
        public ReportOwner {
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(quarter, "quarter");
        }

        @Override
        public String displayName() {
            return contract + " quarterly report " + quarter.key();
        }
    }

    /**
     * A quarterly report request's emails to the councils, one per workbook (key: the authority). They are sent by the
     * report function itself, with the workbook attached, and join the outbox's list only when they did not go.
     */
    record ReportRequestOwner(String reportId) implements Owner {
        public ReportRequestOwner {
            Objects.requireNonNull(reportId, "reportId");
        }

        @Override
        public String displayName() {
            return "report " + reportId;
        }
    }

    /** A data protection request's reminder and escalation to the duty managers (issue 22; UK GDPR Art. 12(3)). */
    record DataRequestOwner(String requestId) implements Owner {
        public DataRequestOwner {
            Objects.requireNonNull(requestId, "requestId");
        }

        @Override
        public String displayName() {
            return "data protection request " + requestId;
        }
    }

    /** The daily digests of one London day. */
    record DigestOwner(LocalDate day) implements Owner {
        public DigestOwner {
            Objects.requireNonNull(day, "day");
        }

        @Override
        public String displayName() {
            return "daily digest of " + day;
        }
    }

    /**
     * An email's id: its owner and a key that is the same whenever the same decision is made (the
     * decision's time, the alert's clock, kind and due time, the recipient), so that writing it twice
     * is refused rather than repeated.
     */
    record MailId(Owner owner, String key) {
        public MailId {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(key, "key");
            if (key.isBlank() || key.length() > 200) {
                throw new IllegalArgumentException("a mail key is 1 to 200 characters");
            }
        }
    }

    /** What an email is, for the timeline's wording and for who is told when it does not go. */
    enum Kind {
        ACKNOWLEDGEMENT(true, CaseEvent.Type.ACKNOWLEDGEMENT_SENT, CaseEvent.Type.ACKNOWLEDGEMENT_NOT_SENT),
        DECISION_LETTER(true, CaseEvent.Type.DECISION_LETTER_SENT, CaseEvent.Type.DECISION_LETTER_NOT_SENT),
        ACCOMMODATION_RESPONSE(true, CaseEvent.Type.EMAIL_SENT, CaseEvent.Type.EMAIL_NOT_SENT),
        ALLOCATION(false, CaseEvent.Type.EMAIL_SENT, CaseEvent.Type.EMAIL_NOT_SENT),
        HOURS_REVIEW(false, CaseEvent.Type.EMAIL_SENT, CaseEvent.Type.EMAIL_NOT_SENT),
        DEADLINE_ALERT(false, CaseEvent.Type.EMAIL_SENT, CaseEvent.Type.EMAIL_NOT_SENT),
        CALLBACK_ALERT(false, CaseEvent.Type.EMAIL_SENT, CaseEvent.Type.EMAIL_NOT_SENT),
        REPORT_DUE(false, CaseEvent.Type.EMAIL_SENT, CaseEvent.Type.EMAIL_NOT_SENT),
        DATA_REQUEST_DUE(false, CaseEvent.Type.EMAIL_SENT, CaseEvent.Type.EMAIL_NOT_SENT),
        DAILY_DIGEST(false, CaseEvent.Type.EMAIL_SENT, CaseEvent.Type.EMAIL_NOT_SENT),
        /** To a duty manager: an email the hub sent bounced or was reported as spam (issue 24). */
        BOUNCE_ALERT(false, CaseEvent.Type.EMAIL_SENT, CaseEvent.Type.EMAIL_NOT_SENT),
        /** A workbook to a council (sent by the report function; listed here only when it did not go). */
        QUARTERLY_RETURN(false, CaseEvent.Type.EMAIL_SENT, CaseEvent.Type.EMAIL_NOT_SENT);

        private final boolean toReferrer;
        private final CaseEvent.Type sent;
        private final CaseEvent.Type notSent;

        Kind(boolean toReferrer, CaseEvent.Type sent, CaseEvent.Type notSent) {
            this.toReferrer = toReferrer;
            this.sent = sent;
            this.notSent = notSent;
        }

        /** Whether it goes to the referrer (whom staff must then reach another way), not to staff. */
        public boolean toReferrer() {
            return toReferrer;
        }

        public CaseEvent.Type sentEvent() {
            return sent;
        }

        public CaseEvent.Type notSentEvent() {
            return notSent;
        }
    }

    /**
     * An email decided on.
     *
     * @param contract  the contract whose duty managers are told if it does not go
     * @param what      what it is, as staff read it on the timeline: "The acknowledgement"
     * @param recipient who it is to, as staff read it: "the referrer", "Ira Imca"
     * @param createdAt when it was decided
     */
    record OutboxMail(MailId id, Kind kind, String contract, String what, String recipient, Mail mail, Instant createdAt) {
        public OutboxMail {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(mail, "mail");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** Where an email stands. */
    enum Status {
        /** Waiting to be sent (again, from {@code retryAt}, after the mail service refused it for now). */
        PENDING,
        /** A sender holds it and is sending it now, until its lease ends. */
        SENDING,
        /** The mail service accepted it. */
        SENT,
        /** The mail service refused it for good: staff reach the recipient another way. */
        NOT_SENT,
        /** It may or may not have gone (no answer came, or its sender stopped while sending): staff check. Never sent again. */
        NOT_KNOWN
    }

    /**
     * An email as the outbox holds it. The email's words are kept only until its fate is known.
     *
     * @param mail      the email, or {@code null} once its fate is settled
     * @param claim     the holding sender's claim while {@link Status#SENDING}
     * @param retryAt   when a {@link Status#PENDING} email may be tried again ({@code null}: now)
     * @param settledAt when it was sent, refused or given up on
     * @param note      why it was refused or is not known (no personal data)
     */
    record StoredMail(MailId id, Kind kind, String contract, String what, String recipient, Mail mail, Instant createdAt, Status status,
                      int attempts, String claim, Instant leaseUntil, Instant retryAt, Instant settledAt, String messageId, String note) {
    }

    /** Stores an email on its own (when it is not part of a case's save): refused when its id is taken. */
    boolean add(List<OutboxMail> mails);

    Optional<StoredMail> find(MailId id);

    /** Every email of one owner (a case's acknowledgement, decision letter and alerts), oldest first: a subject access export's. */
    List<StoredMail> mailsOf(Owner owner);

    /** A sender's hold on an email: only it may record what became of it. */
    record Claim(MailId id, String token, int attempt, Instant leaseUntil) {
    }

    /**
     * Claims a {@link Status#PENDING} email for sending: only if it is still as {@code seen} (the same
     * attempt), so two senders never both send it.
     */
    Optional<Claim> claim(StoredMail seen, Instant now, Duration lease);

    /**
     * What became of a claimed email, recorded in one write with its case's timeline.
     *
     * @param status  {@link Status#SENT}, {@link Status#NOT_SENT}, {@link Status#NOT_KNOWN}, or {@link Status#PENDING}
     *                to be tried again from {@code retryAt}
     * @param events  the case's timeline entries (a case's email only)
     * @param tasks   the case's new tasks (a case's email only): who must act when it did not go
     * @param letter  the case's decision letter as it now stands (a decision letter only), recorded if the case's
     *                letter is still about the same decision
     */
    record Settlement(Status status, Instant at, String messageId, String note, Instant retryAt, List<CaseEvent> events,
                      List<CaseTask> tasks, Optional<DecisionLetter> letter) {
        public Settlement {
            events = List.copyOf(events);
            tasks = List.copyOf(tasks);
        }
    }

    /** Records a claimed email's fate; false when the claim is no longer held (nothing written). */
    boolean settle(Claim claim, Settlement settlement);

    /**
     * Gives up on an email whose sender stopped while holding it ({@link Status#SENDING}, its lease
     * over): it is {@link Status#NOT_KNOWN}, never sent again. Only if it is still as {@code seen}.
     */
    boolean giveUp(StoredMail seen, Settlement settlement);

    /**
     * Emails waiting at {@code cutoff}: pending since then (or due a retry by then), or held by a
     * sender whose lease ended by then. Oldest first, at most {@code limit}: a Query, never a Scan.
     */
    List<MailId> waitingSince(Instant cutoff, int limit);

    /**
     * An email staff should look at: refused for good or not known, until someone marks it checked.
     *
     * @param at when its fate was settled
     */
    record Trouble(MailId id, Kind kind, String contract, String what, String recipient, Status status, String note, Instant at) {
    }

    /** Emails refused for good or not known that no one has yet marked checked, newest first, at most {@code limit}. */
    List<Trouble> troubles(int limit);

    /** Staff checked the email's fate: it leaves {@link #troubles}. */
    void checked(MailId id, Instant at, String staffId);

    /** Emails waiting longer than {@code cutoff}, for a duty manager's overview: at most {@code limit}. */
    default List<MailId> overdue(Instant cutoff, int limit) {
        return waitingSince(cutoff, limit);
    }

    /** How long an unsent email waits before the sweep hands it to the sender again. */
    Duration SWEEP_GRACE = Duration.ofMinutes(2);
}
