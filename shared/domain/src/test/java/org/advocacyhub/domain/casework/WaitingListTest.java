package org.advocacyhub.domain.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.Referrer;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Requirements §5: the waiting list's order (LLR 5.47-5.48, LEW 8.4). */
class WaitingListTest {

    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static int sequence;

    private static ReferralCase waiting(ServiceCode service, Urgency urgency, LocalDate fixed, Map<String, String> answers, Instant received) {
        Person person = new Person("Alex Testperson", LocalDate.of(1941, 5, 17), Gender.FEMALE, Ethnicity.WHITE_BRITISH, Set.of(),
                Residence.CARE_HOME, null, null, "LEICESTER", null, null, false);
        Referrer referrer = new Referrer(ReferrerRelationship.PROFESSIONAL, "Sam", "Social worker", "Council", "sam@council.example", null);
        ReferralDetails details = new ReferralDetails(service, ReferralRoute.EMAIL, ReferralSource.ADULT_SOCIAL_CARE, person, referrer,
                urgency, fixed, fixed == null ? null : "Meeting", Awareness.AWARE_AND_AGREES, "Reason", answers);
        var definition = CONTRACTS.contractFor(service).service(service).clock("allocation");
        return ReferralCase.received(new ReferralReference("LLR", 2026, ++sequence), details, received, null,
                List.of(definition.startClock(received, urgency == Urgency.URGENT)));
    }

    @Test
    @DisplayName("DoLS IMCA first, then urgent, then the earliest fixed date or authorisation end, then the earliest allocation due")
    void order() {
        ReferralCase ordinaryEarly = waiting(ServiceCode.IMCA, Urgency.STANDARD, null, Map.of(), MONDAY);
        ReferralCase ordinaryLate = waiting(ServiceCode.ICAS, Urgency.STANDARD, null, Map.of(), MONDAY.plusSeconds(86_400));
        ReferralCase fixedLater = waiting(ServiceCode.CARE_ACT, Urgency.STANDARD, LocalDate.of(2026, 12, 10), Map.of(), MONDAY.plusSeconds(1));
        ReferralCase fixedSooner = waiting(ServiceCode.IMHA, Urgency.STANDARD, LocalDate.of(2026, 12, 1), Map.of(), MONDAY.plusSeconds(2));
        ReferralCase urgent = waiting(ServiceCode.IMHA, Urgency.URGENT, null, Map.of(), MONDAY.plusSeconds(172_800));
        ReferralCase dolsLate = waiting(ServiceCode.DOLS_IMCA, Urgency.STANDARD, null, Map.of("authorisationEndDate", "2027-01-20"),
                MONDAY.plusSeconds(200_000));
        ReferralCase dolsEndingSoon = waiting(ServiceCode.DOLS_IMCA, Urgency.STANDARD, null, Map.of("authorisationEndDate", "2026-12-02"),
                MONDAY.plusSeconds(250_000));
        List<ReferralCase> all = new ArrayList<>(List.of(ordinaryEarly, ordinaryLate, fixedLater, fixedSooner, urgent, dolsLate,
                dolsEndingSoon));
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            Collections.shuffle(all, new java.util.Random(shuffle));
            List<ReferralReference> order = WaitingList.order(all, MONDAY.plusSeconds(300_000), CONTRACTS).stream()
                    .map(e -> e.referral().reference()).toList();
            assertEquals(List.of(dolsEndingSoon.reference(), dolsLate.reference(), urgent.reference(), fixedSooner.reference(),
                    fixedLater.reference(), ordinaryEarly.reference(), ordinaryLate.reference()), order);
        }
    }

    @Test
    @DisplayName("each entry shows its age in working days and its running clocks with time left (negative once overdue)")
    void entries() {
        ReferralCase c = waiting(ServiceCode.IMCA, Urgency.STANDARD, null, Map.of(), MONDAY);
        WaitingList.Entry entry = WaitingList.order(List.of(c), Instant.parse("2026-11-26T10:00:00Z"), CONTRACTS).get(0);
        assertEquals(3, entry.ageInWorkingDays(), "Monday, Tuesday and Wednesday 17:00 have passed");
        assertEquals(Instant.parse("2026-11-25T17:00:00Z"), entry.allocationDue());
        assertTrue(entry.clocks().get(0).timeLeft().orElseThrow().isNegative(), "overdue since Wednesday 17:00");
    }
}
