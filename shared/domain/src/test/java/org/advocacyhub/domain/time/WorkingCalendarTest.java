package org.advocacyhub.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.advocacyhub.domain.testing.London;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkingCalendarTest {

    /**
     * The GOV.UK England and Wales list 2019-2027, written out independently of the bundled
     * resource so that a damaged or mis-parsed resource fails these tests.
     */
    static final Set<LocalDate> OFFICIAL = Stream.of(
            "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26",
            "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28",
            "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28",
            "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
            "2022-12-26", "2022-12-27", "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
            "2023-08-28", "2023-12-25", "2023-12-26", "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27",
            "2024-08-26", "2024-12-25", "2024-12-26", "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26",
            "2025-08-25", "2025-12-25", "2025-12-26", "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
            "2026-08-31", "2026-12-25", "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31",
            "2027-08-30", "2027-12-27", "2027-12-28"
    ).map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new));

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @Test
    @DisplayName("requirements §5: the bundled list is the GOV.UK list, 75 days in 2019-2027")
    void bundledListIsTheOfficialList() {
        Set<LocalDate> bundled = new TreeSet<>();
        for (int year = 2019; year <= 2027; year++) {
            calendar.bankHolidays(year).forEach(holiday -> {
                assertEquals(BankHoliday.Origin.OFFICIAL, holiday.origin());
                bundled.add(holiday.date());
            });
        }
        assertEquals(75, OFFICIAL.size());
        assertEquals(OFFICIAL, bundled);
        assertTrue(calendar.officialSource().startsWith("GOV.UK bank holidays"), calendar.officialSource());
        assertTrue(calendar.officiallyCovers(2019) && calendar.officiallyCovers(2027));
        assertFalse(calendar.officiallyCovers(2018) || calendar.officiallyCovers(2028));
    }

    @ParameterizedTest(name = "requirements §5: official bank holiday {0} is not a working day")
    @MethodSource("officialDates")
    void everyOfficialBankHolidayIsANonWorkingDay(LocalDate date) {
        assertTrue(calendar.isBankHoliday(date));
        assertFalse(calendar.isWorkingDay(date));
    }

    static Stream<LocalDate> officialDates() {
        return OFFICIAL.stream();
    }

    @Test
    @DisplayName("requirements §5: every other weekday of 2019-2027 is a working day, and no weekend day is")
    void noOtherWeekdayIsANonWorkingDay() {
        int weekdays = 0;
        for (LocalDate day = LocalDate.of(2019, 1, 1); day.getYear() <= 2027; day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            assertEquals(!weekend && !OFFICIAL.contains(day), calendar.isWorkingDay(day), day::toString);
            if (!weekend) {
                weekdays++;
            }
        }
        assertEquals(2349, weekdays); // 9 years of weekdays: guards against an empty loop
    }

    @ParameterizedTest(name = "rules reproduce the official {0} list except one-offs: rule-only {1}, official-only {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2019 | -          | -
            2020 | 2020-05-04 | 2020-05-08
            2021 | -          | -
            2022 | 2022-05-30 | 2022-06-02 2022-06-03 2022-09-19
            2023 | -          | 2023-05-08
            2024 | -          | -
            2025 | -          | -
            2026 | -          | -
            2027 | -          | -
            """)
    void ruleGeneratedHolidaysMatchTheOfficialListForRegularHolidays(int year, String ruleOnly, String officialOnly) {
        // 2020: the early May holiday moved from Monday 4 to Friday 8 May (VE Day 75).
        // 2022: the spring holiday moved from Monday 30 May to Thursday 2 June, plus the Platinum
        // Jubilee (3 June) and the State Funeral (19 September). 2023: the Coronation (8 May).
        Set<LocalDate> generated = RegularBankHolidays.forYear(year).stream().map(BankHoliday::date)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<LocalDate> official = OFFICIAL.stream().filter(date -> date.getYear() == year)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<LocalDate> onlyGenerated = new TreeSet<>(generated);
        onlyGenerated.removeAll(official);
        Set<LocalDate> onlyOfficial = new TreeSet<>(official);
        onlyOfficial.removeAll(generated);
        assertEquals(dates(ruleOnly), onlyGenerated);
        assertEquals(dates(officialOnly), onlyOfficial);
        assertEquals(8, generated.size());
    }

    private static Set<LocalDate> dates(String list) {
        return "-".equals(list) ? Set.of()
                : Arrays.stream(list.split(" ")).map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "Gregorian Easter {0} is {1}")
    @CsvSource({
        "2019, 2019-04-21", "2020, 2020-04-12", "2021, 2021-04-04", "2022, 2022-04-17", "2023, 2023-04-09",
        "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2008, 2008-03-23",
        "2011, 2011-04-24", "2038, 2038-04-25", "2285, 2285-03-22", "1943, 1943-04-25"
    })
    void easter(int year, LocalDate easterSunday) {
        assertEquals(easterSunday, RegularBankHolidays.easterSunday(year));
    }

    @ParameterizedTest(name = "rule-generated {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2028 | 2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 2028-12-25 2028-12-26
            2032 | 2032-01-01 2032-03-26 2032-03-29 2032-05-03 2032-05-31 2032-08-30 2032-12-27 2032-12-28
            2033 | 2033-01-03 2033-04-15 2033-04-18 2033-05-02 2033-05-30 2033-08-29 2033-12-26 2033-12-27
            2034 | 2034-01-02 2034-04-07 2034-04-10 2034-05-01 2034-05-29 2034-08-28 2034-12-25 2034-12-26
            2037 | 2037-01-01 2037-04-03 2037-04-06 2037-05-04 2037-05-25 2037-08-31 2037-12-25 2037-12-28
            """)
    void christmasAndNewYearSubstituteDaysInGeneratedYears(int year, String expected) {
        // 2028 New Year on Saturday; 2032 Christmas on Saturday (Mon 27 and Tue 28); 2033 Christmas on
        // Sunday (Boxing Day Mon 26, substitute Tue 27) and New Year on Saturday; 2034 New Year on
        // Sunday; 2037 Christmas on Friday (Boxing Day substitute Mon 28).
        assertEquals(dates(expected), calendar.bankHolidays(year).stream().map(BankHoliday::date)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(calendar.bankHolidays(year).stream().allMatch(holiday -> holiday.origin() == BankHoliday.Origin.RULE));
    }

    @Test
    @DisplayName("substitute days keep their holiday's name: 2026-12-28 is Boxing Day (substitute), 2021-12-27 Christmas")
    void substituteDaysAreMarked() {
        BankHoliday boxing = calendar.bankHoliday(LocalDate.of(2026, 12, 28)).orElseThrow();
        assertEquals("Boxing Day", boxing.title());
        assertTrue(boxing.substitute());
        assertEquals("Christmas Day", calendar.bankHoliday(LocalDate.of(2021, 12, 27)).orElseThrow().title());
        assertFalse(calendar.bankHoliday(LocalDate.of(2026, 12, 25)).orElseThrow().substitute());
        assertTrue(calendar.bankHoliday(LocalDate.of(2022, 9, 19)).orElseThrow().title().contains("State Funeral"));
    }

    @Test
    @DisplayName("a one-off bank holiday from configuration needs no release: it stops being a working day and moves deadlines")
    void configuredExtraHoliday() {
        LocalDate extra = LocalDate.of(2026, 6, 1);
        WorkingCalendar configured = WorkingCalendar.englandAndWales(Set.of(extra));
        assertTrue(calendar.isWorkingDay(extra));
        assertFalse(configured.isWorkingDay(extra));
        assertEquals(BankHoliday.Origin.CONFIGURED, configured.bankHoliday(extra).orElseThrow().origin());
        // LLR 9.38a from Friday 29 May 2026 10:00: Tuesday 2 June, or Wednesday 3 June with the extra day.
        assertEquals(London.at("2026-06-02T17:00"), new WorkingDays(2).dueAt(London.at("2026-05-29T10:00"), calendar));
        assertEquals(London.at("2026-06-03T17:00"), new WorkingDays(2).dueAt(London.at("2026-05-29T10:00"), configured));
    }

    @Test
    @DisplayName("a configured cancellation removes a rule-generated holiday (a moved holiday in an uncovered year); an extra date wins")
    void configuredCancellation() {
        LocalDate ruleEarlyMay = LocalDate.of(2031, 5, 5);
        assertFalse(calendar.isWorkingDay(ruleEarlyMay));
        WorkingCalendar moved = WorkingCalendar.englandAndWales(Set.of(LocalDate.of(2031, 5, 8)), Set.of(ruleEarlyMay));
        assertTrue(moved.isWorkingDay(ruleEarlyMay));
        assertFalse(moved.isWorkingDay(LocalDate.of(2031, 5, 8)));
        WorkingCalendar both = WorkingCalendar.englandAndWales(Set.of(ruleEarlyMay), Set.of(ruleEarlyMay));
        assertFalse(both.isWorkingDay(ruleEarlyMay));
    }

    @Test
    @DisplayName("extra dates parse from configuration text, and a bad entry is named")
    void parseConfiguredDates() {
        assertEquals(Set.of(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 21)), WorkingCalendar.parseDates(" 2026-06-01, 2026-09-21 ,"));
        assertEquals(Set.of(), WorkingCalendar.parseDates("  "));
        assertEquals(Set.of(), WorkingCalendar.parseDates(null));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.parseDates("2026-06-01,2026-13-01"));
        assertTrue(error.getMessage().contains("'2026-13-01'"), error.getMessage());
    }

    @Test
    @DisplayName("a year beyond the list uses rules and logs once that one-off holidays cannot be known")
    void uncoveredYearWarnsOnce() {
        RuleGeneratedYears thisJvm = new RuleGeneratedYears();
        String log = stderrOf(() -> {
            for (int i = 0; i < 3; i++) {
                WorkingCalendar fresh = WorkingCalendar.englandAndWales(thisJvm);
                for (LocalDate day = LocalDate.of(2091, 1, 1); day.getYear() == 2091; day = day.plusDays(1)) {
                    fresh.isWorkingDay(day);
                }
            }
        });
        List<String> warnings = log.lines().filter(line -> line.contains("generated by rule")).toList();
        assertEquals(1, warnings.size(), log);
        assertTrue(warnings.get(0).contains(" WARN org.advocacyhub.domain.time.WorkingCalendar - "), warnings.get(0));
        assertTrue(warnings.get(0).contains("first needed for 2091"), warnings.get(0));
        assertTrue(warnings.get(0).contains("one-off bank holidays in those years cannot be known"), warnings.get(0));
        assertEquals(Set.of(2091), thisJvm.years());
        calendar.bankHoliday(LocalDate.of(2091, 3, 3));
        assertTrue(WorkingCalendar.yearsOnRulesOnly().contains(2091));
        calendar.isWorkingDay(LocalDate.of(2026, 3, 3));
        assertFalse(WorkingCalendar.yearsOnRulesOnly().contains(2026));
    }

    @Test
    @DisplayName("however many years beyond the list are asked, one line says which years are generated by rule")
    void generatedYearsWarnOncePerJvm() {
        RuleGeneratedYears thisJvm = new RuleGeneratedYears();
        String log = stderrOf(() -> {
            for (int year = 2040; year <= 2100; year++) {
                WorkingCalendar.englandAndWales(thisJvm).bankHolidays(year);
                WorkingCalendar.englandAndWales(thisJvm).isBankHoliday(LocalDate.of(year - 100, 6, 1));
            }
        });
        List<String> warnings = log.lines().filter(line -> line.contains("generated by rule")).toList();
        assertEquals(1, warnings.size(), log);
        assertTrue(warnings.get(0).contains("Bank holidays for years before 2019 or after 2027 are generated by rule"), warnings.get(0));
        assertTrue(warnings.get(0).contains("covers 2019-2027 only"), warnings.get(0));
        assertTrue(warnings.get(0).contains("first needed for 2040"), warnings.get(0));
        // The years themselves are still known, for a health check.
        assertEquals(122, thisJvm.years().size());
        assertTrue(thisJvm.years().containsAll(Set.of(1940, 2000, 2040, 2100)));
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // slf4j-simple writes to whatever System.err is at the time of each line.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "requirements §5: an event at {0} London is taken as happening on working day {1}")
    @CsvSource({
        "2026-11-16T10:00, 2026-11-16",  // Monday in hours
        "2026-11-16T00:00, 2026-11-16",  // a working day before 09:00 stays that day
        "2026-11-16T08:59, 2026-11-16",
        "2026-11-16T16:59, 2026-11-16",
        "2026-11-16T17:00, 2026-11-17",  // at 17:00: next working day
        "2026-11-20T18:00, 2026-11-23",  // Friday evening: Monday
        "2026-11-21T11:00, 2026-11-23",  // Saturday: Monday
        "2026-11-22T23:59, 2026-11-23",  // Sunday: Monday
        "2026-12-24T20:00, 2026-12-29",  // 25th, weekend and 28th are not working days
        "2026-12-25T10:00, 2026-12-29",
        "2021-12-31T17:30, 2022-01-04",  // New Year's Day substitute Monday 3 January 2022
        "2024-02-28T18:00, 2024-02-29"   // leap day
    })
    void takenAsWorkingDay(String received, LocalDate takenAs) {
        assertEquals(takenAs, calendar.takenAsWorkingDay(London.at(received)));
    }

    @ParameterizedTest(name = "{0} plus {1} working days is {2}, and {2} is {1} working days after {0}")
    @CsvSource({
        "2026-11-16, 0, 2026-11-16",
        "2026-11-16, 2, 2026-11-18",
        "2026-11-20, 1, 2026-11-23",
        "2026-12-24, 1, 2026-12-29",
        "2026-12-24, 5, 2027-01-05",
        "2024-02-27, 3, 2024-03-01",
        "2027-03-25, 1, 2027-03-30"   // Easter 2027: Good Friday 26, Easter Monday 29 March
    })
    void workingDayArithmetic(LocalDate from, int days, LocalDate expected) {
        assertEquals(expected, calendar.plusWorkingDays(from, days));
        assertEquals(days, calendar.workingDaysBetween(from, expected));
        assertEquals(-days, calendar.workingDaysBetween(expected, from));
    }

    @ParameterizedTest(name = "waiting-list age: from {0} to {1} London, {2} working days have ended")
    @CsvSource({
        "2026-11-16T10:00, 2026-11-16T16:59, 0",
        "2026-11-16T10:00, 2026-11-16T17:01, 1",
        "2026-11-16T10:00, 2026-11-18T16:59, 2",
        "2026-11-16T10:00, 2026-11-18T17:00, 2",  // the allocation due instant still meets 2 working days
        "2026-11-16T10:00, 2026-11-18T17:01, 3",
        "2026-12-24T20:00, 2026-12-31T17:00, 2",
        "2026-12-24T20:00, 2026-12-24T10:00, 0"   // to before from
    })
    void workingDaysElapsed(String from, String to, long expected) {
        assertEquals(expected, calendar.workingDaysElapsed(London.at(from), London.at(to)));
    }

    @ParameterizedTest(name = "working time from {0} to {1} London is {2} hours ({3} hours elapsed)")
    @CsvSource({
        "2026-11-20T18:00, 2026-11-23T18:00, 24, 72",
        "2026-10-23T18:00, 2026-10-26T18:00, 24, 73",  // October change: Sunday has 25 hours
        "2026-03-27T18:00, 2026-03-30T18:00, 24, 71",  // March change: Sunday has 23 hours
        "2026-12-24T20:00, 2026-12-29T20:00, 24, 120",
        "2026-11-16T10:00, 2026-11-16T10:00, 0, 0"
    })
    void workingTimeBetween(String from, String to, long workingHours, long elapsedHours) {
        assertEquals(Duration.ofHours(workingHours), calendar.workingTimeBetween(London.at(from), London.at(to)));
        assertEquals(Duration.ofHours(elapsedHours), Duration.between(London.at(from), London.at(to)));
    }
}
