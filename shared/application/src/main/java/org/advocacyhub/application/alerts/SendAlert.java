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
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.port.AlertLedger;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.CaseStore.IndexedClock;
import org.advocacyhub.application.port.DeadlineMetrics;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffNotifications;
import org.advocacyhub.application.port.StaffNotifications.DeadlineNotice;
import org.advocacyhub.application.port.StaffNotifications.DigestContract;
import org.advocacyhub.application.port.StaffNotifications.DigestEntry;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The reminder-emails function's work (issue 9): sends one alert from the reminder queue, once.
 *
 * <p>Exactly once: the alert is claimed in the {@link AlertLedger} before anything is sent, each
 * recipient is recorded as their email goes, and the alert is marked sent at the end. A message
 * delivered twice, or raised twice by overlapping timer runs, finds the claim taken and sends
 * nothing. A send that fails marks the alert failed and throws, so the queue delivers it again and
 * the retry sends only to those not yet sent to. Interpretation: a sender that stops between
 * claiming and marking (a crash, a timeout) leaves the claim held, and that alert is not sent
 * again: the issue asks that a crash after sending never sends twice, and the ledger cannot tell a
 * crash before the send from one after it. The daily digest still lists the deadline.
 *
 * <p>Before sending, the case is read again: an alert for a clock that has stopped, paused or
 * moved since the timer raised it is skipped, and a reminder whose deadline has already passed
 * gives way to the escalation.
 */
@Singleton
public final class SendAlert {

    /** Most deadlines one digest reads: far above a hub's day, and a bound on one email's length. */
    static final int DIGEST_LIMIT = 2000;

    private final CaseStore store;
    private final AnswerphoneStore messages;
    private final org.advocacyhub.application.port.ReportStore reports;
    private final StaffDirectory staff;
    private final AlertLedger ledger;
    private final StaffNotifications notifications;
    private final DeadlineMetrics metrics;
    private final ContractCatalogue contracts;
    private final Clock clock;

