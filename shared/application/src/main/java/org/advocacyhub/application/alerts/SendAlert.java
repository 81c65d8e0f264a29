package org.advocacyhub.application.alerts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.mail.DispatchMail;
import org.advocacyhub.application.mail.OutboxMails;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.port.AlertLedger;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.CaseStore.IndexedClock;
import org.advocacyhub.application.port.DeadlineMetrics;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffEmails;
import org.advocacyhub.application.port.StaffEmails.DeadlineNotice;
import org.advocacyhub.application.port.StaffEmails.DigestContract;
import org.advocacyhub.application.port.StaffEmails.DigestEntry;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The reminder-emails function's work (issue 9): decides one alert from the reminder queue, once,
 * and writes its emails.
 *
 * <p>Exactly once (issue 19): the alert's record in the {@link AlertLedger} and its emails, one per
 * recipient, are written in one conditional write; a message delivered twice, or raised twice by
 * overlapping timer runs, finds the record and writes nothing. The emails then go from the outbox,
 * each once ({@link org.advocacyhub.application.mail.SendMail}), and what became of each is on the
 * case's timeline: sent, refused, or not known (never sent twice because the mail service was slow).
 *
 * <p>The case is read again first: an alert for a clock that has stopped, paused or moved since the
 * timer raised it is skipped, and a reminder whose deadline has already passed gives way to the
 * escalation.
 */
@Singleton
public final class SendAlert {

    /** The name the case studies reminder goes by in the alert ledger and its emails' keys (issue 23). */
    public static final String CASE_STUDIES_CLOCK = "case-studies";

    /** Most deadlines one digest reads: far above a hub's day, and a bound on one email's length. */
    static final int DIGEST_LIMIT = 2000;

    private final CaseStore store;
    private final AnswerphoneStore messages;
    private final org.advocacyhub.application.port.ReportStore reports;
    private final StaffDirectory staff;
    private final AlertLedger ledger;
    private final StaffEmails emails;
    private final DispatchMail mail;
    private final DeadlineMetrics metrics;
    private final ContractCatalogue contracts;
    private final org.advocacyhub.application.port.DataRequestStore requests;
    private final org.advocacyhub.application.port.CaseStudyStore caseStudies;
    private final Clock clock;

    public SendAlert(CaseStore store, AnswerphoneStore messages, org.advocacyhub.application.port.ReportStore reports, StaffDirectory staff,
                     AlertLedger ledger, StaffEmails emails, DispatchMail mail, DeadlineMetrics metrics, ContractCatalogue contracts,
                     org.advocacyhub.application.port.DataRequestStore requests,
                     org.advocacyhub.application.port.CaseStudyStore caseStudies, Clock clock) {
        this.requests = requests;
        this.caseStudies = caseStudies;
        this.store = store;
        this.messages = messages;
        this.reports = reports;
        this.staff = staff;
        this.ledger = ledger;
        this.emails = emails;
        this.mail = mail;
        this.metrics = metrics;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** What became of an alert. */
    public sealed interface Outcome permits Queued, AlreadyHandled, Skipped {
    }

    /** Decided now: one email to each of {@code recipients} staff is in the outbox, handed to the mail sender. */
    public record Queued(int recipients) implements Outcome {
    }

    /** Another delivery decided it before (queued or skipped): nothing written. */
    public record AlreadyHandled() implements Outcome {
    }

    /** Not to be sent, for the reason given (no personal data). */
    public record Skipped(String reason) implements Outcome {
    }

    /** The alert cannot be decided now (nobody to send it to): nothing is written, and the queue delivers it again. */
    public static final class NotSent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSent(String why, Throwable cause) {
            super(why, cause);
        }
    }

    public Outcome send(Alert alert) {
        if (alert instanceof Alert.Deadline deadline) {
            return sendDeadline(deadline);
        }
        if (alert instanceof Alert.Callback callback) {
            return sendCallback(callback);
        }
        if (alert instanceof Alert.ReportDue report) {
            return sendReportDue(report);
        }
        if (alert instanceof Alert.DataRequestDue request) {
            return sendDataRequestDue(request);
        }
        if (alert instanceof Alert.CaseStudiesDue studies) {
            return sendCaseStudiesDue(studies);
        }
        return sendDigest((Alert.Digest) alert);
    }

