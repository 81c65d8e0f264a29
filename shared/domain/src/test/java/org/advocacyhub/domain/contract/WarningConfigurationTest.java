package org.advocacyhub.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A clock's {@code warn:} in a contract file (requirements §5: "an email before a deadline,
 * configurable lead time"; issue 9): read into a {@link Warning}, or refused with a message naming
 * the file, the field and the problem.
 */
class WarningConfigurationTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
    private static final String FILE = "contracts/test-warn.yaml";

    /**
     * The minimal test contract (contracts/valid-minimal.yaml) with a contract-wide clock and a
     * second service clock, each given {@code warn}/rule fields by the test.
     */
    private static String contract(String contractWideClock, String serviceClock) {
        return """
                code: TEST
                name: Test contract
                authorities:
                  - { code: TESTSHIRE, name: Testshire County Council, lead: true, reportRecipients: [reports@testshire.example] }
                serviceHours: { opens: "09:00", closes: "17:00", days: WORKING_DAYS, clause: LLR 9.20 }
                referralSources: { allowed: [SELF], clause: LEW 8.2 }
                clocks:
                  - { name: answerphone-callback, description: return your call, start: MESSAGE_LEFT, stop: CALLBACK_MADE, %s, clause: LLR 9.23 }
                reportSchedule: { due: { rule: days-after-quarter-end, amount: 21 }, perAuthority: true, clause: LLR 26.12 }
                contact: { serviceHoursText: Weekdays, phone: "0000", email: hub@test.example }
                services:
                  - code: IMCA
                    name: IMCA
                    eligibilityPolicy: imca
                    firstClock: allocation
                    clocks:
                      - { name: allocation, description: allocate an advocate, start: REFERRAL_RECEIVED, stop: ALLOCATED, rule: working-days, amount: 2, clause: LLR 9.38a }
                      - { name: second, description: do the thing, start: ALLOCATED, stop: FIRST_CONTACT, %s, clause: LLR 9.38b }
                """.formatted(contractWideClock, serviceClock);
    }

    private static Contract read(String contractWideClock, String serviceClock) {
        return ContractReader.read(FILE, new StringReader(contract(contractWideClock, serviceClock)), CALENDAR);
    }

    private static ClockDefinition second(Contract contract) {
        return contract.service(ServiceCode.IMCA).clock("second");
    }

    private static final String CALLBACK = "rule: working-hours, amount: 24";

    // ------------------------------------------------------------------ read

    @Test
    @DisplayName("DERBY 3.3.1: derby.yaml's response clock reads as elapsed-fraction 0.75, for the standard and the urgent rule")
    void bundledDerbyWarning() {
        ClockDefinition response = ContractCatalogue.bundled().contract("DERBY").orElseThrow()
                .service(ServiceCode.ACCOMMODATION).clock("response");
        assertEquals(Optional.of(new Warning(Warning.Kind.FRACTION_ELAPSED, new BigDecimal("0.75"))), response.warning());
        assertEquals(Warning.THREE_QUARTERS_GONE, response.warningOrDefault());
    }

    @Test
    @DisplayName("issue 9: every bundled clock without 'warn:' gets its rule's default: day rules at the opening on the due day, hour rules at 75%")
    void bundledDefaults() {
        int clocks = 0;
        for (Contract contract : ContractCatalogue.bundled().contracts()) {
            List<ClockDefinition> all = new java.util.ArrayList<>(contract.clocks());
            contract.services().forEach(service -> all.addAll(service.clocks()));
            for (ClockDefinition clock : all) {
                Warning expected = clock.warning().orElse(clock.rule().kind().endsWith("days")
                        ? Warning.OPENING_ON_DUE_DAY : Warning.THREE_QUARTERS_GONE);
                assertEquals(expected, clock.warningOrDefault(), contract.code() + " " + clock.name());
                clocks++;
            }
        }
        assertTrue(clocks > 20, "all bundled clocks: " + clocks);
    }

    @Test
    @DisplayName("warn: { rule: elapsed-fraction, fraction: 0.75 } on an hour rule reads as that warning")
    void elapsedFractionRead() {
        Contract contract = read(CALLBACK + ", warn: { rule: elapsed-fraction, fraction: 0.75 }",
                "rule: elapsed-hours, amount: 24, warn: { rule: elapsed-fraction, fraction: 0.5 }");
        assertEquals(Optional.of(new Warning(Warning.Kind.FRACTION_ELAPSED, new BigDecimal("0.75"))),
                contract.clock("answerphone-callback").warning());
        assertEquals(Optional.of(new Warning(Warning.Kind.FRACTION_ELAPSED, new BigDecimal("0.5"))), second(contract).warning());
        assertEquals(second(contract).warning().orElseThrow(), second(contract).warningOrDefault(), "a configured warning wins over the default");
    }

    @Test
    @DisplayName("warn: { rule: opening-on-due-day } reads on a day rule and on an hour rule alike")
    void openingOnDueDayRead() {
        Contract contract = read(CALLBACK + ", warn: { rule: opening-on-due-day }",
                "rule: working-days, amount: 1, warn: { rule: opening-on-due-day }");
        assertEquals(Optional.of(Warning.OPENING_ON_DUE_DAY), contract.clock("answerphone-callback").warning());
        assertEquals(Warning.OPENING_ON_DUE_DAY, contract.clock("answerphone-callback").warningOrDefault(),
                "configured: not the hour rules' 75% default");
        assertEquals(Optional.of(Warning.OPENING_ON_DUE_DAY), second(contract).warning());
    }

    @Test
    @DisplayName("no warn: no configured warning, and the default for the rule")
    void absentWarning() {
        Contract contract = read(CALLBACK, "rule: calendar-days, amount: 3");
        assertEquals(Optional.empty(), contract.clock("answerphone-callback").warning());
        assertEquals(Warning.THREE_QUARTERS_GONE, contract.clock("answerphone-callback").warningOrDefault());
        assertEquals(Optional.empty(), second(contract).warning());
        assertEquals(Warning.OPENING_ON_DUE_DAY, second(contract).warningOrDefault());
    }

    @Test
    @DisplayName("issue 9: elapsed-fraction with an hour rule whose urgent rule is also in hours reads (DERBY's shape)")
    void elapsedFractionWithUrgentHours() {
        Contract contract = read(CALLBACK,
                "rule: elapsed-hours, amount: 24, urgent: { rule: elapsed-hours, amount: 1 }, warn: { rule: elapsed-fraction, fraction: 0.75 }");
        assertEquals(Optional.of(Warning.THREE_QUARTERS_GONE), second(contract).warning());
    }

    // ------------------------------------------------------------------ refused

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown warning rule              | rule: elapsed-hours, amount: 24, warn: { rule: three-quarters }                          | services[0].clocks[1].warn.rule: unknown warning 'three-quarters'; expected opening-on-due-day or elapsed-fraction
            elapsed-fraction without fraction | rule: elapsed-hours, amount: 24, warn: { rule: elapsed-fraction }                        | services[0].clocks[1].warn.fraction: is required for elapsed-fraction warnings
            fraction with opening-on-due-day  | rule: working-days, amount: 1, warn: { rule: opening-on-due-day, fraction: 0.5 }          | services[0].clocks[1].warn.fraction: is only for elapsed-fraction warnings
            fraction 0                        | rule: elapsed-hours, amount: 24, warn: { rule: elapsed-fraction, fraction: 0 }           | services[0].clocks[1].warn.fraction: must be between 0.01 and 0.99 but was 0
            fraction 1                        | rule: elapsed-hours, amount: 24, warn: { rule: elapsed-fraction, fraction: 1 }           | services[0].clocks[1].warn.fraction: must be between 0.01 and 0.99 but was 1
            fraction 1.5                      | rule: elapsed-hours, amount: 24, warn: { rule: elapsed-fraction, fraction: 1.5 }         | services[0].clocks[1].warn.fraction: must be between 0.01 and 0.99 but was 1.5
            fraction negative                 | rule: elapsed-hours, amount: 24, warn: { rule: elapsed-fraction, fraction: -0.25 }       | services[0].clocks[1].warn.fraction: must be between 0.01 and 0.99 but was -0.25
            fraction as text                  | rule: elapsed-hours, amount: 24, warn: { rule: elapsed-fraction, fraction: 75% }         | services[0].clocks[1].warn.fraction: expected a number but was text '75%'
            elapsed-fraction on working days  | rule: working-days, amount: 1, warn: { rule: elapsed-fraction, fraction: 0.75 }           | services[0].clocks[1].warn.rule: an elapsed-fraction warning needs an hour rule; 'working-days' counts days: use opening-on-due-day
            elapsed-fraction on calendar days | rule: calendar-days, amount: 3, warn: { rule: elapsed-fraction, fraction: 0.75 }          | services[0].clocks[1].warn.rule: an elapsed-fraction warning needs an hour rule; 'calendar-days' counts days: use opening-on-due-day
            unknown key inside warn           | rule: elapsed-hours, amount: 24, warn: { rule: elapsed-fraction, fraction: 0.75, lead: PT6H } | services[0].clocks[1].warn.lead: unknown field; expected one of rule, fraction
            warn without a rule               | rule: elapsed-hours, amount: 24, warn: { fraction: 0.75 }                                | services[0].clocks[1].warn.rule: is required
            warn as text                      | rule: elapsed-hours, amount: 24, warn: opening-on-due-day                                | services[0].clocks[1].warn: expected a mapping of fields but was text 'opening-on-due-day'
            misspelt warn                     | rule: elapsed-hours, amount: 24, wran: { rule: opening-on-due-day }                      | services[0].clocks[1].wran: unknown field; expected one of name, description, start, stop, rule, amount, urgent, clause, kpi, warn
            """)
    void malformedWarningFailsNamingTheField(String what, String serviceClock, String expected) {
        ContractConfigurationException error = assertThrows(ContractConfigurationException.class, () -> read(CALLBACK, serviceClock));
        assertEquals(List.of(FILE + ": " + expected), error.problems(), what);
    }

    @Test
    @DisplayName("a contract-wide clock's warn is checked too, and named by its path")
    void contractWideClockWarningChecked() {
        ContractConfigurationException error = assertThrows(ContractConfigurationException.class,
                () -> read(CALLBACK + ", warn: { rule: elapsed-fraction }", "rule: working-days, amount: 1"));
        assertEquals(List.of(FILE + ": clocks[0].warn.fraction: is required for elapsed-fraction warnings"), error.problems());
    }

    @Test
    @DisplayName("elapsed-fraction on an hour rule whose urgent rule counts days is refused, naming warn.rule: the urgent clock's amount is not hours")
    void elapsedFractionWithUrgentDaysRefused() {
        ContractConfigurationException error = assertThrows(ContractConfigurationException.class, () -> read(CALLBACK,
                "rule: elapsed-hours, amount: 72, urgent: { rule: working-days, amount: 1 }, warn: { rule: elapsed-fraction, fraction: 0.75 }"));
        assertEquals(1, error.problems().size(), error.getMessage());
        String problem = error.problems().get(0);
        assertTrue(problem.startsWith(FILE + ": services[0].clocks[1].warn.rule: an elapsed-fraction warning needs an hour rule;"), problem);
        assertTrue(problem.contains("urgent") && problem.contains("'working-days'"), problem);
    }

    @Test
    @DisplayName("an invalid fraction given with opening-on-due-day: both its problems, and never 'is required' for a fraction that was given")
    void invalidFractionWithOpeningOnDueDay() {
        ContractConfigurationException error = assertThrows(ContractConfigurationException.class,
                () -> read(CALLBACK, "rule: working-days, amount: 1, warn: { rule: opening-on-due-day, fraction: 1.5 }"));
        assertEquals(List.of(
                FILE + ": services[0].clocks[1].warn.fraction: must be between 0.01 and 0.99 but was 1.5",
                FILE + ": services[0].clocks[1].warn.fraction: is only for elapsed-fraction warnings"), error.problems());
    }

    @Test
    @DisplayName("every problem in warn is reported with the rest of the file's problems")
    void reportedWithOtherProblems() {
        ContractConfigurationException error = assertThrows(ContractConfigurationException.class, () -> read(
                CALLBACK + ", warn: { rule: soon }", "rule: elapsed-hours, amount: 0, warn: { rule: elapsed-fraction, fraction: 2 }"));
        assertEquals(List.of(
                FILE + ": clocks[0].warn.rule: unknown warning 'soon'; expected opening-on-due-day or elapsed-fraction",
                FILE + ": services[0].clocks[1].amount: must be between 1 and 8784 but was 0",
                FILE + ": services[0].clocks[1].warn.fraction: must be between 0.01 and 0.99 but was 2"), error.problems());
    }

    // ------------------------------------------------------------------ the Warning value

    @Test
    @DisplayName("issue 9: the default warning is the opening on the due day for day rules, three quarters gone for hour rules")
    void defaults() {
        assertEquals(Warning.OPENING_ON_DUE_DAY, Warning.defaultFor("working-days"));
        assertEquals(Warning.OPENING_ON_DUE_DAY, Warning.defaultFor("calendar-days"));
        assertEquals(Warning.THREE_QUARTERS_GONE, Warning.defaultFor("elapsed-hours"));
        assertEquals(Warning.THREE_QUARTERS_GONE, Warning.defaultFor("working-hours"));
        assertEquals(new Warning(Warning.Kind.OPENING_ON_DUE_DAY, null), Warning.OPENING_ON_DUE_DAY);
        assertEquals(0, new BigDecimal("0.75").compareTo(Warning.THREE_QUARTERS_GONE.fraction()));
        assertEquals(Warning.Kind.FRACTION_ELAPSED, Warning.THREE_QUARTERS_GONE.kind());
        assertEquals("opening-on-due-day", Warning.Kind.OPENING_ON_DUE_DAY.configName());
        assertEquals("elapsed-fraction", Warning.Kind.FRACTION_ELAPSED.configName());
    }

    @ParameterizedTest(name = "a fraction of {0} is refused")
    @ValueSource(strings = {"0", "1", "1.5", "-0.1"})
    void fractionOutOfRangeRefused(String fraction) {
        assertThrows(IllegalArgumentException.class, () -> new Warning(Warning.Kind.FRACTION_ELAPSED, new BigDecimal(fraction)));
    }

    @Test
    @DisplayName("a fraction goes with elapsed-fraction and only with it")
    void fractionOnlyForElapsedFraction() {
        assertThrows(IllegalArgumentException.class, () -> new Warning(Warning.Kind.FRACTION_ELAPSED, null));
        assertThrows(IllegalArgumentException.class, () -> new Warning(Warning.Kind.OPENING_ON_DUE_DAY, new BigDecimal("0.5")));
        assertThrows(NullPointerException.class, () -> new Warning(null, null));
        assertEquals(new BigDecimal("0.01"), new Warning(Warning.Kind.FRACTION_ELAPSED, new BigDecimal("0.01")).fraction());
    }
}
