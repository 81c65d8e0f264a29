package org.advocacyhub.application.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.reports.ReturnTable;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * A quarterly report asked for by a manager or by a contract's schedule (issue 11): what it covers,
 * where it has got to, and its workbooks (one per authority where the contract reports per
 * authority, LLR 7.38, 15.1; else one for the contract).
 *
 * @param authority   the one authority asked for, or {@code null} for all of the contract's
 * @param send        whether to email it once built (a manager may preview first, then send)
 * @param requestedBy the staff id, or {@link #SCHEDULE} for the contract's schedule
 * @param failure     why it failed (a class of error, never data), or {@code null}
 * @param caseloadKey where a report built before issue 23 archived its one contract-wide restricted workbook (LEW 17.5's
 *                    caseload list, LLR 26.17's reasons), or {@code null}: a report built since keeps one per council, on
 *                    each {@link Workbook#restrictedKey}
 * @param version     saves are conditional on it
 */
public record QuarterlyReport(String id, String contract, FinancialQuarter quarter, String authority, boolean send, String requestedBy,
                              Instant requestedAt, Status status, Instant builtAt, List<Workbook> workbooks, String caseloadKey,
                              String failure, long version) {

    public static final String SCHEDULE = "schedule";

    public enum Status {
        /** Waiting on the report queue. */
        QUEUED,
        /** Built and archived; not (yet) emailed. */
        BUILT,
        /** Every workbook emailed to its authority. */
        SENT,
        /** Could not be built or sent after the queue's retries; the duty managers were told. */
        FAILED
    }

    /**
     * One workbook of the report.
     *
     * @param authority  the authority's code (or the contract's code for a contract-wide workbook)
     * @param fileName   e.g. {@code LLR-RUTLAND-FY2026Q3.xlsx}
     * @param archiveKey where it is kept in the reports bucket
     * @param restrictedKey where this council's restricted workbook (its own people's rows of LEW 17.5's caseload list and
     *                      of LLR 26.17's reasons, {@code CaseloadList}) is kept, under {@code restricted/}; {@code null} when
     *                      the council has none this quarter. Never attached: its email carries a link ({@code RestrictedLists})
     * @param recipients who it is emailed to
     * @param summary    its Summary sheet, shown by {@code GET /reports/{id}}
     * @param sentAt     when it was emailed, or {@code null}
     * @param messageId  the mail service's id of that email, or {@code null}
     */
    public record Workbook(String authority, String authorityName, String fileName, String archiveKey, String restrictedKey,
                           List<String> recipients, ReturnTable summary, Instant sentAt, String messageId) {
        public Workbook {
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(archiveKey, "archiveKey");
            recipients = List.copyOf(recipients);
            Objects.requireNonNull(summary, "summary");
        }

        public Workbook sent(Instant at, String id) {
            return new Workbook(authority, authorityName, fileName, archiveKey, restrictedKey, recipients, summary, at, id);
        }

        /** The restricted workbook's file name: the workbook's with {@code -restricted}, e.g. {@code LEW-LEWISHAM-FY2026Q2-restricted.xlsx}. */
        public String restrictedFileName() {
            return fileName.replaceFirst("\\.xlsx$", "") + "-restricted.xlsx";
        }
    }

    public QuarterlyReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(status, "status");
        workbooks = List.copyOf(workbooks);
    }

    public static QuarterlyReport queued(String id, String contract, FinancialQuarter quarter, String authority, boolean send,
                                         String requestedBy, Instant at) {
        return new QuarterlyReport(id, contract, quarter, authority, send, requestedBy, at, Status.QUEUED, null, List.of(), null, null, 0);
    }

    public QuarterlyReport built(Instant at, List<Workbook> books, String caseload) {
        return new QuarterlyReport(id, contract, quarter, authority, send, requestedBy, requestedAt, Status.BUILT, at, books, caseload, null,
                version);
    }

    public QuarterlyReport withWorkbooks(List<Workbook> books) {
        boolean allSent = !books.isEmpty() && books.stream().allMatch(book -> book.sentAt() != null);
        return new QuarterlyReport(id, contract, quarter, authority, send, requestedBy, requestedAt, allSent ? Status.SENT : status, builtAt,
                books, caseloadKey, failure, version);
    }

    /** Asked to be sent (a previewed report). */
    public QuarterlyReport toSend() {
        return new QuarterlyReport(id, contract, quarter, authority, true, requestedBy, requestedAt, status, builtAt, workbooks, caseloadKey,
                failure, version);
    }

    public QuarterlyReport failed(String why) {
        return new QuarterlyReport(id, contract, quarter, authority, send, requestedBy, requestedAt, Status.FAILED, builtAt, workbooks,
                caseloadKey, why, version);
    }

    public QuarterlyReport nextVersion() {
        return new QuarterlyReport(id, contract, quarter, authority, send, requestedBy, requestedAt, status, builtAt, workbooks, caseloadKey,
                failure, version + 1);
    }

    public Optional<Workbook> workbook(String authorityCode) {
        return workbooks.stream().filter(book -> book.authority().equals(authorityCode)).findFirst();
    }
}
