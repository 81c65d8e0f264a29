package org.advocacyhub.domain.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A span of whole days, London time, that a report covers: a quarter or the year to date.
 *
 * @param firstDay first day covered
 * @param lastDay  last day covered (inclusive)
 */
public record ReportingPeriod(LocalDate firstDay, LocalDate lastDay) {

    public ReportingPeriod {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("a period cannot end (" + lastDay + ") before it starts (" + firstDay + ")");
        }
    }

    /** 00:00 London on the first day (inclusive). */
    public Instant start() {
        return firstDay.atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    /** 00:00 London on the day after the last day (exclusive). */
    public Instant end() {
        return lastDay.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    /** Whether {@code instant} falls in the period: {@code start() <= instant < end()}. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay);
    }
}
