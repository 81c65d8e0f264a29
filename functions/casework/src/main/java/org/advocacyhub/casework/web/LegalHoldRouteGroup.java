package org.advocacyhub.casework.web;

import jakarta.inject.Singleton;
import java.util.List;
import org.advocacyhub.application.casework.HoldCase;
import org.advocacyhub.web.ApiOperation;

/** A case kept past its retention period (issue 22): a manager's legal hold, and its lifting. */
@Singleton
final class LegalHoldRouteGroup implements RouteGroup {

    private final List<ApiOperation> operations;

    LegalHoldRouteGroup(CaseRoutes routes, HoldCase hold) {
        this.operations = List.of(
                routes.caseChange("PUT", "/cases/{reference}/legal-hold", "Put the case under a legal hold (a complaint, a safeguarding "
                        + "enquiry, litigation): nothing of it is anonymised while it holds, whatever its retention period (issue 22); "
                        + "the same hold again changes nothing", CaseRoutes.MANAGERS, HoldCase.FIELDS, hold::hold),
                routes.caseChange("POST", "/cases/{reference}/legal-hold/lift", "Lift the case's legal hold, with why: its retention "
                        + "period applies again", CaseRoutes.MANAGERS, HoldCase.LIFT_FIELDS, hold::lift));
    }

    @Override
    public List<ApiOperation> operations() {
        return operations;
    }
}
