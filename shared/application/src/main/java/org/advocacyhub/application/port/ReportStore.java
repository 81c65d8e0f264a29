package org.advocacyhub.application.port;

import java.time.Duration;
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
     * Claims the sending of one authority's workbook: succeeds when it was never claimed, or claimed
     * longer ago than {@code lease} and not sent (a sender that crashed). Only the claimant sends.
     */
    boolean claimSend(String reportId, String authority, Instant now, Duration lease);

    /** Records that the workbook went, with the mail service's message id. */
    void markSent(String reportId, String authority, String messageId, Instant at);

    /** Lets go of a claim after a failed send, so a retry may send at once. */
    void releaseSend(String reportId, String authority);

    /** Whether the workbook was sent already (and its message id). */
    Optional<String> sentMessage(String reportId, String authority);

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
