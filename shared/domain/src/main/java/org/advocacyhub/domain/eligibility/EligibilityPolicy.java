package org.advocacyhub.domain.eligibility;

import org.advocacyhub.domain.referral.ServiceCode;

/**
 * The eligibility rules of one service (requirements §4) as a pure function: the same referral,
 * date and contract always give the same decision, with its reasons and clause references.
 */
public interface EligibilityPolicy {

    /** The id contracts name in {@code eligibilityPolicy}, e.g. {@code imca}. */
    String id();

    /** The service whose referrals this policy screens. */
    ServiceCode service();

    ScreeningDecision screen(ScreeningInput input);
}
