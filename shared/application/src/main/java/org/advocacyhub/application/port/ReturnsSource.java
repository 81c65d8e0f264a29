package org.advocacyhub.application.port;

import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.reports.ReturnsSink;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * Reads what a quarter's return counts (issue 11 item 7): by Query only, streamed page by page into
 * a {@link ReturnsSink}, never every case in memory at once.
 */
public interface ReturnsSource {

    /** How much was read, and in how many Query pages (for the logs and the benchmark). */
    record Read(long cases, long timeRows, long records, long callbacks, long pages) {
    }

    /**
     * Everything the return of {@code quarter} counts, for the financial year to date (the year-to-date
     * figures need it): each case received in the year to date, or received earlier and open or closed
     * since the year began (once each), and for a contract that counts young people returning after a
     * closure (LEW Appendix 1) those closed back to the same quarter a year earlier
     * ({@code CountingRules.closuresReadFrom}); time entries, awareness sessions, complaints and compliments
     * dated in the year to date; answerphone messages left in the quarter.
     *
     * @param through the latest quarter whose closures are read: the quarter of the time of reading, so that a
     *                case open at the quarter's end and closed since is still found
     */
    Read read(Contract contract, FinancialQuarter quarter, FinancialQuarter through, ReturnsSink sink);
}
