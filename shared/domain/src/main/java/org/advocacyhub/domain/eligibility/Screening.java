package org.advocacyhub.domain.eligibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.advocacyhub.domain.referral.ServiceCode;

/**
 * Collects what a policy found, criterion by criterion, and turns it into one decision. Every
 * criterion adds a reason with its clause: met, failed, unknown (with what to ask and whom), or
 * the request belongs elsewhere. Interpretation (requirements §4, LLR 4.5.2, 9.33, 9.41): the
 * outcome follows from the strongest finding:
 * REDIRECT, then NOT_ELIGIBLE (a criterion definitely fails, so asking would not change it), then
 * SIGNPOSTED, then INFORMATION_ONLY (both end the hub's involvement whatever else is unknown),
 * then NEEDS_INFORMATION, and ELIGIBLE when every criterion is met. The decision carries only the
 * reasons for its own outcome, so the letter never mixes "accepted because" with "not accepted because".
 */
final class Screening {

    private final ScreeningInput input;
    private final ServiceCode service;
    private final List<Reason> met = new ArrayList<>();
    private final List<Reason> failed = new ArrayList<>();
    private final List<Reason> unknown = new ArrayList<>();
    private final List<InformationNeeded> needed = new ArrayList<>();
    private final List<Reason> signposted = new ArrayList<>();
    private final List<Reason> informationOnly = new ArrayList<>();
    private final List<Reason> redirectReasons = new ArrayList<>();
    private final Set<Signpost> signposts = new LinkedHashSet<>();
    private final Set<ServiceCode> alsoLooksEligibleFor = EnumSet.noneOf(ServiceCode.class);
    private ServiceCode redirectTo;

    Screening(ScreeningInput input, ServiceCode service) {
        this.input = input;
        this.service = service;
    }

    /** A criterion the referral meets. */
    void met(String plainEnglish, String clause) {
        met.add(new Reason(plainEnglish, clause));
    }

    /** A criterion the referral definitely fails, with where else to go. */
    void fail(String plainEnglish, String clause, Signpost... elsewhere) {
        failed.add(new Reason(plainEnglish, clause));
        signpost(elsewhere);
    }

    /** A criterion that cannot be decided yet: what exactly is missing, and who can say. */
    void ask(String plainEnglish, String clause, String what, String fromWhom) {
        unknown.add(new Reason(plainEnglish, clause));
        InformationNeeded item = new InformationNeeded(what, fromWhom);
        if (!needed.contains(item)) {
            needed.add(item);
        }
    }

    /** Another organisation is the right one to help (LLR 4.5.2). */
    void signposted(String plainEnglish, String clause, Signpost... elsewhere) {
        signposted.add(new Reason(plainEnglish, clause));
        signpost(elsewhere);
    }

    /** Information and advice is all the person needs (LLR 4.5.2). */
    void informationOnly(String plainEnglish, String clause) {
        informationOnly.add(new Reason(plainEnglish, clause));
    }

    void signpost(Signpost... elsewhere) {
        signposts.addAll(Arrays.asList(elsewhere));
    }

    /**
     * The referral clearly belongs to {@code to} (LLR 9.33). Only a service of the same contract
     * can take it: returns false, changing nothing, when the contract does not commission it.
     */
    boolean redirect(ServiceCode to, String plainEnglish, String clause) {
        if (!input.contract().offers(to) || to == service) {
            return false;
        }
        redirectTo = to;
        redirectReasons.add(new Reason(plainEnglish, clause));
        alsoLooksEligibleFor.add(to);
        return true;
    }

    /**
     * The person also looks eligible for {@code other}. Interpretation (LLR 9.33: "another
     * Advocacy service covered within this specification"): only services the same contract
     * commissions are suggested, since only those are run by this hub for this person's area.
     */
    void suggest(ServiceCode other) {
        if (other != service && input.contract().offers(other)) {
            alsoLooksEligibleFor.add(other);
        }
    }

    boolean hasFailed() {
        return !failed.isEmpty();
    }

    ScreeningDecision decide() {
        List<Signpost> where = List.copyOf(signposts);
        if (redirectTo != null) {
            return new ScreeningDecision(Outcome.REDIRECT, redirectReasons, where, redirectTo, alsoLooksEligibleFor, List.of());
        }
        if (!failed.isEmpty()) {
            return new ScreeningDecision(Outcome.NOT_ELIGIBLE, failed, where, null, alsoLooksEligibleFor, List.of());
        }
        if (!signposted.isEmpty()) {
            return new ScreeningDecision(Outcome.SIGNPOSTED, signposted, where, null, alsoLooksEligibleFor, List.of());
        }
        if (!informationOnly.isEmpty()) {
            return new ScreeningDecision(Outcome.INFORMATION_ONLY, informationOnly, where, null, alsoLooksEligibleFor, List.of());
        }
        if (!unknown.isEmpty()) {
            return new ScreeningDecision(Outcome.NEEDS_INFORMATION, unknown, where, null, alsoLooksEligibleFor, needed);
        }
        if (met.isEmpty()) {
            throw new IllegalStateException(service + " policy found nothing to say: every decision needs a reason");
        }
        return new ScreeningDecision(Outcome.ELIGIBLE, met, where, null, alsoLooksEligibleFor, List.of());
    }
}
