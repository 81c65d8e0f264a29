package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** Whose care an NHS complaint is about, the person who needs the advocate being the complainant (LLR 6.9a). */
public enum ComplainantRole implements Choice {
    PATIENT("Their own care"),
    FOR_SOMEONE_WHO_DIED("The care of someone who has died"),
    FOR_SOMEONE_UNABLE("The care of someone who cannot complain themselves"),
    FOR_SOMEONE_ABLE("The care of someone else who could complain themselves");

    private final String displayName;

    ComplainantRole(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