    // ------------------------------------------------------------------ reminders and escalations

    private Outcome sendDeadline(Alert.Deadline alert) {
        Instant now = clock.instant();
        ReferralCase referral = store.findCase(alert.reference())
                .orElseThrow(() -> new IllegalArgumentException("no case " + alert.reference()));
        Contract contract = contracts.contractFor(referral.details().service());
        Optional<DeadlineAlerts.Watched> watched = DeadlineAlerts.watched(referral, contract).stream()
                .filter(w -> w.clock().name().equals(alert.clock())).findFirst();
        String skip = null;
        boolean missedLate = false;
        if (watched.isEmpty() && alert.kind() == DeadlineAlerts.Kind.ESCALATION && metLate(referral, alert)) {
            // Done, but after the deadline: nobody needs telling to act, yet the deadline was missed.
            missedLate = true;
            skip = "the clock stopped after its due time, before the escalation went";
        } else if (watched.isEmpty()) {
            skip = "the clock is no longer running (met, paused or ended)";
        } else if (!watched.get().dueAt().equals(alert.dueAt())) {
            skip = "the deadline moved to " + watched.get().dueAt();
        } else if (alert.kind() == DeadlineAlerts.Kind.REMINDER && now.isAfter(alert.dueAt())) {
            skip = "the deadline passed before the reminder went; the escalation follows";
        }
        if (skip != null) {
            if (!ledger.record(alert, AlertLedger.Status.SKIPPED, now, skip, List.of())) {
                return new AlreadyHandled();
            }
            if (missedLate) {
                metrics.deadlineMissed(contract.code(), referral.details().service().name(), alert.clock(), Duration.between(alert.dueAt(), now));
            }
            return new Skipped(skip);
        }
        ClockDefinition definition = watched.get().definition();
        boolean escalation = alert.kind() == DeadlineAlerts.Kind.ESCALATION;
        DeadlineNotice notice = new DeadlineNotice(alert.clock(), definition.description(), alert.dueAt(), definition.clause(),
                definition.stop(), escalation ? Duration.between(alert.dueAt(), now) : null, definition.kpi().orElse(null));
        String what = escalation ? "The escalation that '" + alert.clock() + "' was missed (due " + alert.dueAt() + ", "
                + definition.clause() + ")" : "The reminder that '" + alert.clock() + "' is due " + alert.dueAt() + " (" + definition.clause() + ")";
        int queued = queue(alert, new Outbox.CaseOwner(referral.reference()), Outbox.Kind.DEADLINE_ALERT, contract, what,
                recipients(referral, escalation), now,
                to -> escalation ? emails.deadlineMissed(referral, to, notice) : emails.deadlineReminder(referral, to, notice));
        if (queued > 0 && escalation) {
            metrics.deadlineMissed(contract.code(), referral.details().service().name(), alert.clock(), notice.late());
        }
        return queued < 0 ? new AlreadyHandled() : new Queued(queued);
    }

    /** Whether the alert's clock has stopped, and after the due time the alert names. */
    private static boolean metLate(ReferralCase referral, Alert.Deadline alert) {
        return referral.clocks().stream().filter(c -> c.name().equals(alert.clock()))
                .anyMatch(c -> c.stopped().filter(stoppedAt -> stoppedAt.isAfter(alert.dueAt())).isPresent());
    }

    /**
     * Who is told (issue 9): a reminder goes to the allocated advocate, or while there is none (or
     * they are no longer active) to the contract's duty managers; an escalation goes to the duty
     * managers and the advocate.
     */
    private List<StaffRecord> recipients(ReferralCase referral, boolean escalation) {
        Optional<StaffRecord> advocate = Optional.ofNullable(referral.work().allocation())
                .flatMap(allocation -> staff.find(allocation.advocateId())).filter(StaffRecord::active);
        Map<String, StaffRecord> recipients = new LinkedHashMap<>();
        if (escalation || advocate.isEmpty()) {
            staff.dutyManagers(referral.reference().contract()).forEach(manager -> recipients.put(manager.id(), manager));
        }
        advocate.ifPresent(a -> recipients.putIfAbsent(a.id(), a));
        return List.copyOf(recipients.values());
    }

