package org.advocacyhub.domain.time;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When a contract's quarterly report is due, from the quarter it covers.
 */
public sealed interface ReportDeadlineRule {

    /** The configuration names of the kinds, as used in the contract files. */
    java.util.List<String> KINDS = java.util.List.of(DaysAfterQuarterEnd.KIND, DayOfFollowingMonth.KIND);

    /** The last day the report for {@code quarter} may be submitted. */
    LocalDate dueDate(FinancialQuarter quarter);

    /** The end of {@link #dueDate} (24:00 London, the following midnight). */
    default Instant dueBy(FinancialQuarter quarter) {
        return dueDate(quarter).plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    /** In words, for the contract summary. */
    String describe();

    /**
     * "Within N days of the end of each financial quarter" (LLR 26.12: 21 days): the Nth calendar
     * day after the quarter's last day (Q3 ending 31 December ⇒ 21 January).
     *
     * @param days N
     */
    record DaysAfterQuarterEnd(int days) implements ReportDeadlineRule {

        static final String KIND = "days-after-quarter-end";

        public DaysAfterQuarterEnd {
            if (days < 1 || days > 92) {
                throw new IllegalArgumentException("days after quarter end must be 1 to 92: " + days);
            }
        }

        @Override
        public LocalDate dueDate(FinancialQuarter quarter) {
            return quarter.lastDay().plusDays(days);
        }

        @Override
        public String describe() {
            return "within " + days + " days of the end of the quarter";
        }
    }

    /**
     * A fixed day of the month after the quarter (LEW 17.3: "Mid-July" for Q1 etc.).
     * Interpretation: "mid-month" is the 15th.
     *
     * @param dayOfMonth the day, 1 to 28 so that every month has it
     */
    record DayOfFollowingMonth(int dayOfMonth) implements ReportDeadlineRule {

        static final String KIND = "day-of-following-month";

        public DayOfFollowingMonth {
            if (dayOfMonth < 1 || dayOfMonth > 28) {
                throw new IllegalArgumentException("day of month must be 1 to 28: " + dayOfMonth);
            }
        }

        @Override
        public LocalDate dueDate(FinancialQuarter quarter) {
            return quarter.lastDay().plusDays(1).withDayOfMonth(dayOfMonth);
        }

        @Override
        public String describe() {
            return "by day " + dayOfMonth + " of the month after the quarter";
        }
    }

    /**
     * The rule of a configuration kind (one of {@link #KINDS}).
     *
     * @throws IllegalArgumentException for an unknown kind or an amount out of range
     */
    static ReportDeadlineRule of(String kind, int amount) {
        return switch (kind) {
            case DaysAfterQuarterEnd.KIND -> new DaysAfterQuarterEnd(amount);
            case DayOfFollowingMonth.KIND -> new DayOfFollowingMonth(amount);
            default -> throw new IllegalArgumentException(
                    "unknown report deadline '" + kind + "'; expected one of " + String.join(", ", KINDS));
        };
    }
}
