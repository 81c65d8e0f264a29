package org.advocacyhub.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.advocacyhub.domain.retention.RetainedKind;
import org.advocacyhub.domain.retention.RetentionPeriod;
import org.advocacyhub.domain.retention.RetentionPolicy;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 22: a contract file's {@code retention:} section, read into its {@link RetentionPolicy} or refused naming the field. */
class RetentionSectionTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

    /** The minimal test contract (contracts/valid-minimal.yaml) with a retention section. */
    private static String contract(String retention) {
        try (var in = RetentionSectionTest.class.getResourceAsStream("/contracts/valid-minimal.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) + "\n" + retention + "\n";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aContractFileSetsAnyKindAndTheOthersKeepTheDefaults() {
        var contract = ContractReader.read("contracts/test.yaml",
                new StringReader(contract("retention: { compliment: { years: 2, basis: kept two years } }")), CALENDAR);
        assertEquals(RetentionPeriod.providerChoice(2, null, "kept two years"), contract.retention().period(RetainedKind.COMPLIMENT));
        assertEquals(RetentionPolicy.DEFAULTS.period(RetainedKind.CLOSED_CASE), contract.retention().period(RetainedKind.CLOSED_CASE));
        var none = ContractReader.read("contracts/test.yaml", new StringReader(contract("")),
                CALENDAR);
        assertEquals(RetentionPolicy.DEFAULTS, none.retention(), "no section: every default");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            both                | retention: { closedCase: { years: 6, clause: LEW 14.3, basis: mine } }  | retention.closedCase: cites a clause or gives the provider's basis, exactly one
            neither             | retention: { closedCase: { years: 6 } }                                 | retention.closedCase: cites a clause or gives the provider's basis, exactly one
            no years            | retention: { closedCase: { basis: mine } }                              | retention.closedCase.years: is required
            years 0             | retention: { closedCase: { years: 0, basis: mine } }                    | retention.closedCase.years: must be between 1 and 100 but was 0
            age 17              | retention: { closedCase: { years: 6, untilAge: 17, basis: mine } }      | retention.closedCase.untilAge: must be between 18 and 100 but was 17
            unknown kind        | retention: { caseNotes: { years: 6, basis: mine } }                     | retention.caseNotes: unknown field; expected one of closedCase, declinedReferral, complaint, compliment, auditEntry, caseStudy
            unknown field       | retention: { complaint: { years: 3, clause: LEW 14.3, from: closed } }  | retention.complaint.from: unknown field; expected one of years, untilAge, clause, basis
            """)
    void aMalformedSectionFailsNamingTheField(String what, String retention, String expected) {
        List<String> problems = assertThrows(ContractConfigurationException.class, () -> ContractReader.read(
                "contracts/test.yaml", new StringReader(contract(retention)), CALENDAR)).problems();
        assertEquals(List.of("contracts/test.yaml: " + expected), problems);
    }
}
