package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.Objects;

/**
 * The provider's answer to a council's accommodation referral (DERBY 3.3.1), with the counts the
 * DERBY access KPI uses: the suitable placements the provider had against those the council put
 * forward (DERBY KPIs, Access).
 *
 * @param details                     what was offered, or why it was declined (for the council)
 * @param placementsPutForward        how many placements the council put forward, if known
 * @param suitablePlacementsAvailable how many of them the provider could offer suitably, if known
 */
public record AccommodationResponse(Kind kind, Instant at, String by, String details, Integer placementsPutForward,
                                    Integer suitablePlacementsAvailable) {

    public enum Kind { OFFER, DECLINE }

    public AccommodationResponse {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(details, "details");
    }
}
