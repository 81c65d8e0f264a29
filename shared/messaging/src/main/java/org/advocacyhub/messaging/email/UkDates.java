package org.advocacyhub.messaging.email;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as people in the UK write them: "Thursday 31 December 2026", "5pm". */
public final class UkDates {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.UK);

    private UkDates() {
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "5pm on Thursday 31 December 2026", "9:30am on ...". */
    public static String timeOnDay(Instant instant) {
        var local = instant.atZone(UK);
        int hour = local.getHour() % 12 == 0 ? 12 : local.getHour() % 12;
        String minutes = local.getMinute() == 0 ? "" : String.format(":%02d", local.getMinute());
        String time = local.getHour() == 12 && local.getMinute() == 0 ? "midday"
                : local.getHour() == 0 && local.getMinute() == 0 ? "midnight"
                : hour + minutes + (local.getHour() < 12 ? "am" : "pm");
        return time + " on " + day(local.toLocalDate());
    }

    /**
     * A deadline that is the end of a day (a report due "within 21 days", LLR 26.12) as people say
     * it: "the end of Wednesday 21 October 2026", not "midnight on Thursday 22 October"; any other
     * time as {@link #timeOnDay}.
     */
    public static String byEndOfDay(Instant instant) {
        var local = instant.atZone(UK);
        return local.getHour() == 0 && local.getMinute() == 0 && local.getSecond() == 0 && local.getNano() == 0
                ? "the end of " + day(local.toLocalDate().minusDays(1)) : timeOnDay(instant);
    }

    /** A length of time as people say it: "1 minute", "2 hours 5 minutes", "3 days 4 hours"; under a minute: "less than a minute". */
    public static String elapsed(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return "less than a minute";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (days > 0) {
            parts.add(days + (days == 1 ? " day" : " days"));
        }
        if (hours > 0) {
            parts.add(hours + (hours == 1 ? " hour" : " hours"));
        }
        if (mins > 0 && days == 0) {
            parts.add(mins + (mins == 1 ? " minute" : " minutes"));
        }
        return String.join(" ", parts);
    }
}
