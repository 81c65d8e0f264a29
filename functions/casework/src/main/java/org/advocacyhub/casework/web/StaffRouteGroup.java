package org.advocacyhub.casework.web;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.casework.ManageStaff;
import org.advocacyhub.application.casework.ShowWaitingList;
import org.advocacyhub.web.ApiOperation;

/** The staff directory and the waiting list. */
@Singleton
final class StaffRouteGroup implements RouteGroup {

    private final List<ApiOperation> operations;

    StaffRouteGroup(CaseRoutes routes, ManageStaff staff, ShowWaitingList waitingList) {
        StaffJson staffJson = new StaffJson();
        WaitingListJson waitingListJson = new WaitingListJson();
        this.operations = List.of(
                new ApiOperation("GET", "/staff", "The staff directory", CaseRoutes.MANAGERS, List.of(), null,
                        request -> routes.withActorOrFirstManager(request, actor -> actor.isManager()
                                ? routes.json(200, Map.of("staff", staff.list(actor).stream().map(staffJson::map).toList()))
                                : routes.problems().of(403, "Forbidden", "Only managers can see the staff directory."))),
                new ApiOperation("PUT", "/staff/{staffId}", "Create or replace a member of staff: contracts, services, languages "
                        + "(LEW 8.7), duty manager, qualifications with dates (LLR 13.1-13.7)", CaseRoutes.MANAGERS, List.of(),
                        staff.fields(), request -> routes.withActorOrFirstManagerAndBody(request, (actor, fields) -> {
                            ManageStaff.Outcome outcome = staff.put(actor, request.pathParameter("staffId").orElse(""), fields);
                            if (outcome instanceof ManageStaff.Saved saved) {
                                return routes.json(200, staffJson.map(saved.record()));
                            }
                            if (outcome instanceof ManageStaff.Invalid invalid) {
                                return routes.problems().invalid(invalid.errors());
                            }
                            return routes.problems().of(403, "Forbidden", "Only managers can change the staff directory.");
                        })),
                new ApiOperation("GET", "/waiting-list", "Accepted cases waiting for an advocate, in allocation order: DoLS IMCA first "
                        + "(LLR 5.47-5.48), then urgent (LEW 8.4), then fixed dates, then allocation due", CaseRoutes.STAFF,
                        waitingList.query(), null, request -> routes.withActor(request, actor -> {
                            ShowWaitingList.Outcome outcome = waitingList.show(actor, request.queryParameters());
                            if (outcome instanceof ShowWaitingList.Invalid invalid) {
                                return routes.problems().invalid(invalid.errors());
                            }
                            return routes.json(200, waitingListJson.map((ShowWaitingList.Listed) outcome));
                        })));
    }

    @Override
    public List<ApiOperation> operations() {
        return operations;
    }
}
