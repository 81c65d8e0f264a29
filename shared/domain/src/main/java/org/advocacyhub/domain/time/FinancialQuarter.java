package org.advocacyhub.domain.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK public-sector financial quarter: the financial year runs April to March and Q1 is April to
 * June (requirements §7; LLR 26.12, LEW 17.3).
 *
 * @param financialYear the calendar year the financial year starts in (FY2026 is April 2026 to March 2027)
 * @param quarter       1 to 4
 */
public record FinancialQuarter(int financialYear, int quarter) implements Comparable<FinancialQuarter> {

    private static final Pattern KEY = Pattern.compile("FY(\\d{4})Q([1-4])");

    public FinancialQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4: " + quarter);
        }
        if (financialYear < 1900 || financialYear > 9998) {
            throw new IllegalArgumentException("financial year out of range: " + financialYear);
        }
    }

    /** The quarter a date falls in. */
    public static FinancialQuarter containing(LocalDate date) {
        int month = date.getMonthValue();
        if (month >= Month.APRIL.getValue()) {
            return new FinancialQuarter(date.getYear(), (month - Month.APRIL.getValue()) / 3 + 1);
        }
        return new FinancialQuarter(date.getYear() - 1, 4);
    }

    /** The quarter an instant falls in, by its London date. */
    public static FinancialQuarter containing(Instant instant) {
        return containing(instant.atZone(WorkingCalendar.ZONE).toLocalDate());
    }

    /**
     * Parses a {@link #key()} such as {@code FY2026Q3}.
     *
     * @throws IllegalArgumentException if {@code key} is not of that form
     */
    public static FinancialQuarter parseKey(String key) {
        Matcher matcher = KEY.matcher(key == null ? "" : key);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + key + "' is not a quarter key like FY2026Q3");
        }
        return new FinancialQuarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(financialYear, Month.APRIL, 1).plusMonths(3L * (quarter - 1));
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** 00:00 London on the first day (inclusive). */
    public Instant start() {
        return period().start();
    }

    /** 00:00 London on the day after the last day (exclusive). */
    public Instant end() {
        return period().end();
    }

    public ReportingPeriod period() {
        return new ReportingPeriod(firstDay(), lastDay());
    }

    /** From 1 April of the financial year to the end of this quarter (LLR 26.17 year-to-date figures). */
    public ReportingPeriod yearToDate() {
        return new ReportingPeriod(LocalDate.of(financialYear, Month.APRIL, 1), lastDay());
    }

    public FinancialQuarter previous() {
        return quarter == 1 ? new FinancialQuarter(financialYear - 1, 4) : new FinancialQuarter(financialYear, quarter - 1);
    }

    public FinancialQuarter next() {
        return quarter == 4 ? new FinancialQuarter(financialYear + 1, 1) : new FinancialQuarter(financialYear, quarter + 1);
    }

    /** For people: {@code 2026-27 Q3}. */
    public String name() {
        return String.format("%d-%02d Q%d", financialYear, (financialYear + 1) % 100, quarter);
    }

    /** Stable key for storage and file names: {@code FY2026Q3} (the financial year named by its starting year). */
    public String key() {
        return "FY" + financialYear + "Q" + quarter;
    }

    @Override
    public int compareTo(FinancialQuarter other) {
        return Integer.compare(financialYear * 4 + quarter, other.financialYear * 4 + other.quarter);
    }

    @Override
    public String toString() {
        return key();
    }
}