    // ------------------------------------------------------------------ answerphone callbacks (issue 10)

    /**
     * An answerphone message's callback reminder or escalation (LLR 9.23): to the contract's duty
     * managers both times (no advocate has a message), once, as a case's deadline alert is.
     */
    private Outcome sendCallback(Alert.Callback alert) {
        Instant now = clock.instant();
        AnswerphoneMessage message = messages.find(alert.messageId()).orElse(null);
        if (message == null) {
            // Deleted after its retention period (TTL), so long overdue that nothing can be done by email.
            return skip(alert, now, "the message is no longer held");
        }
        Contract contract = contracts.contract(message.contract()).orElseThrow();
        Optional<DeadlineAlerts.Watched> watched = DeadlineAlerts.watched(message, contract);
        String service = message.service() == null ? DeadlineMetrics.ANSWERPHONE : message.service().name();
        if (watched.isEmpty() && alert.kind() == DeadlineAlerts.Kind.ESCALATION
                && message.clock().stopped().filter(at -> at.isAfter(alert.dueAt())).isPresent()) {
            Outcome skipped = skip(alert, now, "responded to after its due time, before the escalation went");
            if (skipped instanceof Skipped) {
                metrics.deadlineMissed(contract.code(), service, Contract.ANSWERPHONE_CLOCK, Duration.between(alert.dueAt(), now));
            }
            return skipped;
        } else if (watched.isEmpty()) {
            return skip(alert, now, "the message has been responded to");
        } else if (!watched.get().dueAt().equals(alert.dueAt())) {
            return skip(alert, now, "the callback's due time moved to " + watched.get().dueAt());
        } else if (alert.kind() == DeadlineAlerts.Kind.REMINDER && now.isAfter(alert.dueAt())) {
            return skip(alert, now, "the callback fell due before the reminder went; the escalation follows");
        }
        ClockDefinition definition = watched.get().definition();
        boolean escalation = alert.kind() == DeadlineAlerts.Kind.ESCALATION;
        DeadlineNotice notice = new DeadlineNotice(Contract.ANSWERPHONE_CLOCK, definition.description(), alert.dueAt(),
                definition.clause(), definition.stop(), escalation ? Duration.between(alert.dueAt(), now) : null, definition.kpi().orElse(null));
        String what = (escalation ? "The escalation that the callback to answerphone message " : "The reminder that the callback to "
                + "answerphone message ") + message.id() + (escalation ? " was missed (due " : " is due (") + alert.dueAt() + ", "
                + definition.clause() + ")";
        int queued = queue(alert, new Outbox.MessageOwner(message.id()), Outbox.Kind.CALLBACK_ALERT, contract, what,
                staff.dutyManagers(contract.code()), now,
                to -> escalation ? emails.callbackMissed(message, to, notice) : emails.callbackReminder(message, to, notice));
        if (queued > 0 && escalation) {
            metrics.deadlineMissed(contract.code(), service, Contract.ANSWERPHONE_CLOCK, notice.late());
        }
        return queued < 0 ? new AlreadyHandled() : new Queued(queued);
    }

    // ------------------------------------------------------------------ quarterly report deadlines (issue 11)

