package org.advocacyhub.domain.referral;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * A referral that passed validation: what the referrer told us, before the hub has screened it.
 *
 * @param serviceAnswers service-specific answers (requirements §4) to the {@link ServiceQuestions} of
 *                       the service, keyed without the {@code details.} prefix; read them typed
 *                       with {@link ServiceAnswers}
 */
public record ReferralDetails(
        ServiceCode service,
        ReferralRoute route,
        ReferralSource source,
        Person person,
        Referrer referrer,
        Urgency urgency,
        LocalDate fixedDate,
        String fixedDateReason,
        Awareness awareness,
        String reason,
        Map<String, String> serviceAnswers) {

    public ReferralDetails {
        serviceAnswers = java.util.Collections.unmodifiableMap(new TreeMap<>(serviceAnswers));
    }

    /**
     * Self-referrals and third-party referrals are flagged for the council (LLR 8.34).
     * Interpretation: a referral is "self" when the referrer says they are the person; every
     * other referral (family, friend, professional, decision maker) is third-party.
     */
    public boolean isSelfReferral() {
        return referrer.relationship() == ReferrerRelationship.SELF;
    }
}
