package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.CaseActivity;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseRecord;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.referral.ServiceCode;

/**
 * Durable storage of cases, their timelines and the bookkeeping intake needs (reference
 * sequences, idempotency records). The one implementation is the DynamoDB single table.
 */
public interface CaseStore {

    /**
     * The next reference sequence number for a contract and year, from an atomic counter: two
     * concurrent callers never get the same number. Numbers may be skipped (a request that fails
     * after taking one), never reused.
     */
    long nextSequence(String contract, int year);

    /**
     * Stores a new case with its first timeline event, its first emails (the acknowledgement, into the
     * {@link Outbox}) and, when given, the idempotency record that points a repeated request at it, all
     * or nothing. Nothing is overwritten: when the idempotency key is already recorded the case is not
     * stored and the earlier record is returned.
     */
    Recorded recordNewCase(ReferralCase newCase, CaseEvent received, Optional<IdempotencyRecord> idempotency,
                           List<Outbox.OutboxMail> mails);

    /** Result of {@link #recordNewCase}. */
    sealed interface Recorded {
    }

    /** The case is stored. */
    record Stored() implements Recorded {
    }

    /** Another request with the same idempotency key got there first. */
    record KeyAlreadyUsed(IdempotencyRecord existing) implements Recorded {
    }

    Optional<IdempotencyRecord> findIdempotencyRecord(String key);

    Optional<ReferralCase> findCase(ReferralReference reference);

    /** The case's timeline, oldest first. */
    List<CaseEvent> timeline(ReferralReference reference);

    void appendEvent(ReferralReference reference, CaseEvent event);

    /**
     * Referrals not yet screened whose last hand-over to the screening queue was at or before
     * {@code cutoff}, oldest first, at most {@code limit}. A Query on the work index, never a Scan.
     */
    List<ReferralReference> awaitingScreeningSince(Instant cutoff, int limit);

    /**
     * Notes that a referral still unscreened was handed to the screening queue again at {@code at},
     * with its timeline entry, in one write conditional on it being unscreened still.
     *
     * @return false when it was screened meanwhile (nothing written)
     */
    boolean markRequeued(ReferralReference reference, Instant at, CaseEvent event);

    /**
     * Saves a changed case (a screening decision, an allocation, a contact...) with its new
     * timeline events, new or updated tasks and records, and the emails the change decided on (into
     * the {@link Outbox}: they exist if and only if the change was saved), all or nothing, and only if the stored
     * case is still the one the change started from ({@code before}'s version): two changes made
     * at once cannot both apply, so neither is lost silently. The case's running clocks are kept
     * findable by due time in the same write.
     *
     * @return false when the case changed meanwhile (nothing was written): reload and try again
     */
    boolean save(CaseChange change);

    /** {@link #save} with no records. */
    default boolean saveCase(ReferralCase before, ReferralCase after, List<CaseEvent> events, List<CaseTask> tasks) {
        return save(new CaseChange(before, after, events, tasks, List.of(), Optional.empty(), List.of()));
    }

    /**
     * One change to a case.
     *
     * @param before          the case as loaded
     * @param after           the case as it is to be saved
     * @param records         contacts, meetings, time entries, audit entries to store with it
     * @param allocationCount the advocate whose experience an allocation adds to (LLR 5.49), if any
     * @param mails           the emails the change decided on, into the outbox
     * @param mark            the staff request that makes the change, marked on the case with it (issue 19), if it
     *                        came with an idempotency key: a second mark of one request is refused, nothing written
     */
    record CaseChange(ReferralCase before, ReferralCase after, List<CaseEvent> events, List<CaseTask> tasks,
                      List<CaseRecord> records, Optional<AllocationCount> allocationCount, List<Outbox.OutboxMail> mails,
                      Optional<RequestMark> mark) {
        public CaseChange {
            events = List.copyOf(events);
            tasks = List.copyOf(tasks);
            records = List.copyOf(records);
            mails = List.copyOf(mails);
        }

        /** A change no staff request's key marks (screening, or a request sent without a key). */
        public CaseChange(ReferralCase before, ReferralCase after, List<CaseEvent> events, List<CaseTask> tasks,
                          List<CaseRecord> records, Optional<AllocationCount> allocationCount, List<Outbox.OutboxMail> mails) {
            this(before, after, events, tasks, records, allocationCount, mails, Optional.empty());
        }
    }

    /**
     * Anonymises a case (issue 22): the words the case's other items hold about the person go (each timeline entry's
     * description, each task's description and from whom, each email's recipient and words become {@code removed}), and
     * then the anonymised case is saved with its timeline entry and audit record as {@link #save} saves a change. Every
     * write is conditional on the stored case being {@code before}'s version, so a case reopened or held meanwhile is left as
     * it is; what was removed before that was past its time when it went. Run again, it finds the words gone and does the
     * rest: a run stopped halfway is finished by the next.
     *
     * @return false when the case changed meanwhile (the case itself was not saved): reload and decide again
     */
    boolean anonymise(ReferralCase before, ReferralCase after, CaseEvent event, AuditEntry audit, String removed);

