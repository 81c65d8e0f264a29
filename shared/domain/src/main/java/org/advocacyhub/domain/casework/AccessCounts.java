package org.advocacyhub.domain.casework;

import java.util.Collection;

/**
 * The counts of the DERBY access KPI (DERBY KPIs, Access; quarterly, DERBY 3.7.1) that come from
 * what staff record on accommodation referrals, summed over the cases given (the report chooses
 * them, e.g. by quarter). The first measure, responses within the timescale, is the response
 * clock's met or missed (DERBY 3.3.1) and is counted with the other clocks.
 *
 * @param responses                   referrals answered with an offer or a decline
 * @param offers                      of which offers
 * @param placementsPutForward        placements the council put forward, where the response says
 * @param suitablePlacementsAvailable suitable placements the provider had against them
 * @param unexpectedEndsByProvider    placements that ended unexpectedly at the provider's instigation
 * @param unexpectedEndsByCouncil     placements that ended unexpectedly at the council's instigation
 */
public record AccessCounts(int responses, int offers, int placementsPutForward, int suitablePlacementsAvailable,
                           int unexpectedEndsByProvider, int unexpectedEndsByCouncil) {

    /**
     * The counts over {@code cases}.
     *
     * <p>Interpretation (DERBY KPIs, Access, "suitable placements available against the total
     * number of placements put forward"): both numbers are summed over the responses that give
     * them; a response that gives neither adds to neither, so the ratio compares like with like.
     */
    public static AccessCounts of(Collection<Casework> cases) {
        int responses = 0;
        int offers = 0;
        int putForward = 0;
        int suitable = 0;
        int byProvider = 0;
        int byCouncil = 0;
        for (Casework work : cases) {
            AccommodationResponse response = work.response();
            if (response != null) {
                responses++;
                offers += response.kind() == AccommodationResponse.Kind.OFFER ? 1 : 0;
                if (response.placementsPutForward() != null && response.suitablePlacementsAvailable() != null) {
                    putForward += response.placementsPutForward();
                    suitable += response.suitablePlacementsAvailable();
                }
            }
            for (PlacementEnd end : work.placementEnds()) {
                if (end.unexpected()) {
                    byProvider += end.instigator() == PlacementEnd.Instigator.PROVIDER ? 1 : 0;
                    byCouncil += end.instigator() == PlacementEnd.Instigator.COUNCIL ? 1 : 0;
                }
            }
        }
        return new AccessCounts(responses, offers, putForward, suitable, byProvider, byCouncil);
    }
}
