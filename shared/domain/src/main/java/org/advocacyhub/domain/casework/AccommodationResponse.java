package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.Objects;
import org.advocacyhub.domain.referral.Choice;

/**
 * The provider's answer to a council's accommodation referral (DERBY 3.3.1), with the counts the
 * DERBY access KPI uses: the suitable placements the provider had against those the council put
 * forward (DERBY KPIs, Access).
 *
 * @param at                          when the answer was given to the council
 * @param by                          the staff id of who recorded it
 * @param details                     what was offered, or why it was declined (for the council; kept in the hub, not emailed)
 * @param placementsPutForward        how many placements the council put forward, if known
 * @param suitablePlacementsAvailable how many of them the provider could offer suitably, if known
 */
public record AccommodationResponse(Kind kind, Instant at, String by, String details, Integer placementsPutForward,
                                    Integer suitablePlacementsAvailable) {

    /** An offer of a placement, or a decline. */
    public enum Kind implements Choice {
        OFFER("Offer"),
        DECLINE("Decline");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    public AccommodationResponse {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(details, "details");
    }
}