    /**
     * A contract's quarterly report deadline (LLR 26.12, LEW 17.3): the reminder, and the escalation
     * if it passes, to the duty managers, once; nothing once every workbook has been sent (the clock is
     * stopped then).
     */
    private Outcome sendReportDue(Alert.ReportDue alert) {
        Instant now = clock.instant();
        Contract contract = contracts.contract(alert.contract()).orElseThrow();
        Optional<Instant> due = reports.deadlineDue(alert.contract(), alert.quarter());
        if (due.isEmpty()) {
            return skip(alert, now, "the quarter's report has been sent");
        } else if (!due.get().equals(alert.dueAt())) {
            return skip(alert, now, "the report's due time moved to " + due.get());
        } else if (alert.kind() == DeadlineAlerts.Kind.REMINDER && now.isAfter(alert.dueAt())) {
            return skip(alert, now, "the report fell due before the reminder went; the escalation follows");
        }
        boolean escalation = alert.kind() == DeadlineAlerts.Kind.ESCALATION;
        DeadlineNotice notice = new DeadlineNotice(org.advocacyhub.domain.reports.ReportDeadline.CLOCK,
                org.advocacyhub.domain.reports.ReportDeadline.DESCRIPTION, alert.dueAt(), contract.reportSchedule().clause(), null,
                escalation ? Duration.between(alert.dueAt(), now) : null, null);
        String what = (escalation ? "The escalation that the " : "The reminder that the ") + contract.code() + " report of "
                + alert.quarter().key() + (escalation ? " was not sent by " : " is due by ") + alert.dueAt();
        int queued = queue(alert, new Outbox.ReportOwner(contract.code(), alert.quarter()), Outbox.Kind.REPORT_DUE, contract, what,
                staff.dutyManagers(contract.code()), now, to -> emails.reportDue(contract.code(), alert.quarter(), to, notice, escalation));
        if (queued > 0 && escalation) {
            metrics.deadlineMissed(contract.code(), DeadlineMetrics.REPORT, org.advocacyhub.domain.reports.ReportDeadline.CLOCK, notice.late());
        }
        return queued < 0 ? new AlreadyHandled() : new Queued(queued);
    }

    /**
     * A data protection request's due day (issue 22; UK GDPR Art. 12(3)): the reminder, and the escalation if it passes, to
     * every duty manager (a person's request spans contracts), once; nothing once it is answered (its clock is stopped then).
     */
    private Outcome sendDataRequestDue(Alert.DataRequestDue alert) {
        Instant now = clock.instant();
        Optional<org.advocacyhub.domain.dataprotection.DataRequest> found = requests.find(alert.requestId());
        if (found.isEmpty() || !found.get().open()) {
            return skip(alert, now, "the request has been answered");
        } else if (!found.get().dueAt().equals(alert.dueAt())) {
            return skip(alert, now, "the request's due time is " + found.get().dueAt());
        } else if (alert.kind() == DeadlineAlerts.Kind.REMINDER && now.isAfter(alert.dueAt())) {
            return skip(alert, now, "the request fell due before the reminder went; the escalation follows");
        }
        org.advocacyhub.domain.dataprotection.DataRequest request = found.get();
        boolean escalation = alert.kind() == DeadlineAlerts.Kind.ESCALATION;
        DeadlineNotice notice = new DeadlineNotice(org.advocacyhub.domain.dataprotection.DataRequest.CLOCK,
                request.kind().displayName() + " request", alert.dueAt(), "UK GDPR Art. 12(3)", null,
                escalation ? Duration.between(alert.dueAt(), now) : null, null);
        Map<String, StaffRecord> dutyManagers = new java.util.LinkedHashMap<>();
        contracts.contracts().forEach(c -> staff.dutyManagers(c.code()).forEach(m -> dutyManagers.putIfAbsent(m.id(), m)));
        String what = (escalation ? "The escalation that " : "The reminder that ") + request.kind().displayName().toLowerCase(java.util.Locale.ROOT)
                + " request " + request.id() + (escalation ? " was not answered by " : " is due by ") + alert.dueAt();
        int queued = queue(alert, new Outbox.DataRequestOwner(request.id()), Outbox.Kind.DATA_REQUEST_DUE,
                org.advocacyhub.domain.dataprotection.DataRequest.CLOCKS_CONTRACT, what, List.copyOf(dutyManagers.values()), now,
                to -> emails.dataRequestDue(request, to, notice, escalation));
        return queued < 0 ? new AlreadyHandled() : new Queued(queued);
    }