    /**
     * The minutes of time each member of staff recorded ({@link TimeEntry#author()}), counting the entries dated
     * {@code from} to {@code to} inclusive on every contract's cases: the "hours this month" beside an allocation
     * candidate (issue 21). Read from the returns' hours index, so an entry saved a moment ago may not be counted yet.
     */
    java.util.Map<String, Integer> minutesRecorded(LocalDate from, LocalDate to);

    /** A staff request's mark on the case it changed, kept as long as its key is remembered ({@link RequestLedger#KEPT}). */
    record RequestMark(String requestId, Instant expiresAt) {
    }

    /** Whether the staff request {@code requestId} changed the case: its {@link RequestMark} is there. */
    boolean changedBy(ReferralReference reference, String requestId);

    /** An allocation to count in an advocate's experience: one more case of {@code service} on {@code day}. */
    record AllocationCount(String advocateId, ServiceCode service, LocalDate day) {
    }

    /** The case's records of one kind (contacts and meetings, time entries, audit), oldest first. */
    <T extends CaseRecord> List<T> records(ReferralReference reference, Class<T> kind);

    /**
     * Everything a case view shows besides the case itself, oldest first in each list: its timeline, tasks, contacts and
     * meetings, time entries and audit trail. The DynamoDB store reads them in one Query of the case's partition, not one
     * each (issue 12: a case view was five round trips).
     */
    default CaseFile caseFile(ReferralReference reference) {
        return new CaseFile(timeline(reference), tasks(reference), records(reference, CaseActivity.class),
                records(reference, TimeEntry.class), records(reference, AuditEntry.class));
    }

    /** What {@link #caseFile} reads. */
    record CaseFile(List<CaseEvent> timeline, List<CaseTask> tasks, List<CaseActivity> activities, List<TimeEntry> time,
                    List<AuditEntry> audit) {
        public CaseFile {
            timeline = List.copyOf(timeline);
            tasks = List.copyOf(tasks);
            activities = List.copyOf(activities);
            time = List.copyOf(time);
            audit = List.copyOf(audit);
        }
    }

    /** Records a staff access on its own, e.g. a read (LLR 26.8). */
    void audit(ReferralReference reference, AuditEntry entry);

    /**
     * Cases of a contract in one status received in [{@code from}, {@code to}), oldest first, a
     * page at a time: a Query on the status index, never a Scan.
     */
    default Page casesWithStatus(String contract, CaseStatus status, Instant from, Instant to, String pageToken, int limit) {
        return cases(new ByStatus(List.of(contract), List.of(status)), CaseFilter.ANY, from, to, pageToken, limit);
    }

    /** Cases allocated to an advocate (now, and open), received in [{@code from}, {@code to}), oldest first, a page at a time. */
    default Page casesAllocatedTo(String advocateId, Instant from, Instant to, String pageToken, int limit) {
        return cases(new ByAdvocate(advocateId), CaseFilter.ANY, from, to, pageToken, limit);
    }

    /**
     * Cases of a contract from one authority received in [{@code from}, {@code to}), oldest first,
     * a page at a time: Queries on the reports index, one financial quarter at a time.
     */
    default Page casesReceived(String contract, String authority, Instant from, Instant to, String pageToken, int limit) {
        return cases(new ByAuthority(contract, authority), CaseFilter.ANY, from, to, pageToken, limit);
    }

    /**
     * Cases from one of the list indexes, received in [{@code from}, {@code to}), keeping those
     * {@code filter} matches, a page at a time: Queries, never a Scan. Each partition of the source
     * is read oldest first, the partitions in the source's order. Pages are honest: a page holds
     * {@code limit} cases unless it is the last, and {@link Page#next} is given only when another
     * case follows.
     *
     * @param pageToken {@code null} for the first page, else a {@link Page#next} of the same list
     * @throws BadPageToken when {@code pageToken} is not one this list gave
     */
    Page cases(CaseSource source, CaseFilter filter, Instant from, Instant to, String pageToken, int limit);

    /** Where a list of cases is read from: one index, one or more of its partitions in order. */
    sealed interface CaseSource permits ByStatus, ByAdvocate, ByAuthority {
    }

    /** The status index: for each contract in order, each status in order. */
    record ByStatus(List<String> contracts, List<CaseStatus> statuses) implements CaseSource {
        public ByStatus {
            contracts = List.copyOf(contracts);
            statuses = List.copyOf(statuses);
        }
    }

    /** The advocate index: the cases allocated to one advocate now and not closed. */
    record ByAdvocate(String advocateId) implements CaseSource {
    }

    /** The reports index: one contract's cases from one authority, one financial quarter of receipt after another. */
    record ByAuthority(String contract, String authority) implements CaseSource {
    }

    /** What every listed case must match; {@code null} matches anything. */
    record CaseFilter(String contract, CaseStatus status, String authority, String advocateId) {

        public static final CaseFilter ANY = new CaseFilter(null, null, null, null);

