package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.Objects;

/**
 * A placement that ended, for the DERBY access KPIs (placements ending unexpectedly, at the
 * provider's or at the council's instigation).
 */
public record PlacementEnd(Instant at, Instigator instigator, boolean unexpected, String recordedBy) {

    public enum Instigator { PROVIDER, COUNCIL }

    public PlacementEnd {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(instigator, "instigator");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }
}
