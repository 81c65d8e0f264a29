package org.advocacyhub.domain.referral;

/** Whether the person knows about the referral and agrees to it (IMHA needs the person's consent for third-party referrals, LLR 7.45-7.46). */
public enum Awareness implements Choice {
    AWARE_AND_AGREES("Knows about the referral and agrees"),
    AWARE_NOT_AGREED("Knows about the referral but has not agreed"),
    NOT_AWARE("Does not know about the referral yet"),
    UNABLE_TO_AGREE("Is not able to understand or agree to the referral");

    private final String displayName;

    Awareness(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
