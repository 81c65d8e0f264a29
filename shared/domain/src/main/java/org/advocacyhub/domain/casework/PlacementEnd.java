package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.Objects;
import org.advocacyhub.domain.referral.Choice;

/**
 * A placement that ended, for the DERBY access KPIs (placements ending unexpectedly, at the
 * provider's or at the council's instigation).
 */
public record PlacementEnd(Instant at, Instigator instigator, boolean unexpected, String recordedBy) {

    /** Whose decision ended the placement. */
    public enum Instigator implements Choice {
        PROVIDER("The provider"),
        COUNCIL("The council");

        private final String displayName;

        Instigator(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    public PlacementEnd {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(instigator, "instigator");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }
}
