package org.advocacyhub.domain.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.ServiceCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EligibilityPoliciesTest {

    @Test
    @DisplayName("every policy id in the bundled contracts has a policy, for the service that names it")
    void everyConfiguredPolicyExists() {
        int checked = 0;
        for (Contract contract : ContractCatalogue.bundled().contracts()) {
            for (ServiceConfig service : contract.services()) {
                EligibilityPolicy policy = EligibilityPolicies.forPolicyId(service.eligibilityPolicy());
                assertEquals(service.code(), policy.service(), contract.code() + " " + service.code());
                checked++;
            }
        }
        assertEquals(ServiceCode.values().length, checked);
    }

    @Test
    @DisplayName("every service has exactly one policy, with a unique id")
    void onePolicyPerService() {
        for (ServiceCode service : ServiceCode.values()) {
            assertEquals(service, EligibilityPolicies.forService(service).service());
        }
        assertEquals(EligibilityPolicies.all().size(), EligibilityPolicies.ids().size());
        assertEquals(Set.of("imca", "dols-imca", "imha", "care-act", "icas", "cyp", "accommodation"), EligibilityPolicies.ids());
    }

    @Test
    @DisplayName("an unknown policy id is an error naming the known ids")
    void unknownId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EligibilityPolicies.forPolicyId("imcaa"));
        assertTrue(e.getMessage().contains("imca, dols-imca, imha, care-act, icas, cyp, accommodation"), e.getMessage());
    }

    @Test
    @DisplayName("screen() uses the policy the referral's contract configures")
    void screenUsesTheContractsPolicy() {
        for (ServiceCode service : ServiceCode.values()) {
            ScreeningInput input = Vignette.of(service).input();
            assertEquals(EligibilityPolicies.forService(service).screen(input), EligibilityPolicies.screen(input));
        }
    }

    @Test
    @DisplayName("requirements §4: a decision cannot be made without a reason, and a reason not without a clause")
    void decisionsCarryReasonsWithClauses() {
        Reason reason = new Reason("The person is aged 16 or over.", "LLR 5.52");
        assertThrows(IllegalArgumentException.class,
                () -> new ScreeningDecision(Outcome.ELIGIBLE, List.of(), List.of(), null, Set.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Reason("Because.", ""));
        assertThrows(IllegalArgumentException.class, () -> new Reason("Because.", "5.52"));
        assertThrows(IllegalArgumentException.class, () -> new Reason(" ", "LLR 5.52"));
        assertThrows(IllegalArgumentException.class,
                () -> new ScreeningDecision(Outcome.REDIRECT, List.of(reason), List.of(), null, Set.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ScreeningDecision(Outcome.ELIGIBLE, List.of(reason), List.of(), ServiceCode.IMHA, Set.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ScreeningDecision(Outcome.NEEDS_INFORMATION, List.of(reason), List.of(), null, Set.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ScreeningDecision(Outcome.ELIGIBLE, List.of(reason), List.of(),
                null, Set.of(), List.of(new InformationNeeded("what", "whom"))));
        assertNotNull(new ScreeningDecision(Outcome.ELIGIBLE, List.of(reason), List.of(), null, Set.of(), List.of()));
    }

    @Test
    @DisplayName("the example vignettes of every service are eligible (the starting point of each policy's tests)")
    void vignettesStartEligible() {
        for (ServiceCode service : ServiceCode.values()) {
            assertEquals(Outcome.ELIGIBLE, Vignette.of(service).screen().outcome(), service.name());
        }
    }
}