        public boolean matches(ReferralCase c) {
            return (contract == null || contract.equals(c.reference().contract()))
                    && (status == null || status == c.status())
                    && (authority == null || authority.equals(c.details().person().authority()))
                    && (advocateId == null || c.work().allocation() != null && advocateId.equals(c.work().allocation().advocateId()));
        }
    }

    /** A page token that this list did not give (altered, or from another list). */
    final class BadPageToken extends RuntimeException {
        public BadPageToken(String message) {
            super(message);
        }
    }

    /** A page of cases and the token of the next page, or {@code null} on the last. */
    record Page(List<ReferralCase> cases, String next) {
        public Page {
            cases = List.copyOf(cases);
        }
    }

    /**
     * Running clocks due at or before {@code bound}, soonest first, at most {@code limit}: one
     * Query on the clock due-time index, reading only the clocks it returns (the daily digest).
     */
    List<IndexedClock> clocksDueBy(Instant bound, int limit);

    /**
     * Running clocks whose next alert (reminder or escalation) is due at or before {@code now},
     * soonest first, at most {@code limit}, after {@code after} (the last clock of the previous page,
     * or {@code null}): one Query on the alert index, reading only those clocks, never every open
     * clock (issue 9).
     */
    List<IndexedClock> alertsDueBy(Instant now, IndexedClock after, int limit);

    /**
     * Moves a clock's alert on after {@code raised} was raised: after a reminder it waits for the
     * escalation; after the escalation it leaves the alert index. Only if the clock is still as
     * {@code seen} (same due time, waiting for the same alert): a case save that moved its deadline,
     * or another timer run that got there first, wins.
     *
     * @return whether this call moved it
     */
    boolean advanceAlert(IndexedClock seen, DeadlineAlerts.Kind raised);

    /**
     * A running clock as the clock indexes hold it: a case's clock ({@code reference}) or an
     * answerphone message's callback clock ({@code messageId}, issue 10), exactly one of them.
     *
     * @param service    the case's service, or the service a message asked about ({@code null} when not known)
     * @param reminderAt when its reminder is due
     * @param urgent     whether its case is urgent (the digest puts urgent first)
     * @param waiting    the alert it waits for next, or {@code null} once escalated
     * @param alertAt    when that alert is due, or {@code null} once escalated
     */
    record IndexedClock(ReferralReference reference, String messageId, org.advocacyhub.domain.time.FinancialQuarter reportQuarter,
                        String contract, ServiceCode service, String clock, Instant dueAt, Instant reminderAt, boolean urgent,
                        DeadlineAlerts.Kind waiting, Instant alertAt, String dataRequestId) {

        public IndexedClock {
            int owners = (reference == null ? 0 : 1) + (messageId == null ? 0 : 1) + (reportQuarter == null ? 0 : 1)
                    + (dataRequestId == null ? 0 : 1);
            if (owners != 1) {
                throw new IllegalArgumentException("a clock belongs to a case, a message, a quarterly report or a data protection "
                        + "request, exactly one");
            }
        }

        /** A clock of a case, a message or a quarterly report. */
        public IndexedClock(ReferralReference reference, String messageId, org.advocacyhub.domain.time.FinancialQuarter reportQuarter,
                            String contract, ServiceCode service, String clock, Instant dueAt, Instant reminderAt, boolean urgent,
                            DeadlineAlerts.Kind waiting, Instant alertAt) {
            this(reference, messageId, reportQuarter, contract, service, clock, dueAt, reminderAt, urgent, waiting, alertAt, null);
        }

        /** The case reference, the message id, or the report deadline's id ({@code REPORT-LLR-FY2026Q3}). */
        public String ownerId() {
            return reference != null ? reference.value() : messageId != null ? messageId : dataRequestId != null ? dataRequestId
                    : org.advocacyhub.domain.reports.ReportDeadline.ownerId(contract, reportQuarter);
        }

        /** The alert it raises: a case's deadline, a message's callback or a quarterly report's deadline. */
        public Alert alert(DeadlineAlerts.Kind kind) {
            return reference != null ? new Alert.Deadline(reference, clock, kind, dueAt)
                    : messageId != null ? new Alert.Callback(messageId, kind, dueAt)
                    : dataRequestId != null ? new Alert.DataRequestDue(dataRequestId, kind, dueAt) : new Alert.ReportDue(contract, reportQuarter, kind, dueAt);
        }
    }

    /** The case's tasks, oldest first. */
    List<CaseTask> tasks(ReferralReference reference);

    /**
     * A request's idempotency key, what the request contained and the referral it created.
     *
     * @param key         the client's key, scoped by where it came from (form token or header)
     * @param fingerprint a digest of the request's content
     * @param receivedAt  when the referral it created was received: a repeat is answered from the
     *                    record alone, so intake never reads a case
     * @param expiresAt   when the record may be forgotten
     */
    record IdempotencyRecord(String key, String fingerprint, ReferralReference reference, Instant receivedAt, Instant expiresAt) {
    }
}
