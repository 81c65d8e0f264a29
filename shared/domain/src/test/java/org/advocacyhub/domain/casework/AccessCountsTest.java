package org.advocacyhub.domain.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessCountsTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:30:00Z");

    private static Casework answered(AccommodationResponse.Kind kind, Integer putForward, Integer suitable) {
        return Casework.NONE.withResponse(new AccommodationResponse(kind, AT, "sam-derby", "Room from tonight", putForward, suitable));
    }

    private static PlacementEnd end(PlacementEnd.Instigator instigator, boolean unexpected) {
        return new PlacementEnd(AT.plusSeconds(86_400 * 30), instigator, unexpected, "sam-derby");
    }

    @Test
    void derbyAccessKpiCountsSuitablePlacementsAgainstThosePutForwardAndUnexpectedEndsByInstigator() {
        Casework offered = answered(AccommodationResponse.Kind.OFFER, 3, 2)
                .withPlacementEnd(end(PlacementEnd.Instigator.PROVIDER, true))
                .withPlacementEnd(end(PlacementEnd.Instigator.COUNCIL, true))
                .withPlacementEnd(end(PlacementEnd.Instigator.COUNCIL, false));
        Casework declined = answered(AccommodationResponse.Kind.DECLINE, 1, 0);
        Casework offeredWithoutCounts = answered(AccommodationResponse.Kind.OFFER, null, null)
                .withPlacementEnd(end(PlacementEnd.Instigator.COUNCIL, true));

        AccessCounts counts = AccessCounts.of(List.of(offered, declined, offeredWithoutCounts, Casework.NONE));

        assertEquals(new AccessCounts(3, 2, 4, 2, 1, 2), counts);
    }

    @Test
    void derbyAccessKpiCountsNothingForCasesWithoutAResponse() {
        assertEquals(new AccessCounts(0, 0, 0, 0, 0, 0), AccessCounts.of(List.of(Casework.NONE)));
    }
}
