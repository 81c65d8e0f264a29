package org.advocacyhub.domain.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.questions.CypReason;
import org.advocacyhub.domain.referral.questions.CypStatus;
import org.junit.jupiter.api.Test;

class CypReturnTest {

    @Test
    void lew175EachReferralStatusGivesTheReturnsGroupExceptNoneOfThese() {
        assertEquals(Optional.of(CypReturn.Group.LAC), CypReturn.groupFor(CypStatus.LOOKED_AFTER));
        assertEquals(Optional.of(CypReturn.Group.CP_PLAN), CypReturn.groupFor(CypStatus.CHILD_PROTECTION_PLAN));
        assertEquals(Optional.of(CypReturn.Group.CARE_LEAVER), CypReturn.groupFor(CypStatus.CARE_LEAVER));
        assertEquals(Optional.of(CypReturn.Group.CARE_LEAVER), CypReturn.groupFor(CypStatus.CARE_LEAVER_PERSONAL_ADVISER));
        assertEquals(Optional.empty(), CypReturn.groupFor(CypStatus.NONE_OF_THESE));
    }

    @Test
    void lew175TheReferralsAnswersGiveTheGroupAndPrimaryReasonWhenTheyAreThere() {
        ServiceAnswers answers = ServiceAnswers.of(Map.of("cypStatus", "CHILD_PROTECTION_PLAN", "cypReason", "CHILD_PROTECTION_CONFERENCE"));
        assertEquals(Optional.of(CypReturn.Group.CP_PLAN), CypReturn.referredGroup(answers));
        assertEquals(Optional.of(CypReason.CHILD_PROTECTION_CONFERENCE), CypReturn.referredReason(answers));
        ServiceAnswers none = ServiceAnswers.of(Map.of());
        assertEquals(Optional.empty(), CypReturn.referredGroup(none));
        assertEquals(Optional.empty(), CypReturn.referredReason(none));
    }

    @Test
    void lew175TheSecondaryReasonIsNeverThePrimaryAgain() {
        assertThrows(IllegalArgumentException.class,
                () -> new CypReturn(CypReturn.Group.LAC, CypReason.FORMAL_MEETING, CypReason.FORMAL_MEETING));
    }
}