    public SendAlert(CaseStore store, AnswerphoneStore messages, org.advocacyhub.application.port.ReportStore reports, StaffDirectory staff,
                     AlertLedger ledger, StaffNotifications notifications, DeadlineMetrics metrics, ContractCatalogue contracts, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.reports = reports;
        this.staff = staff;
        this.ledger = ledger;
        this.notifications = notifications;
        this.metrics = metrics;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** What became of an alert. */
    public sealed interface Outcome permits Sent, AlreadyHandled, Skipped {
    }

    /** Sent now, to {@code recipients} staff (not counting any sent to by an earlier, failed attempt). */
    public record Sent(int recipients) implements Outcome {
    }

    /** Another delivery holds it, sent it or skipped it: nothing sent. */
    public record AlreadyHandled() implements Outcome {
    }

    /** Not to be sent, for the reason given (no personal data). */
    public record Skipped(String reason) implements Outcome {
    }

    /** The alert cannot be sent now and is released for a retry through the queue. */
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
        Optional<AlertLedger.Claim> claim = ledger.claim(alert, now);
        if (claim.isEmpty()) {
            return new AlreadyHandled();
        }
        String skip = null;
        if (watched.isEmpty() && alert.kind() == DeadlineAlerts.Kind.ESCALATION && metLate(referral, alert)) {
            // Done, but after the deadline: nobody needs telling to act, yet the deadline was missed.
            metrics.deadlineMissed(contract.code(), referral.details().service().name(), alert.clock(), Duration.between(alert.dueAt(), now));
            skip = "the clock stopped after its due time, before the escalation went";
        } else if (watched.isEmpty()) {
            skip = "the clock is no longer running (met, paused or ended)";
        } else if (!watched.get().dueAt().equals(alert.dueAt())) {
            skip = "the deadline moved to " + watched.get().dueAt();
        } else if (alert.kind() == DeadlineAlerts.Kind.REMINDER && now.isAfter(alert.dueAt())) {
            skip = "the deadline passed before the reminder went; the escalation follows";
        }
        if (skip != null) {
            ledger.finish(alert, AlertLedger.Status.SKIPPED, now, skip);
            return new Skipped(skip);
        }
        ClockDefinition definition = watched.get().definition();
        boolean escalation = alert.kind() == DeadlineAlerts.Kind.ESCALATION;
        DeadlineNotice notice = new DeadlineNotice(alert.clock(), definition.description(), alert.dueAt(), definition.clause(),
                definition.stop(), escalation ? Duration.between(alert.dueAt(), now) : null, definition.kpi().orElse(null));
        List<StaffRecord> recipients = recipients(referral, escalation);
        int sent = send(alert, claim.get(), recipients, contract, to -> {
            if (escalation) {
                notifications.deadlineMissed(referral, to, notice);
            } else {
                notifications.deadlineReminder(referral, to, notice);
            }
        });
        String to = String.join(", ", recipients.stream().map(StaffRecord::id).toList());
        if (escalation) {
            metrics.deadlineMissed(contract.code(), referral.details().service().name(), alert.clock(), notice.late());
            store.appendEvent(referral.reference(), new CaseEvent(now, CaseEvent.Type.EMAIL_SENT, "Deadline missed: '" + alert.clock()
                    + "' was due " + alert.dueAt() + " (" + definition.clause() + "); escalated to " + to));
        } else {
            store.appendEvent(referral.reference(), new CaseEvent(now, CaseEvent.Type.EMAIL_SENT, "Reminder: '" + alert.clock()
                    + "' is due " + alert.dueAt() + " (" + definition.clause() + "); emailed to " + to));
        }
        return new Sent(sent);
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
        AnswerphoneMessage message = messages.find(alert.messageId())
                .orElse(null);
        Optional<AlertLedger.Claim> claim = ledger.claim(alert, now);
        if (claim.isEmpty()) {
            return new AlreadyHandled();
        }
        if (message == null) {
            // Deleted after its retention period (TTL), so long overdue that nothing can be done by email.
            String why = "the message is no longer held";
            ledger.finish(alert, AlertLedger.Status.SKIPPED, now, why);
            return new Skipped(why);
        }
        Contract contract = contracts.contract(message.contract()).orElseThrow();
        Optional<DeadlineAlerts.Watched> watched = DeadlineAlerts.watched(message, contract);
        String service = message.service() == null ? DeadlineMetrics.ANSWERPHONE : message.service().name();
        String skip = null;
        if (watched.isEmpty() && alert.kind() == DeadlineAlerts.Kind.ESCALATION
                && message.clock().stopped().filter(at -> at.isAfter(alert.dueAt())).isPresent()) {
            metrics.deadlineMissed(contract.code(), service, Contract.ANSWERPHONE_CLOCK, Duration.between(alert.dueAt(), now));
            skip = "responded to after its due time, before the escalation went";
        } else if (watched.isEmpty()) {
            skip = "the message has been responded to";
        } else if (!watched.get().dueAt().equals(alert.dueAt())) {
            skip = "the callback's due time moved to " + watched.get().dueAt();
        } else if (alert.kind() == DeadlineAlerts.Kind.REMINDER && now.isAfter(alert.dueAt())) {
            skip = "the callback fell due before the reminder went; the escalation follows";
        }
        if (skip != null) {
            ledger.finish(alert, AlertLedger.Status.SKIPPED, now, skip);
            return new Skipped(skip);
        }
        ClockDefinition definition = watched.get().definition();
        boolean escalation = alert.kind() == DeadlineAlerts.Kind.ESCALATION;
        DeadlineNotice notice = new DeadlineNotice(Contract.ANSWERPHONE_CLOCK, definition.description(), alert.dueAt(),
                definition.clause(), definition.stop(), escalation ? Duration.between(alert.dueAt(), now) : null, definition.kpi().orElse(null));
        List<StaffRecord> recipients = staff.dutyManagers(contract.code());
        int sent = send(alert, claim.get(), recipients, contract, to -> {
            if (escalation) {
                notifications.callbackMissed(message, to, notice);
            } else {
                notifications.callbackReminder(message, to, notice);
            }
        });
        if (escalation) {
            metrics.deadlineMissed(contract.code(), service, Contract.ANSWERPHONE_CLOCK, notice.late());
        }
        return new Sent(sent);
    }

    // ------------------------------------------------------------------ quarterly report deadlines (issue 11)

