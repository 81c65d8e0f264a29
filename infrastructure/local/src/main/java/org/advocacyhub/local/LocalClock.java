package org.advocacyhub.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code LOCAL_CLOCK}: start the local stack's clock at another time, for demos and tests. Either an
 * instant ({@code 2026-12-24T20:00:00Z}) or an offset from now ({@code +3d}, {@code -2h},
 * {@code +90m}, or ISO-8601 {@code P3DT2H}). The clock then ticks normally.
 */
final class LocalClock {

    private static final Pattern SHORT_OFFSET = Pattern.compile("^([+-]?)(\\d+)([smhdw])$");

    private LocalClock() {
    }

    /** The offset from the system clock that {@code setting} asks for (zero when blank). */
    static Duration offset(String setting, Clock system) {
        if (setting == null || setting.isBlank()) {
            return Duration.ZERO;
        }
        String text = setting.strip();
        Matcher m = SHORT_OFFSET.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long amount = Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
            return switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
        }
        try {
            if (text.startsWith("P") || text.startsWith("-P") || text.startsWith("+P")) {
                return Duration.parse(text);
            }
            return Duration.between(system.instant(), Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("LOCAL_CLOCK must be an instant like 2026-12-24T20:00:00Z or an offset like +3d, -2h or P1DT2H; got '"
                    + text + "'");
        }
    }
}
