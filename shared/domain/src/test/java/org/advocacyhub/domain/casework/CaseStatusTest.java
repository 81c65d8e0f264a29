package org.advocacyhub.domain.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.advocacyhub.domain.eligibility.Outcome;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @Test
    void eachScreeningDecisionPutsTheCaseInItsOwnScreenedStatus() {
        Map<Outcome, CaseStatus> expected = new EnumMap<>(Map.of(
                Outcome.ELIGIBLE, CaseStatus.AWAITING_ALLOCATION,
                Outcome.NEEDS_INFORMATION, CaseStatus.NEEDS_INFORMATION,
                Outcome.REDIRECT, CaseStatus.REDIRECTED,
                Outcome.NOT_ELIGIBLE, CaseStatus.NOT_ACCEPTED,
                Outcome.INFORMATION_ONLY, CaseStatus.INFORMATION_ONLY,
                Outcome.SIGNPOSTED, CaseStatus.SIGNPOSTED));
        for (Outcome outcome : Outcome.values()) {
            assertEquals(expected.get(outcome), CaseStatus.after(outcome), outcome.name());
            assertTrue(CaseStatus.after(outcome).isScreened(), "a decided case is never waiting for screening again");
        }
        assertTrue(CaseStatus.after(Outcome.ELIGIBLE).isOpenCasework(), "an appropriate referral is the hub's work (LLR 4.5.2)");
    }
}
