package org.advocacyhub.web.console;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.advocacyhub.domain.time.WorkingCalendar;

/** How the console words times: London wall time, and time left counted in working time. */
public final class ConsoleText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private ConsoleText() {
    }

    /**
     * {@code Mon 30 Nov 2026, 17:00}, London time. Midnight, where a deadline counted in whole working days falls, is
     * the end of the day before ({@code Mon 7 Dec 2026, midnight}), not "Tue 8 Dec 2026, 00:00" (issue 21): the day
     * staff have is the one named.
     */
    public static String when(Instant instant) {
        java.time.ZonedDateTime local = instant.atZone(WorkingCalendar.ZONE);
        if (local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return DAY.format(local.minusDays(1)) + ", midnight";
        }
        return WHEN.format(local);
    }

    /** {@code Mon 30 Nov 2026}. */
    public static String day(java.time.LocalDate date) {
        return DAY.format(date);
    }

    /**
     * Time left to a due time, in working time (whole working days, 00:00 to 24:00 London, as the
     * clocks count it: {@link WorkingCalendar#workingTimeBetween}): "1 working day 3 hours left",
     * "Overdue by 2 hours", "Due now".
     */
    public static String timeLeft(Instant due, Instant now, WorkingCalendar calendar) {
        if (due.isAfter(now)) {
            Duration left = calendar.workingTimeBetween(now, due);
            return left.isZero() ? "Due at the start of the next working day" : span(left) + " left";
        }
        Duration late = calendar.workingTimeBetween(due, now);
        return late.compareTo(Duration.ofMinutes(1)) < 0 ? "Due now" : "Overdue by " + span(late);
    }

    /** Whether a due time is past, or falls today (London): what the home page lists as due today or overdue. */
    public static boolean dueByEndOfToday(Instant due, Instant now) {
        return !due.isAfter(now.atZone(WorkingCalendar.ZONE).toLocalDate().plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant());
    }

    /** "2 working days 4 hours", "3 hours 10 minutes", "20 minutes". */
    static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder out = new StringBuilder();
        if (days > 0) {
            out.append(days).append(days == 1 ? " working day" : " working days");
        }
        if (hours > 0) {
            out.append(out.isEmpty() ? "" : " ").append(hours).append(hours == 1 ? " hour" : " hours");
        }
        if (days == 0 && (minutes > 0 || out.isEmpty())) {
            out.append(out.isEmpty() ? "" : " ").append(minutes).append(minutes == 1 ? " minute" : " minutes");
        }
        return out.toString();
    }
}
