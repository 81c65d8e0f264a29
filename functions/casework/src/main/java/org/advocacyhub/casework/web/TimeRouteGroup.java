package org.advocacyhub.casework.web;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.application.casework.RecordHourLimits;
import org.advocacyhub.application.casework.CaseWork;
import org.advocacyhub.application.casework.RecordTime;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.web.ApiOperation;

/** A case's time: entries and their corrections, and what lifts its hour limit (LLR 26.17; LEW 7.3, 7.16, 8.9, 8.11). */
@Singleton
final class TimeRouteGroup implements RouteGroup {

    private final List<ApiOperation> operations;

    TimeRouteGroup(CaseRoutes routes, RecordTime time, RecordHourLimits limits) {
        this.operations = List.of(
                routes.caseChange("POST", "/cases/{reference}/time", "Record time, direct or indirect with its activity (LLR 26.17, "
                                + "LEW 17.5); refused past the contract's limits (LEW 8.11, 7.16; LLR 26.17); at 8 hours the duty manager "
                                + "is told the update to the Council is due (LEW 8.9)", CaseRoutes.CASE_STAFF, RecordTime.FIELDS,
                        time::record),
                new ApiOperation("PUT", "/cases/{reference}/time/{entryId}", "Correct a time entry (its author or a manager); the "
                        + "timeline keeps what changed", org.advocacyhub.web.Who.ENTRY_AUTHOR, List.of(),
                        RecordTime.FIELDS, request -> routes.withActor(request, actor -> {
                            Optional<ReferralReference> reference = request.pathParameter("reference").flatMap(ReferralReference::parse);
                            if (reference.isEmpty()) {
                                return routes.problems().of(404, "Not Found", "There is no case with that reference.");
                            }
                            return routes.caseBody(request, reference.get(), actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE,
                                    fields -> routes.answer(time.correct(reference.get(), request.pathParameter("entryId").orElse(""),
                                            actor, fields)));
                        })),
                routes.caseChange("POST", "/cases/{reference}/hour-approvals", "Record the Service Manager's approval of a new hour "
                                + "limit; the latest approval's limit applies (LEW 7.3, 7.16, 8.11)", CaseRoutes.MANAGERS,
                        RecordHourLimits.APPROVAL, limits::approve),
                routes.caseChange("POST", "/cases/{reference}/hour-requests", "Record a request for more hours with its reasons; "
                                + "each raises the hours the case may have by the hours it asks for (LLR 26.17)", CaseRoutes.CASE_STAFF,
                        RecordHourLimits.REQUEST, limits::request));
    }

    @Override
    public List<ApiOperation> operations() {
        return operations;
    }
}
