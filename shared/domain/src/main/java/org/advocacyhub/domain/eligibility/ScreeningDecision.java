package org.advocacyhub.domain.eligibility;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.advocacyhub.domain.referral.ServiceCode;

/**
 * A screening decision with everything the letter to the referrer and the case record need.
 *
 * @param outcome               what was decided
 * @param reasons               why, each with its clause; never empty (requirements §4)
 * @param signposts             where else the person can go (LLR 6.10, 6.17, 8.32); may be empty
 * @param redirectTo            the hub service the referral belongs to: set for {@link Outcome#REDIRECT} only
 * @param alsoLooksEligibleFor  other services of the same contract the person looks eligible for (LLR 9.33)
 * @param informationNeeded     what exactly is missing and from whom: non-empty exactly for {@link Outcome#NEEDS_INFORMATION}
 */
public record ScreeningDecision(
        Outcome outcome,
        List<Reason> reasons,
        List<Signpost> signposts,
        ServiceCode redirectTo,
        Set<ServiceCode> alsoLooksEligibleFor,
        List<InformationNeeded> informationNeeded) {

    public ScreeningDecision {
        Objects.requireNonNull(outcome, "outcome");
        reasons = List.copyOf(reasons);
        signposts = List.copyOf(signposts);
        alsoLooksEligibleFor = alsoLooksEligibleFor.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(alsoLooksEligibleFor));
        informationNeeded = List.copyOf(informationNeeded);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one reason with its clause");
        }
        if ((outcome == Outcome.REDIRECT) != (redirectTo != null)) {
            throw new IllegalArgumentException("redirectTo is set for a REDIRECT and only for a REDIRECT");
        }
        if ((outcome == Outcome.NEEDS_INFORMATION) != !informationNeeded.isEmpty()) {
            throw new IllegalArgumentException("informationNeeded is given for NEEDS_INFORMATION and only for it");
        }
    }

    /**
     * Whether {@code other} tells the referrer the same thing: the same outcome for the same
     * reasons, the same information asked for and the same service suggested. A letter about a
     * decision the referrer already has would tell them nothing new (issue 7).
     */
    public boolean sameDecisionAs(ScreeningDecision other) {
        return other != null && outcome == other.outcome && reasons.equals(other.reasons)
                && informationNeeded.equals(other.informationNeeded) && Objects.equals(redirectTo, other.redirectTo);
    }

    /** The clauses of the reasons, in order, e.g. for the case record. */
    public List<String> clauses() {
        return reasons.stream().map(Reason::clause).toList();
    }
}
