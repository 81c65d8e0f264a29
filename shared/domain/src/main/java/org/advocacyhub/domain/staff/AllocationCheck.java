package org.advocacyhub.domain.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.advocacyhub.domain.casework.BrokenRule;
import org.advocacyhub.domain.contract.AllocationPolicy;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ServiceCode;

/**
 * Whether an advocate may be allocated a case (requirements §9): every rule broken is named, with
 * its clause, so the manager sees all of them at once. A pure function of the advocate, the case
 * and the day.
 */
public final class AllocationCheck {

    /** How the referral says a person uses British Sign Language (LLR 13.7). */
    private static final Pattern BSL = Pattern.compile("(?i)\\b(BSL|British Sign Language)\\b");

    private AllocationCheck() {
    }

    /**
     * Every rule allocating {@code advocate} to a case of {@code service} in {@code contract} would
     * break; empty when the allocation may go ahead.
     */
    public static List<BrokenRule> check(StaffRecord advocate, String contract, ServiceCode service, AllocationPolicy policy,
                                         AllocationRequirement.Context context) {
        List<BrokenRule> broken = new ArrayList<>();
        if (!policy.allocated()) {
            broken.add(new BrokenRule("NOT_ALLOCATED", "DERBY 3.3.1", service.displayName()
                    + " referrals are not allocated to an advocate: record the offer or decline instead"));
            return broken;
        }
        // LLR 9.32: work goes to staff of the right skill and training who are available (not on leave).
        if (!advocate.active()) {
            broken.add(new BrokenRule("ACTIVE", "LLR 9.32", advocate.id() + " is not active (on leave or no longer working)"));
        }
        if (!advocate.contracts().contains(contract) || !advocate.services().contains(service)) {
            broken.add(new BrokenRule("WORKS_IN_SERVICE", "LLR 9.32", advocate.id() + " does not work in the "
                    + service.displayName() + " service of the " + contract + " contract"));
        }
        for (AllocationRequirement requirement : policy.advocateNeeds()) {
            requirement.broken(advocate, context).ifPresent(why ->
                    broken.add(new BrokenRule(requirement.name(), requirement.clause(), advocate.id() + " " + why)));
        }
        return broken;
    }

    /**
     * Interpretation (LLR 13.7, "advocates supporting Deaf people"): the referral says the person
     * uses British Sign Language when their main language or their communication needs name it
     * ("BSL" or "British Sign Language", any case).
     */
    public static boolean usesBritishSignLanguage(Person person) {
        return (person.language() != null && BSL.matcher(person.language()).find())
                || (person.communicationNeeds() != null && BSL.matcher(person.communicationNeeds()).find());
    }
}
