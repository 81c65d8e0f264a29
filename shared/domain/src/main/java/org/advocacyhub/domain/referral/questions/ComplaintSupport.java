package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** What a complainant wants from NHS complaints advocacy (LLR 6.4, 6.17). */
public enum ComplaintSupport implements Choice {
    ADVOCATE("Support from an advocate to make or pursue a complaint"),
    INFORMATION_ONLY("Information or a self-help pack, to complain on their own"),
    QUICK_RESOLUTION("A quick answer or fix for a problem with care happening now"),
    COMPENSATION("Compensation or legal action"),
    PROFESSIONAL_CONDUCT("To report a doctor, nurse or other professional to their regulator");

    private final String displayName;

    ComplaintSupport(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