    /**
     * A contract's quarterly report deadline (LLR 26.12, LEW 17.3): the reminder, and the escalation
     * if it passes, to the duty managers, once; nothing once every workbook has been sent (the clock is
     * stopped then).
     */
    private Outcome sendReportDue(Alert.ReportDue alert) {
        Instant now = clock.instant();
        Optional<AlertLedger.Claim> claim = ledger.claim(alert, now);
        if (claim.isEmpty()) {
            return new AlreadyHandled();
        }
        Contract contract = contracts.contract(alert.contract()).orElseThrow();
        Optional<Instant> due = reports.deadlineDue(alert.contract(), alert.quarter());
        String skip = null;
        if (due.isEmpty()) {
            skip = "the quarter's report has been sent";
        } else if (!due.get().equals(alert.dueAt())) {
            skip = "the report's due time moved to " + due.get();
        } else if (alert.kind() == DeadlineAlerts.Kind.REMINDER && now.isAfter(alert.dueAt())) {
            skip = "the report fell due before the reminder went; the escalation follows";
        }
        if (skip != null) {
            ledger.finish(alert, AlertLedger.Status.SKIPPED, now, skip);
            return new Skipped(skip);
        }
        boolean escalation = alert.kind() == DeadlineAlerts.Kind.ESCALATION;
        DeadlineNotice notice = new DeadlineNotice(org.advocacyhub.domain.reports.ReportDeadline.CLOCK,
                org.advocacyhub.domain.reports.ReportDeadline.DESCRIPTION, alert.dueAt(), contract.reportSchedule().clause(), null,
                escalation ? Duration.between(alert.dueAt(), now) : null, null);
        int sent = send(alert, claim.get(), staff.dutyManagers(contract.code()), contract,
                to -> notifications.reportDue(contract.code(), alert.quarter(), to, notice, escalation));
        if (escalation) {
            metrics.deadlineMissed(contract.code(), DeadlineMetrics.REPORT, org.advocacyhub.domain.reports.ReportDeadline.CLOCK, notice.late());
        }
        return new Sent(sent);
    }

    /**
     * Sends to each recipient not already sent to, recording each as it goes, and marks the alert
     * sent; any failure marks it failed and throws, for the queue to retry. None to send to is a
     * failure too: a deadline nobody is told about must not pass quietly (it ends in the DLQ, whose
     * alarm fires).
     */
    private int send(Alert alert, AlertLedger.Claim claim, List<StaffRecord> recipients, Contract contract,
                     java.util.function.Consumer<StaffRecord> email) {
        if (recipients.isEmpty()) {
            String why = "no active duty manager of " + contract.code() + " or advocate to send to";
            ledger.finish(alert, AlertLedger.Status.FAILED, clock.instant(), why);
            throw new NotSent(why, null);
        }
        int sent = 0;
        for (StaffRecord recipient : recipients) {
            if (claim.alreadySentTo().contains(recipient.id())) {
                continue;
            }
            try {
                email.accept(recipient);
            } catch (RuntimeException e) {
                ledger.finish(alert, AlertLedger.Status.FAILED, clock.instant(), e.getClass().getSimpleName());
                throw new NotSent("email not sent", e);
            }
            ledger.sentTo(alert, recipient.id());
            sent++;
        }
        ledger.finish(alert, AlertLedger.Status.SENT, clock.instant(), null);
        return sent;
    }

    // ------------------------------------------------------------------ the daily digest

    private Outcome sendDigest(Alert.Digest alert) {
        Instant now = clock.instant();
        Optional<AlertLedger.Claim> claim = ledger.claim(alert, now);
        if (claim.isEmpty()) {
            return new AlreadyHandled();
        }
        Optional<StaffRecord> manager = staff.find(alert.staffId()).filter(StaffRecord::active);
        List<Contract> covered = manager.isEmpty() ? List.of() : QueueDailyDigests.openOn(contracts, alert.day()).stream()
                .filter(contract -> manager.get().dutyManagerFor().contains(contract.code())).toList();
        if (covered.isEmpty()) {
            String why = "no longer an active duty manager of a contract open that day";
            ledger.finish(alert, AlertLedger.Status.SKIPPED, now, why);
            return new Skipped(why);
        }
        List<DigestContract> parts = digest(covered, alert.day(), now);
        return new Sent(send(alert, claim.get(), List.of(manager.get()), covered.get(0),
                to -> notifications.dailyDigest(to, alert.day(), parts)));
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
