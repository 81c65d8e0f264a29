package org.advocacyhub.domain.contract;

import java.util.List;
import org.advocacyhub.domain.staff.AllocationRequirement;

/**
 * How a service's cases reach a worker, as its contract configures it ({@code allocation} in the
 * contract file).
 *
 * @param allocated     whether a case is allocated to a named advocate (LLR 33.7e); DERBY's
 *                      accommodation referrals are not: the provider answers the council with an
 *                      offer or a decline (DERBY 3.3.1)
 * @param advocateNeeds what the advocate must have to be allocated (LLR 13.1-13.7, 5.49)
 */
public record AllocationPolicy(boolean allocated, List<AllocationRequirement> advocateNeeds) {

    /** Allocated to any advocate who works in the service: the default when a contract says nothing. */
    public static final AllocationPolicy ANY_ADVOCATE = new AllocationPolicy(true, List.of());

    public AllocationPolicy {
        advocateNeeds = List.copyOf(advocateNeeds);
        if (!allocated && !advocateNeeds.isEmpty()) {
            throw new IllegalArgumentException("a service that is not allocated cannot list what its advocates need");
        }
    }
}