    /**
     * A contract's case studies and service summaries of a quarter, due by the close of the third working day after it
     * (issue 23, {@link org.advocacyhub.domain.casestudy.CaseStudies#dueAt}): when some are still missing, one reminder to its
     * duty managers naming what in words; when none is, nothing (recorded as skipped, so it is decided once either way).
     */
    private Outcome sendCaseStudiesDue(Alert.CaseStudiesDue alert) {
        Instant now = clock.instant();
        Contract contract = contracts.contract(alert.contract()).orElseThrow();
        Optional<Instant> due = org.advocacyhub.domain.casestudy.CaseStudies.dueAt(contract, alert.quarter());
        if (due.isEmpty() || !due.get().equals(alert.dueAt())) {
            return skip(alert, now, "the contract's case studies and summaries are due " + due.map(Instant::toString).orElse("never"));
        }
        List<org.advocacyhub.domain.casestudy.ServiceSummary> summaries = caseStudies.serviceSummaries(contract.code(), alert.quarter());
        List<String> missing = new java.util.ArrayList<>(org.advocacyhub.domain.casestudy.CaseStudies.missing(contract,
                caseStudies.caseStudies(contract.code(), alert.quarter()), summaries));
        // LLR 27.4: after a fourth quarter, the annual return's items not yet written too (AnnualReturns.missing).
        missing.addAll(org.advocacyhub.domain.reports.AnnualReturns.missing(contract, alert.quarter(), summaries));
        if (missing.isEmpty()) {
            return skip(alert, now, "every case study and summary the return asks for was written");
        }
        String what = "The reminder that " + missing.size() + " of the " + contract.code() + " case studies and summaries of "
                + alert.quarter().key() + " were missing at " + alert.dueAt();
        int queued = queue(alert, new Outbox.ReportOwner(contract.code(), alert.quarter()), Outbox.Kind.REPORT_DUE, contract, what,
                staff.dutyManagers(contract.code()), now,
                to -> emails.caseStudiesMissing(contract.code(), alert.quarter(), to, alert.dueAt(), missing));
        return queued < 0 ? new AlreadyHandled() : new Queued(queued);
    }

    /** Records the alert as skipped, once. */
    private Outcome skip(Alert alert, Instant now, String why) {
        return ledger.record(alert, AlertLedger.Status.SKIPPED, now, why, List.of()) ? new Skipped(why) : new AlreadyHandled();
    }

    /**
     * Writes one email per recipient into the outbox with the alert's record, in one conditional write, then hands them
     * to the mail sender. None to send to is a failure: a deadline nobody is told about must not pass quietly (nothing
     * is written, the message comes back, and after its retries it is in the dead-letter queue, whose alarm fires).
     *
     * @return how many emails were queued, or -1 when the alert was decided before (nothing written)
     */
    private int queue(Alert alert, Outbox.Owner owner, Outbox.Kind kind, Contract contract, String what, List<StaffRecord> recipients,
                      Instant now, java.util.function.Function<StaffRecord, Mail> email) {
        return queue(alert, owner, kind, contract.code(), what, recipients, now, email);
    }

    private int queue(Alert alert, Outbox.Owner owner, Outbox.Kind kind, String contract, String what, List<StaffRecord> recipients,
                      Instant now, java.util.function.Function<StaffRecord, Mail> email) {
        if (recipients.isEmpty()) {
            throw new NotSent("no active duty manager of " + contract + " or advocate to send to", null);
        }
        List<Outbox.OutboxMail> mails = new ArrayList<>();
        for (StaffRecord recipient : recipients) {
            mails.add(OutboxMails.of(owner, key(alert, recipient), kind, contract, what, recipient.name(), email.apply(recipient), now));
        }
        if (!ledger.record(alert, AlertLedger.Status.QUEUED, now, null, mails)) {
            return -1;
        }
        mail.dispatch(mails);
        return mails.size();
    }

