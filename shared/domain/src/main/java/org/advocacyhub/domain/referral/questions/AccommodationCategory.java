package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** The young people the Derby accommodation and support service is for (DERBY 3.1.1). */
public enum AccommodationCategory implements Choice {
    CARE_LEAVER("Care leaver"),
    LOOKED_AFTER_LEAVING_CARE("Looked-after young person aged 16 to 18 leaving foster or residential care"),
    HOMELESS_16_17("Homeless 16 or 17 year old"),
    NONE_OF_THESE("None of these");

    private final String displayName;

    AccommodationCategory(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
