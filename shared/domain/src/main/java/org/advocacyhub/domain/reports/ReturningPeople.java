package org.advocacyhub.domain.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.advocacyhub.domain.time.ReportingPeriod;

/**
 * LEW Appendix 1 "Number of young people returning to the advocacy service once in the year following case closure" and
 * "... at least twice ..." (target 0 each): what the builder remembers of each young person's cases as they stream in,
 * and the rule that counts them.
 *
 * <h2>Interpretation (LEW Appendix 1)</h2>
 * <ul>
 *   <li>A <b>return</b> is a referral of the contract received for a young person (the same {@link PersonKey}: the same
 *       date of birth and name, as People supported counts them) after an earlier case of theirs of the same contract
 *       was closed, and no later than a year after that closure's London date ("in the year following case closure").
 *       Any referral received counts, whatever its screening: the young person came back to the service.</li>
 *   <li>A young person is counted in the quarter in which a return of theirs is received (London date), once, in the
 *       workbook and service of that referral (the latest, if they returned more than once in the quarter).</li>
 *   <li><b>Once</b> or <b>at least twice</b>: the referrals of the young person received after the earliest closure a
 *       return of the quarter follows, within the year after that closure and by the quarter's end, are counted (the
 *       return itself included): one is "once", two or more "at least twice". A young person who came back in an earlier
 *       quarter and again in this one is "at least twice" now, and was "once" then.</li>
 * </ul>
 *
 * <h2>What it needs to see, and its limits</h2>
 * The builder sees the cases of the financial year to date: received in it, or received earlier and open, or closed
 * since it began. A return early in the year can follow a closure in the previous financial year, which that does not
 * include: for a contract that counts returns the reader also reads the closures back to the same quarter a year
 * earlier ({@link CountingRules#closuresReadFrom}), so every closure a return of the quarter can follow is seen. What is
 * still not read: a referral received before the financial year began that was never accepted (neither open nor
 * closed), so it does not add to "at least twice"; the Definitions sheet says so. A young person without a date of birth
 * on a referral is keyed by that referral alone ({@link PersonKey}) and is never matched to an earlier case.
 */
final class ReturningPeople {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** What one young person's cases the builder saw: each receipt with where it is counted, and each closure. */
    private static final class Cases {
        long[] received = new long[1];
        WorkbookCounts[] book = new WorkbookCounts[1];
        int[] service = new int[1];
        int receipts;
        long[] closed = new long[1];
        int closures;

        void received(Instant at, WorkbookCounts in, int si) {
            if (receipts == received.length) {
                received = Arrays.copyOf(received, receipts * 2);
                book = Arrays.copyOf(book, receipts * 2);
                service = Arrays.copyOf(service, receipts * 2);
            }
            received[receipts] = at.getEpochSecond();
            book[receipts] = in;
            service[receipts++] = si;
        }

        void closed(Instant at) {
            if (closures == closed.length) {
                closed = Arrays.copyOf(closed, closures * 2);
            }
            closed[closures++] = at.getEpochSecond();
        }
    }

    /** What was counted for one young person: in which workbook and service, and whether it was at least twice. */
    @FunctionalInterface
    interface Counted {
        void returned(WorkbookCounts book, int service, boolean atLeastTwice);
    }

    private final Map<Long, Cases> people = new HashMap<>();

    /**
     * A case the reader found (each once): its young person's key, when it was received, the workbook and service it is
     * counted in, and when it was closed (null while open).
     */
    void add(long person, Instant receivedAt, WorkbookCounts book, int service, Instant closedAt) {
        Cases cases = people.computeIfAbsent(person, key -> new Cases());
        cases.received(receivedAt, book, service);
        if (closedAt != null) {
            cases.closed(closedAt);
        }
    }

    /** Each young person with a return received in {@code quarter}, as the interpretation above counts them. */
    void count(ReportingPeriod quarter, Counted counted) {
        long end = quarter.end().getEpochSecond();
        for (Cases cases : people.values()) {
            if (cases.closures == 0 || cases.receipts < 2) {
                continue;
            }
            int most = 0;
            int latest = -1;
            for (int r = 0; r < cases.receipts; r++) {
                long receipt = cases.received[r];
                if (!quarter.contains(Instant.ofEpochSecond(receipt))) {
                    continue;
                }
                long followed = earliestClosureFollowed(cases, receipt);
                if (followed < 0) {
                    continue;
                }
                LocalDate yearEnds = day(followed).plusYears(1);
                int returns = 0;
                for (int other = 0; other < cases.receipts; other++) {
                    long at = cases.received[other];
                    if (at > followed && at < end && !day(at).isAfter(yearEnds)) {
                        returns++;
                    }
                }
                most = Math.max(most, returns);
                if (latest < 0 || receipt > cases.received[latest]) {
                    latest = r;
                }
            }
            if (latest >= 0) {
                counted.returned(cases.book[latest], cases.service[latest], most >= 2);
            }
        }
    }

    /** The earliest closure that a referral received at {@code receipt} follows within a year; -1 when none. */
    private static long earliestClosureFollowed(Cases cases, long receipt) {
        long earliest = -1;
        for (int c = 0; c < cases.closures; c++) {
            long closure = cases.closed[c];
            if (closure < receipt && !day(receipt).isAfter(day(closure).plusYears(1)) && (earliest < 0 || closure < earliest)) {
                earliest = closure;
            }
        }
        return earliest;
    }

    private static LocalDate day(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(LONDON).toLocalDate();
    }
}