    /** An alert's email's key in its owner's outbox: the alert itself and the recipient, so the same alert is never written twice. */
    static String key(Alert alert, StaffRecord recipient) {
        if (alert instanceof Alert.Deadline d) {
            return "ALERT#" + d.clock() + "#" + d.kind() + "#" + d.dueAt() + "#" + recipient.id();
        }
        if (alert instanceof Alert.Callback c) {
            return "ALERT#" + Contract.ANSWERPHONE_CLOCK + "#" + c.kind() + "#" + c.dueAt() + "#" + recipient.id();
        }
        if (alert instanceof Alert.DataRequestDue q) {
            return "ALERT#" + org.advocacyhub.domain.dataprotection.DataRequest.CLOCK + "#" + q.kind() + "#" + q.dueAt() + "#" + recipient.id();
        }
        if (alert instanceof Alert.ReportDue r) {
            return "ALERT#" + org.advocacyhub.domain.reports.ReportDeadline.CLOCK + "#" + r.kind() + "#" + r.dueAt() + "#" + recipient.id();
        }
        if (alert instanceof Alert.CaseStudiesDue c) {
            // One a contract and quarter (its owner, the report deadline's partition, names both) and recipient.
            return "ALERT#" + CASE_STUDIES_CLOCK + "#REMINDER#" + c.dueAt() + "#" + recipient.id();
        }
        return "DIGEST#" + recipient.id();
    }

    // ------------------------------------------------------------------ the daily digest

    private Outcome sendDigest(Alert.Digest alert) {
        Instant now = clock.instant();
        Optional<StaffRecord> manager = staff.find(alert.staffId()).filter(StaffRecord::active);
        List<Contract> covered = manager.isEmpty() ? List.of() : QueueDailyDigests.openOn(contracts, alert.day()).stream()
                .filter(contract -> manager.get().dutyManagerFor().contains(contract.code())).toList();
        if (covered.isEmpty()) {
            return skip(alert, now, "no longer an active duty manager of a contract open that day");
        }
        List<DigestContract> parts = digest(covered, alert.day(), now);
        int queued = queue(alert, new Outbox.DigestOwner(alert.day()), Outbox.Kind.DAILY_DIGEST, covered.get(0),
                "The daily digest of " + alert.day(), List.of(manager.get()), now, to -> emails.dailyDigest(to, alert.day(), parts));
        return queued < 0 ? new AlreadyHandled() : new Queued(queued);
    }

    /**
     * Each contract's overdue deadlines (due before {@code now}) and the rest due by the end of
     * {@code day}, each in priority order: DoLS first (LLR 5.47: DoLS referrals go to the top), then
     * urgent (LEW 8.4), then soonest due.
     */
    private List<DigestContract> digest(List<Contract> covered, LocalDate day, Instant now) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        List<IndexedClock> due = store.clocksDueBy(endOfDay.minusMillis(1), DIGEST_LIMIT);
        Comparator<DigestEntry> priority = Comparator.comparing((DigestEntry e) -> e.service() != ServiceCode.DOLS_IMCA)
                .thenComparing(e -> !e.urgent())
                .thenComparing(DigestEntry::dueAt)
                .thenComparing(DigestEntry::reference);
        List<DigestContract> parts = new ArrayList<>();
        for (Contract contract : covered) {
            List<DigestEntry> overdue = new ArrayList<>();
            List<DigestEntry> today = new ArrayList<>();
            for (IndexedClock indexed : due) {
                if (!indexed.contract().equals(contract.code())) {
                    continue;
                }
                Optional<ClockDefinition> definition = indexed.messageId() != null ? contract.answerphoneClock()
                        : indexed.service() != null && contract.offers(indexed.service())
                        ? contract.service(indexed.service()).findClock(indexed.clock()) : Optional.empty();
                boolean report = indexed.reportQuarter() != null;
                DigestEntry entry = new DigestEntry(indexed.ownerId(), indexed.service(),
                        report ? org.advocacyhub.domain.reports.ReportDeadline.DESCRIPTION
                                : definition.map(ClockDefinition::description).orElse(indexed.clock()),
                        report ? contract.reportSchedule().clause() : definition.map(ClockDefinition::clause).orElse(""),
                        indexed.dueAt(), indexed.urgent());
                (indexed.dueAt().isBefore(now) ? overdue : today).add(entry);
            }
            overdue.sort(priority);
            today.sort(priority);
            parts.add(new DigestContract(contract.code(), contract.name(), overdue, today));
        }
        return parts;
    }
}
