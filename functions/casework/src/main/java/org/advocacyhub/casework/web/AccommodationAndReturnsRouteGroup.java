package org.advocacyhub.casework.web;

import jakarta.inject.Singleton;
import java.util.List;
import org.advocacyhub.application.casework.AnswerAccommodation;
import org.advocacyhub.application.casework.RecordReturnDetails;
import org.advocacyhub.web.ApiOperation;

/**
 * What particular contracts count: a DERBY accommodation referral's offer or decline and its
 * placements' ends (DERBY 3.3.1, KPIs Access), and a LEW young person's group and reasons for the
 * returns (LEW 17.5, Appendix 1).
 */
@Singleton
final class AccommodationAndReturnsRouteGroup implements RouteGroup {

    private final List<ApiOperation> operations;

    AccommodationAndReturnsRouteGroup(CaseRoutes routes, AnswerAccommodation accommodation, RecordReturnDetails returnDetails) {
        this.operations = List.of(
                routes.caseChange("POST", "/cases/{reference}/response", "Answer an accommodation referral with an offer or a "
                                + "decline: stops the response clock (24 hours, 1 hour when urgent) and emails the council's referrer "
                                + "(DERBY 3.3.1); one answer per referral", CaseRoutes.CASE_TEAM, AnswerAccommodation.RESPONSE,
                        accommodation::respond),
                routes.caseChange("POST", "/cases/{reference}/placement-ends", "Record that a placement offered for the referral "
                                + "ended, by whose instigation and whether unexpectedly (DERBY KPIs, Access)", CaseRoutes.CASE_TEAM,
                        AnswerAccommodation.PLACEMENT_END, accommodation::placementEnded),
                routes.caseChange("PUT", "/cases/{reference}/return-details", "A young person's group and primary and secondary "
                                + "reasons for the returns (LEW 17.5, Appendix 1); left out, the group and primary reason come from the "
                                + "referral", CaseRoutes.CASE_STAFF, RecordReturnDetails.FIELDS, returnDetails::record));
    }

    @Override
    public List<ApiOperation> operations() {
        return operations;
    }
}
