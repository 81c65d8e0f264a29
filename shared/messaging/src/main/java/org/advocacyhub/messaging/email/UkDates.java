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
}
