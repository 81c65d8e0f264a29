package org.advocacyhub.domain.eligibility;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.domain.referral.ServiceCode;

/**
 * Every eligibility policy, by the id contracts name in {@code eligibilityPolicy} and by service.
 * The policies are stateless, so one instance of each serves every screening.
 */
public final class EligibilityPolicies {

    private static final List<EligibilityPolicy> ALL = List.of(new ImcaPolicy(), new DolsImcaPolicy(), new ImhaPolicy(),
            new CareActPolicy(), new IcasPolicy(), new CypPolicy(), new AccommodationPolicy());
    private static final Map<String, EligibilityPolicy> BY_ID = new LinkedHashMap<>();
    private static final Map<ServiceCode, EligibilityPolicy> BY_SERVICE = new EnumMap<>(ServiceCode.class);

    static {
        for (EligibilityPolicy policy : ALL) {
            BY_ID.put(policy.id(), policy);
            BY_SERVICE.put(policy.service(), policy);
        }
    }

    private EligibilityPolicies() {
    }

    public static List<EligibilityPolicy> all() {
        return ALL;
    }

    /** The ids policies answer to, e.g. {@code imca}, {@code dols-imca}. */
    public static Set<String> ids() {
        return java.util.Collections.unmodifiableSet(BY_ID.keySet());
    }

    public static Optional<EligibilityPolicy> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /**
     * The policy with {@code id}.
     *
     * @throws IllegalArgumentException naming the known ids
     */
    public static EligibilityPolicy forPolicyId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "no eligibility policy '" + id + "'; known: " + String.join(", ", BY_ID.keySet())));
    }

    /** The policy that screens {@code service}'s referrals by default. */
    public static EligibilityPolicy forService(ServiceCode service) {
        return BY_SERVICE.get(service);
    }

    /**
     * Screens {@code input} with the policy its contract configures for the referral's service
     * ({@code ServiceConfig.eligibilityPolicy()}).
     *
     * @throws IllegalArgumentException when the contract does not commission the service or names an unknown policy
     */
    public static ScreeningDecision screen(ScreeningInput input) {
        String id = input.contract().service(input.referral().service()).eligibilityPolicy();
        return forPolicyId(id).screen(input);
    }
}
