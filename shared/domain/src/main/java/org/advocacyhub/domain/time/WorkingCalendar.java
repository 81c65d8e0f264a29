package org.advocacyhub.domain.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The England and Wales working calendar every deadline is computed on.
 *
 * <p>A <b>working day</b> is Monday to Friday except England and Wales bank holidays
 * (requirements §5). The working day runs from {@link #WORKING_DAY_STARTS 09:00} to
 * {@link #WORKING_DAY_ENDS 17:00} London time (LLR 9.20, LEW 8.5); that 17:00 is the cut-off and the
 * due time of every "within N working days" clock. A contract's own service hours (DERBY is open
 * 08:00-20:00 every day, DERBY 3.3.6) say when the service is staffed, see {@link ServiceHours};
 * they do not change what a working day is.
 *
 * <p>All local times are {@code Europe/London}; instants are UTC. In the UK the clocks change at
 * 01:00 UTC on the last Sundays of March and October, so every working day is exactly 24 hours
 * long; the arithmetic here works on instants and would stay correct if that ever changed.
 *
 * <p>Bank holidays come from, in order: configured cancellations (a listed holiday that is not
 * one), configured extra dates (a one-off holiday announced after the release, so that it needs no
 * release), the bundled GOV.UK list for the years it covers, and otherwise the regular rules of
 * {@link RegularBankHolidays} - in which case a warning is logged once per JVM (saying which years are
 * generated), because a rule cannot know one-off holidays; {@link #yearsOnRulesOnly()} lists the years used.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkingCalendar {

    /** The zone every clock runs in (requirements §5). */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** Start of the working day (LLR 9.20, LEW 8.5). */
    public static final LocalTime WORKING_DAY_STARTS = LocalTime.of(9, 0);
    /** End of the working day: cut-off and due time of working-day clocks (requirements §5, LLR 9.20). */
    public static final LocalTime WORKING_DAY_ENDS = LocalTime.of(17, 0);

    private final OfficialBankHolidays official;
    private final RuleGeneratedYears ruleGenerated;
    private final Map<LocalDate, BankHoliday> extra;
    private final Set<LocalDate> cancelled;

    private WorkingCalendar(OfficialBankHolidays official, RuleGeneratedYears ruleGenerated,
                            Set<LocalDate> extraHolidays, Set<LocalDate> cancelledHolidays) {
        this.official = official;
        this.ruleGenerated = ruleGenerated;
        Map<LocalDate, BankHoliday> added = new TreeMap<>();
        for (LocalDate date : extraHolidays) {
            added.put(Objects.requireNonNull(date, "extra holiday"),
                    new BankHoliday(date, "Bank holiday (configured)", false, BankHoliday.Origin.CONFIGURED));
        }
        this.extra = Collections.unmodifiableMap(added);
        this.cancelled = Collections.unmodifiableSet(new TreeSet<>(cancelledHolidays));
    }

    /** England and Wales, from the bundled GOV.UK list (and rules beyond it). */
    public static WorkingCalendar englandAndWales() {
        return englandAndWales(Set.of(), Set.of());
    }

    /**
     * England and Wales plus configured extra bank holidays.
     *
     * @param extraHolidays one-off bank holidays announced after the bundled list was released
     */
    public static WorkingCalendar englandAndWales(Set<LocalDate> extraHolidays) {
        return englandAndWales(extraHolidays, Set.of());
    }

    /**
     * England and Wales with configured corrections.
     *
     * @param extraHolidays     dates that are bank holidays although the list or the rules do not say so
     * @param cancelledHolidays dates the list or the rules give as bank holidays that are not (a
     *                          regular holiday moved in a year the bundled list does not cover, as
     *                          early May moved to VE Day in 2020); an extra date wins over a cancellation
     */
    public static WorkingCalendar englandAndWales(Set<LocalDate> extraHolidays, Set<LocalDate> cancelledHolidays) {
        return new WorkingCalendar(OfficialBankHolidays.bundled(), RuleGeneratedYears.THIS_JVM, extraHolidays, cancelledHolidays);
    }

    /** England and Wales recording rule-generated years in {@code ruleGenerated}: tests see its warning afresh. */
    static WorkingCalendar englandAndWales(RuleGeneratedYears ruleGenerated) {
        return new WorkingCalendar(OfficialBankHolidays.bundled(), ruleGenerated, Set.of(), Set.of());
    }

    /**
     * Parses a configured list of dates such as {@code "2026-06-01, 2026-09-21"} (the form an
     * environment variable takes). Blank gives the empty set.
     *
     * @throws IllegalArgumentException naming the entry that is not a {@code yyyy-mm-dd} date
     */
    public static Set<LocalDate> parseDates(String commaSeparated) {
        Set<LocalDate> dates = new TreeSet<>();
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return Collections.unmodifiableSet(dates);
        }
        for (String part : commaSeparated.split(",")) {
            String text = part.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                dates.add(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a date like 2026-06-01", e);
            }
        }
        return Collections.unmodifiableSet(dates);
    }

    /** The provenance line of the bundled official list. */
    public String officialSource() {
        return official.source();
    }

    /** Whether the bundled official list covers {@code year} (otherwise holidays are generated by rule). */
    public boolean officiallyCovers(int year) {
        return official.covers(year);
    }

    /**
     * Years for which this JVM has so far used rule-generated holidays only: a health check can
     * report them, since one-off holidays in those years are not known.
     */
    public static Set<Integer> yearsOnRulesOnly() {
        return RuleGeneratedYears.THIS_JVM.years();
    }

    /** The bank holiday on {@code date}, if it is one. */
    public Optional<BankHoliday> bankHoliday(LocalDate date) {
        BankHoliday added = extra.get(date);
        if (added != null) {
            return Optional.of(added);
        }
        if (cancelled.contains(date)) {
            return Optional.empty();
        }
        int year = date.getYear();
        if (official.covers(year)) {
            return Optional.ofNullable(official.holidays().get(date));
        }
        ruleGenerated.record(year, official);
        for (BankHoliday holiday : RegularBankHolidays.forYear(year)) {
            if (holiday.date().equals(date)) {
                return Optional.of(holiday);
            }
        }
        return Optional.empty();
    }

    /** The bank holidays of {@code year}, in date order, as this calendar sees them. */
    public List<BankHoliday> bankHolidays(int year) {
        List<BankHoliday> result = new ArrayList<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            bankHoliday(day).ifPresent(result::add);
        }
        return List.copyOf(result);
    }

    public boolean isBankHoliday(LocalDate date) {
        return bankHoliday(date).isPresent();
    }

    /** Monday to Friday and not a bank holiday (requirements §5). */
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isBankHoliday(date);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The {@code n}th working day strictly after {@code date} ({@code date} itself when {@code n} is 0).
     */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate day = date;
        for (int i = 0; i < n; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /**
     * The number of working days after {@code from} up to and including {@code to}; so
     * {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n}. Negative when {@code to} is before {@code from}.
     */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        long count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The London date of an instant. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** Midnight at the start of {@code date}, London time. */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** 09:00 London on {@code date}: when staff alerts for a deadline due that day can go out. */
    public Instant workingDayStart(LocalDate date) {
        return date.atTime(WORKING_DAY_STARTS).atZone(ZONE).toInstant();
    }

    /** 17:00 London on {@code date}: the due time of a working-day deadline falling that day. */
    public Instant workingDayEnd(LocalDate date) {
        return date.atTime(WORKING_DAY_ENDS).atZone(ZONE).toInstant();
    }

    /**
     * The working day an event at {@code instant} is taken as happening on, for "within N working
     * days of X" (requirements §5 Interpretations): X's own day if that is a working day and X is
     * before 17:00 (a working day before 09:00 stays that day); otherwise - at or after 17:00, or on
     * a Saturday, Sunday or bank holiday - the next working day.
     *
     * <p>Equivalently: the working day whose 17:00 is the first one strictly after X.
     */
    public LocalDate takenAsWorkingDay(Instant instant) {
        LocalDate day = dateOf(instant);
        if (isWorkingDay(day) && instant.isBefore(workingDayEnd(day))) {
            return day;
        }
        return nextWorkingDay(day);
    }

    /** The first working-day end (17:00 on a working day) strictly after {@code instant}. */
    public Instant nextWorkingDayEnd(Instant instant) {
        return workingDayEnd(takenAsWorkingDay(instant));
    }

    /**
     * How many working days ended (17:00 on a working day) strictly between two instants: the age
     * in working days of a referral waiting since {@code from}. A referral received Monday 10:00 is
     * 0 working days old until Monday 17:00, 1 after it, and 2 at Wednesday 16:59; it still meets
     * "within 2 working days" at Wednesday 17:00, because a deadline is met by an event at its due
     * instant ({@link Deadline#metBy}). Zero when {@code to} is not after {@code from}.
     */
    public long workingDaysElapsed(Instant from, Instant to) {
        long count = 0;
        for (Instant end = nextWorkingDayEnd(from); end.isBefore(to); end = nextWorkingDayEnd(end)) {
            count++;
        }
        return count;
    }

    /**
     * The time between two instants that falls on working days, counting whole working days
     * (00:00 to 24:00 London): the measure of "24 hours excluding weekends and bank holidays"
     * (LLR 9.23) and of working hours for waiting times and report averages. Zero when {@code to}
     * is not after {@code from}.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        for (LocalDate day = dateOf(from); startOf(day).isBefore(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                Instant begin = later(from, startOf(day));
                Instant end = earlier(to, startOf(day.plusDays(1)));
                if (end.isAfter(begin)) {
                    total = total.plus(Duration.between(begin, end));
                }
            }
        }
        return total;
    }

    /**
     * The earliest instant at or after {@code from} by which {@code amount} of working time
     * ({@link #workingTimeBetween}) has passed. Counting starts at once on a working day and at the
     * next working day's midnight otherwise.
     */
    public Instant plusWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        Duration remaining = amount;
        Instant cursor = from;
        while (true) {
            LocalDate day = dateOf(cursor);
            Instant dayEnd = startOf(day.plusDays(1));
            if (isWorkingDay(day)) {
                Duration available = Duration.between(cursor, dayEnd);
                if (remaining.compareTo(available) <= 0) {
                    return cursor.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            cursor = dayEnd;
        }
    }

    /**
     * The latest instant at or before {@code to} from which {@code amount} of working time
     * ({@link #workingTimeBetween}) passes by {@code to}: {@link #plusWorkingTime} run backwards.
     * Counting back starts at once on a working day and at the previous working day's end otherwise.
     */
    public Instant minusWorkingTime(Instant to, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        Duration remaining = amount;
        Instant cursor = to;
        while (true) {
            LocalDate day = dateOf(cursor.minusNanos(1));
            Instant dayStart = startOf(day);
            if (isWorkingDay(day)) {
                Duration available = Duration.between(dayStart, cursor);
                if (remaining.compareTo(available) <= 0) {
                    return cursor.minus(remaining);
                }
                remaining = remaining.minus(available);
            }
            cursor = dayStart;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[England and Wales " + official.firstYear() + "-" + official.lastYear()
                + (extra.isEmpty() ? "" : ", extra " + extra.keySet())
                + (cancelled.isEmpty() ? "" : ", cancelled " + cancelled.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")))
                + "]";
    }
}
