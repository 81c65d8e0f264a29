package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.Optional;
import org.advocacyhub.application.reports.QuarterlyReport;
import org.advocacyhub.domain.casework.AuditEntry;

/** Quarterly report requests (issue 11), with the once-only send of each workbook and the audit of each access. */
public interface ReportStore {

    /** Stores a new request; false when one with its id exists (a schedule that fired twice asks once). */
    boolean create(QuarterlyReport report);

    Optional<QuarterlyReport> find(String reportId);

    /** A contract's reports, the most recently asked for first, at most {@code limit} (one Query of the contract's list). */
    java.util.List<QuarterlyReport> recent(String contract, int limit);

    /** Saves a change if the stored report is still at {@code report.version()}; false if it changed meanwhile. */
    boolean save(QuarterlyReport report);

    /**
     * Claims the sending of one authority's workbook: succeeds only when it was never claimed (or a refusal released
     * it). Only the claimant sends. A claim is never taken over (issue 19): a sender that stopped while holding one
     * may have sent the email, so its fate is {@link #settleSend not known} instead.
     */
    boolean claimSend(String reportId, String authority, Instant now);

    /** Records that the workbook went, with the mail service's message id. */
    void markSent(String reportId, String authority, String messageId, Instant at);

    /** Lets go of a claim after the mail service refused the email for now (nothing went), so a retry may send it. */
    void releaseSend(String reportId, String authority);

    /**
     * Where one workbook's email stands.
     *
     * @param claimedAt when its sender claimed it (while {@link Outbox.Status#SENDING})
     * @param messageId the mail service's id once {@link Outbox.Status#SENT}
     */
    record SendRecord(Outbox.Status status, Instant claimedAt, String messageId) {
    }

    /** The workbook's email, if its sending was ever claimed. */
    Optional<SendRecord> sendRecord(String reportId, String authority);

    /**
     * Records that a claimed workbook's email was refused for good ({@link Outbox.Status#NOT_SENT}) or may or may not
     * have gone ({@link Outbox.Status#NOT_KNOWN}): it is never sent again, and the duty managers' console lists it
     * ({@link Outbox#troubles}). Only if the claim is still the one made at {@code claimedAt}.
     *
     * @param contract the report's contract, whose duty managers see it
     * @param what     what it is, as staff read it
     * @param note     why (no personal data)
     * @return false when the claim changed meanwhile (nothing written)
     */
    boolean settleSend(String reportId, String authority, Instant claimedAt, Outbox.Status status, Instant at, String contract,
                       String what, String note);

    /** Starts the quarter's report deadline clock (LLR 26.12), unless it was started before; true if started now. */
    boolean startDeadline(org.advocacyhub.domain.reports.ReportDeadline deadline);

    /**
     * Records that the quarter's workbook for {@code authority} has gone (by any report), and stops the
     * deadline once every one of {@code all} has: it leaves the alert and due indexes and stays, stopped,
     * so that a schedule firing later does not start it again. Nothing happens without a started deadline.
     */
    void deadlineSent(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter, String authority, java.util.Set<String> all,
                      Instant at);

    /** The due time of the quarter's report deadline while it runs; empty once stopped (or never started). */
    Optional<Instant> deadlineDue(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter);

    /** Records a member of staff's access (every staff access is audited). */
    void audit(String reportId, AuditEntry entry);
}
