package org.advocacyhub.testing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge Scheduler expression evaluated in a time zone: {@code rate(N minute[s]|hour[s]|day[s])},
 * {@code cron(minutes hours day-of-month month day-of-week year)} with {@code *}, {@code ?}, lists, ranges, steps and
 * month/day names (day-of-week 1 = Sunday, as in AWS; {@code L}, {@code W} and {@code #} are not supported), and
 * {@code at(yyyy-mm-ddThh:mm:ss)}.
 *
 * <p>Daylight saving time as AWS documents it: a cron time that does not exist on the day the clocks go forward is
 * skipped; a time that occurs twice when they go back fires once (the first). A rate is a fixed duration (a day is
 * 24 hours) counted from when the schedule started, first firing at the start.
 */
public sealed interface ScheduleExpression {

    /** The first firing strictly after {@code after}; {@code start} is when the schedule was created. */
    Optional<Instant> nextAfter(Instant after, Instant start);

    /** The expression as written. */
    String text();

    static ScheduleExpression parse(String expression, ZoneId zone) {
        String text = expression.trim();
        Matcher matcher = Pattern.compile("(rate|cron|at)\\((.*)\\)").matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a schedule expression (rate(...), cron(...) or at(...)): " + expression);
        }
        return switch (matcher.group(1)) {
            case "rate" -> Rate.parse(text, matcher.group(2));
            case "cron" -> Cron.parse(text, matcher.group(2), zone);
            default -> new At(text, LocalDateTime.parse(matcher.group(2).trim()), zone);
        };
    }

    /** {@code rate(value unit)}. */
    record Rate(String text, Duration period) implements ScheduleExpression {
        static Rate parse(String text, String body) {
            String[] parts = body.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("rate() needs a value and a unit: " + text);
            }
            long value;
            try {
                value = Long.parseLong(parts[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rate() value must be a whole number: " + text, e);
            }
            if (value <= 0) {
                throw new IllegalArgumentException("rate() value must be positive: " + text);
            }
            Duration unit = switch (parts[1]) {
                case "minute", "minutes" -> Duration.ofMinutes(1);
                case "hour", "hours" -> Duration.ofHours(1);
                case "day", "days" -> Duration.ofDays(1);
                default -> throw new IllegalArgumentException("rate() unit must be minutes, hours or days: " + text);
            };
            return new Rate(text, unit.multipliedBy(value));
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant start) {
            if (after.isBefore(start)) {
                return Optional.of(start);
            }
            long periods = Duration.between(start, after).toNanos() / period.toNanos() + 1;
            return Optional.of(start.plus(period.multipliedBy(periods)));
        }
    }

    /** {@code at(yyyy-mm-ddThh:mm:ss)}: once, in the schedule's time zone. */
    record At(String text, LocalDateTime time, ZoneId zone) implements ScheduleExpression {
        @Override
        public Optional<Instant> nextAfter(Instant after, Instant start) {
            Instant when = time.atZone(zone).toInstant();
            return when.isAfter(after) ? Optional.of(when) : Optional.empty();
        }
    }

    /** {@code cron(...)} with six fields. */
    record Cron(String text, ZoneId zone, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
                BitSet daysOfWeek, BitSet years, boolean anyDayOfMonth, boolean anyDayOfWeek) implements ScheduleExpression {

        private static final int MIN_YEAR = 1970;
        private static final int MAX_YEAR = 2199;
        private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
                Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
                Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
        private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5,
                "FRI", 6, "SAT", 7);

        static Cron parse(String text, String body, ZoneId zone) {
            String[] fields = body.trim().split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("cron() needs six fields (minutes hours day-of-month month day-of-week year): " + text);
            }
            boolean anyDayOfMonth = fields[2].equals("?");
            boolean anyDayOfWeek = fields[4].equals("?");
            if (anyDayOfMonth == anyDayOfWeek) {
                throw new IllegalArgumentException("cron() needs '?' in exactly one of day-of-month and day-of-week: " + text);
            }
            return new Cron(text, zone,
                    field(fields[0], 0, 59, Map.of(), text),
                    field(fields[1], 0, 23, Map.of(), text),
                    anyDayOfMonth ? null : field(fields[2], 1, 31, Map.of(), text),
                    field(fields[3], 1, 12, MONTHS, text),
                    anyDayOfWeek ? null : field(fields[4], 1, 7, DAYS, text),
                    field(fields[5], MIN_YEAR, MAX_YEAR, Map.of(), text),
                    anyDayOfMonth, anyDayOfWeek);
        }

        private static BitSet field(String field, int min, int max, Map<String, Integer> names, String text) {
            BitSet values = new BitSet();
            for (String part : field.split(",")) {
                String upper = part.toUpperCase(Locale.ROOT);
                String withoutNames = upper;
                for (String name : names.keySet()) {
                    withoutNames = withoutNames.replace(name, "");
                }
                if (withoutNames.matches(".*[A-Z#].*")) {
                    throw new IllegalArgumentException("cron() '" + part + "' is not supported locally (L, W and # are not): " + text);
                }
                int step = 1;
                int slash = upper.indexOf('/');
                String range = upper;
                if (slash >= 0) {
                    step = number(upper.substring(slash + 1), Map.of(), text);
                    range = upper.substring(0, slash);
                    if (step <= 0) {
                        throw new IllegalArgumentException("cron() step must be positive: " + text);
                    }
                }
                int from;
                int to;
                if (range.equals("*")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    int dash = range.indexOf('-');
                    from = number(range.substring(0, dash), names, text);
                    to = number(range.substring(dash + 1), names, text);
                } else {
                    from = number(range, names, text);
                    to = slash >= 0 ? max : from;
                }
                if (from < min || to > max || from > to) {
                    throw new IllegalArgumentException("cron() value out of range " + min + "-" + max + " in '" + part + "': " + text);
                }
                for (int value = from; value <= to; value += step) {
                    values.set(value);
                }
            }
            return values;
        }

        private static int number(String text, Map<String, Integer> names, String expression) {
            Integer named = names.get(text);
            if (named != null) {
                return named;
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cron() cannot read '" + text + "': " + expression, e);
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant start) {
            LocalDate date = after.atZone(zone).toLocalDate().minusDays(1);
            LocalDate last = LocalDate.of(Math.min(MAX_YEAR, years.previousSetBit(MAX_YEAR)), 12, 31);
            for (; !date.isAfter(last); date = date.plusDays(1)) {
                if (!years.get(date.getYear())) {
                    int nextYear = years.nextSetBit(date.getYear() + 1);
                    if (nextYear < 0) {
                        return Optional.empty();
                    }
                    date = LocalDate.of(nextYear, 1, 1).minusDays(1);
                    continue;
                }
                if (!months.get(date.getMonthValue()) || !dayMatches(date)) {
                    continue;
                }
                Instant best = null;
                for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                    for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                        LocalDateTime local = date.atTime(hour, minute);
                        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
                        if (offsets.isEmpty()) {
                            continue; // skipped when the clocks go forward
                        }
                        Instant candidate = local.toInstant(offsets.get(0)); // the first of a repeated time
                        if (candidate.isAfter(after) && (best == null || candidate.isBefore(best))) {
                            best = candidate;
                        }
                    }
                }
                if (best != null) {
                    return Optional.of(best);
                }
            }
            return Optional.empty();
        }

        private boolean dayMatches(LocalDate date) {
            if (anyDayOfWeek) {
                return daysOfMonth.get(date.getDayOfMonth());
            }
            return daysOfWeek.get(awsDayOfWeek(date.getDayOfWeek()));
        }

        /** AWS numbers days 1 (Sunday) to 7 (Saturday). */
        private static int awsDayOfWeek(DayOfWeek day) {
            return day.getValue() % 7 + 1;
        }
    }
}
