package org.advocacyhub.domain.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Tests write times as London wall-clock times, as the requirements do. */
public final class London {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private London() {
    }

    /** {@code "2026-12-24T20:00"} London time as an instant. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    /** An instant as London wall-clock time, for readable assertions. */
    public static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }
}
