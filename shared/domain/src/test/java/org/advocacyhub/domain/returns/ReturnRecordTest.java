package org.advocacyhub.domain.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.Test;

/** What the returns count beside cases: the quarter each belongs to, and how long complaints and compliments are kept. */
class ReturnRecordTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final org.advocacyhub.domain.retention.RetentionPolicy DEFAULTS =
            org.advocacyhub.domain.retention.RetentionPolicy.DEFAULTS;

    private static Complaint complaint(LocalDate received, LocalDate closed) {
        return new Complaint("c-1", "LEW", received, ServiceCode.CYP, 1, null, closed, null, "m-1", AT);
    }

    @Test
    void lew143AComplaintIsKeptThreeYearsFromClosingOrWhileOpenFromReceipt() {
        assertEquals(Optional.of(LocalDate.of(2029, 11, 20)), complaint(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 20)).keptUntil(DEFAULTS));
        assertEquals(Optional.of(LocalDate.of(2029, 10, 5)), complaint(LocalDate.of(2026, 10, 5), null).keptUntil(DEFAULTS));
        assertEquals(Optional.of(LocalDate.of(2029, 2, 28)), complaint(LocalDate.of(2026, 2, 28), null).keptUntil(DEFAULTS));
    }

    @Test
    void lew143AComplimentIsKeptThreeYearsFromReceiptAndASessionHasNoSetRetention() {
        assertEquals(Optional.of(LocalDate.of(2029, 7, 1)),
                new Compliment("k-1", "LLR", LocalDate.of(2026, 7, 1), ServiceCode.IMCA, null, "ira", AT).keptUntil(DEFAULTS));
        assertEquals(Optional.empty(), new AwarenessSession("s-1", "LLR", LocalDate.of(2026, 7, 1), "RUTLAND",
                AwarenessSetting.COMMUNITY, null, "ira", AT).keptUntil(DEFAULTS));
    }

    @Test
    void issue22TheContractsRetentionSectionSetsHowLongAComplaintAndAComplimentAreKept() {
        org.advocacyhub.domain.retention.RetentionPolicy five = org.advocacyhub.domain.retention.RetentionPolicy.defaultsWith(Map.of(
                org.advocacyhub.domain.retention.RetainedKind.COMPLAINT,
                org.advocacyhub.domain.retention.RetentionPeriod.providerChoice(5, null, "five years"),
                org.advocacyhub.domain.retention.RetainedKind.COMPLIMENT,
                org.advocacyhub.domain.retention.RetentionPeriod.providerChoice(1, null, "a year")));
        assertEquals(Optional.of(LocalDate.of(2031, 11, 20)), complaint(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 20)).keptUntil(five));
        assertEquals(Optional.of(LocalDate.of(2027, 7, 1)),
                new Compliment("k-1", "LLR", LocalDate.of(2026, 7, 1), ServiceCode.IMCA, null, "ira", AT).keptUntil(five));
    }

    @Test
    void llr2612EachIsCountedInTheFinancialQuarterOfItsDay() {
        assertEquals(new FinancialQuarter(2025, 4), complaint(LocalDate.of(2026, 3, 31), null).quarter());
        assertEquals(new FinancialQuarter(2026, 1), complaint(LocalDate.of(2026, 4, 1), null).quarter());
        assertEquals(new FinancialQuarter(2026, 3), new AwarenessSession("s-1", "LLR", LocalDate.of(2026, 12, 31), "RUTLAND",
                AwarenessSetting.PROFESSIONAL, 12, "ira", AT).quarter());
    }

    @Test
    void lewAppendix1AComplaintsStageIsOneToThreeAndItClosesNoEarlierThanReceived() {
        assertThrows(IllegalArgumentException.class,
                () -> new Complaint("c-1", "LEW", LocalDate.of(2026, 10, 5), ServiceCode.CYP, 4, null, null, null, "m-1", AT));
        assertThrows(IllegalArgumentException.class, () -> complaint(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 4)));
    }
}
