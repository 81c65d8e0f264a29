package org.advocacyhub.domain.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When a contract's service is staffed, London time: LLR and LEW 09:00-17:00 on working days
 * (LLR 9.20, LEW 8.5); DERBY 08:00-20:00 every day (DERBY 3.3.6).
 *
 * <p>Interpretation: DERBY's "7 days a week" includes bank holidays. Service hours say when staff
 * are there (e.g. whether a call goes to the answerphone); they do not change what a working day is
 * for working-day clocks, see {@link WorkingCalendar}.
 *
 * @param opens  opening time (inclusive)
 * @param closes closing time (exclusive), after {@code opens}
 * @param days   which days the service opens
 */
public record ServiceHours(LocalTime opens, LocalTime closes, Days days) {

    /** Which days a service is open. */
    public enum Days {
        /** Monday to Friday except bank holidays. */
        WORKING_DAYS,
        /** Every day of the year. */
        EVERY_DAY
    }

    /** LLR 9.20, LEW 8.5. */
    public static final ServiceHours OFFICE_HOURS =
            new ServiceHours(WorkingCalendar.WORKING_DAY_STARTS, WorkingCalendar.WORKING_DAY_ENDS, Days.WORKING_DAYS);

    public ServiceHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(days, "days");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("service hours must close after they open: " + opens + "-" + closes);
        }
    }

    /** Whether the service is open on {@code date} at all. */
    public boolean isOpenOn(LocalDate date, WorkingCalendar calendar) {
        return days == Days.EVERY_DAY || calendar.isWorkingDay(date);
    }

    /** Whether the service is staffed at {@code instant}. */
    public boolean isOpenAt(Instant instant, WorkingCalendar calendar) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, WorkingCalendar.ZONE);
        LocalTime time = local.toLocalTime();
        return isOpenOn(local.toLocalDate(), calendar) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** The next opening at or after {@code instant} (the instant itself when open). */
    public Instant nextOpening(Instant instant, WorkingCalendar calendar) {
        if (isOpenAt(instant, calendar)) {
            return instant;
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, WorkingCalendar.ZONE);
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(opens)) {
            day = day.plusDays(1);
        }
        while (!isOpenOn(day, calendar)) {
            day = day.plusDays(1);
        }
        return day.atTime(opens).atZone(WorkingCalendar.ZONE).toInstant();
    }
}
