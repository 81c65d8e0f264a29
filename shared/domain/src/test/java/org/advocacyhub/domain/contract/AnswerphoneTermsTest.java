package org.advocacyhub.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A contract's {@code answerphone:} block (issue 10 item 5: callers' details are deleted after the
 * contract's retention period, default 90 days): read into {@link AnswerphoneTerms}, or refused with
 * a message naming the file, the field and the problem.
 */
class AnswerphoneTermsTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
    private static final String FILE = "contracts/test-answerphone.yaml";
    private static final String CALLBACK_CLOCK = """
            clocks:
              - { name: answerphone-callback, description: respond to the answerphone message, start: MESSAGE_LEFT, stop: CALLBACK_MADE, rule: working-hours, amount: 24, clause: LLR 9.23 }
            """;

    /** The minimal test contract (contracts/valid-minimal.yaml) with the given contract-wide clocks and answerphone block. */
    private static String contract(String clocks, String answerphone) {
        return """
                code: TEST
                name: Test contract
                authorities:
                  - { code: TESTSHIRE, name: Testshire County Council, lead: true, reportRecipients: [reports@testshire.example] }
                serviceHours: { opens: "09:00", closes: "17:00", days: WORKING_DAYS, clause: LLR 9.20 }
                referralSources: { allowed: [SELF], clause: LEW 8.2 }
                %s
                reportSchedule: { due: { rule: days-after-quarter-end, amount: 21 }, perAuthority: true, clause: LLR 26.12 }
                contact: { serviceHoursText: Weekdays, phone: "0000", email: hub@test.example }
                services:
                  - code: IMCA
                    name: IMCA
                    eligibilityPolicy: imca
                    firstClock: allocation
                    clocks:
                      - { name: allocation, description: allocate an advocate, start: REFERRAL_RECEIVED, stop: ALLOCATED, rule: working-days, amount: 2, clause: LLR 9.38a }
                %s
                """.formatted(clocks, answerphone);
    }

    private static Contract read(String clocks, String answerphone) {
        return ContractReader.read(FILE, new StringReader(contract(clocks, answerphone)), CALENDAR);
    }

    private static List<String> problems(String clocks, String answerphone) {
        return assertThrows(ContractConfigurationException.class, () -> read(clocks, answerphone)).problems();
    }

    // ------------------------------------------------------------------ read

    @Test
    @DisplayName("issue 10: answerphone: { retentionDays: 30, clause: LLR 22.1f } reads as 30 days under that clause")
    void blockRead() {
        Contract contract = read(CALLBACK_CLOCK, "answerphone: { retentionDays: 30, clause: LLR 22.1f }");
        assertEquals(Optional.of(new AnswerphoneTerms(30, "LLR 22.1f")), contract.answerphone());
        assertEquals(new AnswerphoneTerms(30, "LLR 22.1f"), contract.answerphoneTerms(), "the contract's own terms win over the default");
        assertEquals(Duration.ofDays(30), contract.answerphoneTerms().retention());
    }

    @ParameterizedTest(name = "retentionDays: {0} is read (1 to 3660)")
    @ValueSource(ints = {1, 90, 3660})
    void boundsRead(int days) {
        Contract contract = read(CALLBACK_CLOCK, "answerphone: { retentionDays: " + days + ", clause: LLR 22.1f }");
        assertEquals(Duration.ofDays(days), contract.answerphoneTerms().retention());
    }

    @Test
    @DisplayName("issue 10: without the block a contract with an answerphone clock keeps callers' details 90 days")
    void defaultNinetyDays() {
        Contract contract = read(CALLBACK_CLOCK, "");
        assertEquals(Optional.empty(), contract.answerphone());
        assertEquals(AnswerphoneTerms.DEFAULT_RETENTION_DAYS, contract.answerphoneTerms().retentionDays());
        assertEquals(90, AnswerphoneTerms.DEFAULT_RETENTION_DAYS);
        assertEquals(Duration.ofDays(90), contract.answerphoneTerms().retention());
        assertEquals(null, contract.answerphoneTerms().clause(), "the default is the hub's, not a clause of the contract");
        assertTrue(contract.answerphoneClock().isPresent());
    }

    @Test
    @DisplayName("LLR 22.1f: llr.yaml keeps callers' details 90 days under its data protection clause")
    void bundledLlr() {
        Contract llr = ContractCatalogue.bundled().contract("LLR").orElseThrow();
        assertEquals(Optional.of(new AnswerphoneTerms(90, "LLR 22.1f")), llr.answerphone());
        assertEquals(Duration.ofDays(90), llr.answerphoneTerms().retention());
    }

    @Test
    @DisplayName("the terms survive a change of calendar (configured extra bank holidays)")
    void keptWithCalendar() {
        Contract contract = read(CALLBACK_CLOCK, "answerphone: { retentionDays: 30, clause: LLR 22.1f }");
        Contract moved = contract.withCalendar(WorkingCalendar.englandAndWales(java.util.Set.of(java.time.LocalDate.of(2026, 12, 30))));
        assertEquals(contract.answerphone(), moved.answerphone());
    }

    // ------------------------------------------------------------------ refused

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            retentionDays 0          | answerphone: { retentionDays: 0, clause: LLR 22.1f }              | answerphone.retentionDays: must be between 1 and 3660 but was 0
            retentionDays 3661       | answerphone: { retentionDays: 3661, clause: LLR 22.1f }           | answerphone.retentionDays: must be between 1 and 3660 but was 3661
            retentionDays negative   | answerphone: { retentionDays: -30, clause: LLR 22.1f }            | answerphone.retentionDays: must be between 1 and 3660 but was -30
            retentionDays as text    | answerphone: { retentionDays: ninety, clause: LLR 22.1f }         | answerphone.retentionDays: expected a whole number but was text 'ninety'
            retentionDays decimal    | answerphone: { retentionDays: 30.5, clause: LLR 22.1f }           | answerphone.retentionDays: expected a whole number but was double '30.5'
            retentionDays missing    | answerphone: { clause: LLR 22.1f }                                | answerphone.retentionDays: is required
            bad clause               | answerphone: { retentionDays: 30, clause: GDPR 5 }                | answerphone.clause: expected a clause reference like 'LLR 9.38a' (LLR, LEW, DERBY, SCIE or LANCS and the clause) but was 'GDPR 5'
            clause missing           | answerphone: { retentionDays: 30 }                                | answerphone.clause: is required
            unknown key              | answerphone: { retentionDays: 30, clause: LLR 22.1f, keep: all }  | answerphone.keep: unknown field; expected one of retentionDays, clause
            misspelt key             | answerphone: { retentionDay: 30, clause: LLR 22.1f }              | answerphone.retentionDay: unknown field; expected one of retentionDays, clause
            block as text            | answerphone: 90 days                                              | answerphone: expected a mapping of fields but was text '90 days'
            """)
    void malformedBlockFailsNamingTheField(String what, String answerphone, String expected) {
        List<String> problems = problems(CALLBACK_CLOCK, answerphone);
        assertTrue(problems.contains(FILE + ": " + expected),
                () -> what + ": expected the problem\n  " + FILE + ": " + expected + "\nbut got\n  " + String.join("\n  ", problems));
        assertTrue(problems.stream().allMatch(problem -> problem.startsWith(FILE + ": answerphone")),
                () -> what + ": only the block is at fault: " + problems);
    }

    @Test
    @DisplayName("issue 10: an answerphone: block in a contract with no answerphone-callback clock is refused, naming the block")
    void blockWithoutTheClock() {
        List<String> problems = problems("", "answerphone: { retentionDays: 30, clause: LLR 22.1f }");
        assertEquals(List.of(FILE + ": answerphone: is for a contract with an 'answerphone-callback' clock; this one has none"), problems);
    }

    @Test
    @DisplayName("issue 10: a contract-wide clock of another name does not count as the answerphone clock")
    void blockWithAnotherClock() {
        String other = """
                clocks:
                  - { name: call-back, description: call back, start: MESSAGE_LEFT, stop: CALLBACK_MADE, rule: working-hours, amount: 24, clause: LLR 9.23 }
                """;
        List<String> problems = problems(other, "answerphone: { retentionDays: 30, clause: LLR 22.1f }");
        assertEquals(List.of(FILE + ": answerphone: is for a contract with an 'answerphone-callback' clock; this one has none"), problems);
        assertEquals(Optional.empty(), read(other, "").answerphoneClock(), "and such a contract takes no answerphone messages");
    }

    @Test
    @DisplayName("every problem in the block is reported with the rest of the file's")
    void allProblemsReported() {
        List<String> problems = problems("", "answerphone: { retentionDays: 0, clause: nine }");
        assertEquals(List.of(
                FILE + ": answerphone.retentionDays: must be between 1 and 3660 but was 0",
                FILE + ": answerphone.clause: expected a clause reference like 'LLR 9.38a' (LLR, LEW, DERBY, SCIE or LANCS and the clause) but was 'nine'",
                FILE + ": answerphone: is for a contract with an 'answerphone-callback' clock; this one has none"), problems);
    }

    // ------------------------------------------------------------------ the value

    @ParameterizedTest(name = "AnswerphoneTerms refuses retentionDays {0}")
    @ValueSource(ints = {0, -1, 3661, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void constructorRefusesDays(int days) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new AnswerphoneTerms(days, "LLR 22.1f"));
        assertTrue(error.getMessage().contains("retentionDays") && error.getMessage().contains(String.valueOf(days)), error.getMessage());
    }

    @Test
    @DisplayName("AnswerphoneTerms takes 1 and 3660 days, and no clause for the hub's default")
    void constructorChecks() {
        assertEquals(null, new AnswerphoneTerms(90, null).clause(), "the default cites no contract clause");
        assertEquals(Duration.ofDays(1), new AnswerphoneTerms(1, "LLR 22.1f").retention());
        assertEquals(Duration.ofDays(3660), new AnswerphoneTerms(3660, "LLR 22.1f").retention());
    }
}
